package org.jinlin.demands.web.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jinlin.demands.internal.AttributeType;
import org.jinlin.demands.internal.CategoryAttribute;
import org.jinlin.demands.internal.DeadlineUnit;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.PublicDemand;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the GeoReport v2 documents (maps in the specification's element order) from the demand
 * categories and the public view of demands. Dates are W3C date-times in the city's time zone.
 */
@Component
public class Open311Documents {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this endpoint last changed in a way clients may care about. */
	static final Instant CHANGESET = Instant.parse("2026-11-27T00:00:00Z");

	private final DemandCategories categories;

	private final Territories territories;

	private final String contact;

	private final String keyService;

	Open311Documents(DemandCategories categories, Territories territories,
			@Value("${jinlin.open311.contact:Jinlin (近邻) Open311 API: ask the city's administrators for help.}") String contact,
			@Value("${jinlin.open311.key-service:API keys with purpose OPEN311 are issued by the city's administrators at /admin/api-keys.}") String keyService) {
		this.categories = categories;
		this.territories = territories;
		this.contact = contact;
		this.keyService = keyService;
	}

	Map<String, Object> discovery() {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path(Open311Controller.BASE).toUriString());
		endpoint.put("changeset", datetime(CHANGESET));
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("changeset", datetime(CHANGESET));
		d.put("contact", contact);
		d.put("key_service", keyService);
		d.put("endpoints", List.of(endpoint));
		TerritoryNode city = city();
		if (city != null) {
			Map<String, Object> jurisdiction = new LinkedHashMap<>();
			jurisdiction.put("jurisdiction_id", city.code());
			jurisdiction.put("name", city.name());
			jurisdiction.put("note", JURISDICTION_NOTE.formatted(city.code()));
			d.put("jurisdiction", jurisdiction);
		}
		return d;
	}

	/** How {@code jurisdiction_id} is read, as the discovery document tells clients. */
	static final String JURISDICTION_NOTE = "This endpoint serves one jurisdiction, so jurisdiction_id is optional on every "
			+ "call: leave it out, send it empty, or send %s. Any other value answers 404 (jurisdiction_id not found).";

	/**
	 * Checks a request's {@code jurisdiction_id} as the discovery document says: absent, empty or the city's code is
	 * this endpoint; anything else is a 404 in the Open311 error format.
	 */
	void checkJurisdiction(jakarta.servlet.http.HttpServletRequest request) {
		String[] values = request.getParameterValues("jurisdiction_id");
		if (values == null) {
			return;
		}
		TerritoryNode city = city();
		for (String v : values) {
			if (v != null && !v.isBlank() && (city == null || !city.code().equals(v.strip()))) {
				throw Open311Exception.notFound("jurisdiction_id not found: this endpoint serves "
						+ (city == null ? "no jurisdiction yet" : city.code() + " (" + city.name() + ")"));
			}
		}
	}

	private TerritoryNode city() {
		return territories.lookupLevelUnder(TerritoryLevel.CITY, "/").stream().findFirst().orElse(null);
	}

	Map<String, Object> service(DemandCategory c) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("service_code", c.code());
		s.put("service_name", c.localizedName(LocaleContextHolder.getLocale()));
		s.put("description", c.description());
		s.put("metadata", !c.attributes().isEmpty());
		s.put("type", "realtime");
		s.put("keywords", c.keywords());
		s.put("group", c.group());
		return s;
	}

	Map<String, Object> serviceDefinition(DemandCategory c) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("service_code", c.code());
		d.put("attributes", c.attributes().stream().map(this::attribute).toList());
		return d;
	}

	private Map<String, Object> attribute(CategoryAttribute a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("variable", true);
		m.put("code", a.code());
		m.put("datatype", a.datatype().open311());
		m.put("required", a.required());
		m.put("datatype_description", datatypeDescription(a.datatype()));
		m.put("order", a.position() + 1);
		m.put("description", english() && a.descriptionEn() != null && !a.descriptionEn().isBlank() ? a.descriptionEn()
				: a.description());
		if (a.datatype().hasChoices()) {
			m.put("values", a.choices().stream().map(choice -> {
				Map<String, Object> v = new LinkedHashMap<>();
				v.put("key", choice.key());
				v.put("name", choice.label());
				return v;
			}).toList());
		}
		return m;
	}

	private static String datatypeDescription(AttributeType type) {
		return switch (type) {
			case NUMBER -> "A number, e.g. 12 or 3.5";
			case DATE -> "A date (2026-11-26) or a W3C date and time (2026-11-26T09:30:00+08:00)";
			case STRING -> "Text, at most 200 characters";
			case TEXT -> "Text, at most 2000 characters";
			case SINGLE_CHOICE -> "One of the keys under values";
			case MULTIPLE_CHOICE -> "Any of the keys under values, each as attribute[code][]";
		};
	}

	/** The answer to POST Service Request. */
	Map<String, Object> created(DemandView d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", String.valueOf(d.id()));
		m.put("token", d.token());
		m.put("service_notice", notice(categories.findByCode(d.categoryCode()).orElse(null), d.handlerName()));
		m.put("account_id", null);
		return m;
	}

	List<Map<String, Object>> requests(List<PublicDemand> demands) {
		Map<String, DemandCategory> byCode = categories.all().stream()
			.collect(Collectors.toMap(DemandCategory::code, Function.identity()));
		return demands.stream().map(d -> request(d, byCode.get(d.categoryCode()))).toList();
	}

	private Map<String, Object> request(PublicDemand d, DemandCategory category) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("service_request_id", String.valueOf(d.id()));
		m.put("status", d.status().isPubliclyOpen() ? "open" : "closed");
		m.put("status_notes", statusNotes(d));
		m.put("service_name", category != null ? category.localizedName(LocaleContextHolder.getLocale()) : d.categoryName());
		m.put("service_code", d.categoryCode());
		m.put("description", d.description());
		m.put("agency_responsible", d.handlerName());
		m.put("service_notice", notice(category, d.handlerName()));
		m.put("requested_datetime", datetime(d.raisedAt()));
		m.put("updated_datetime", datetime(d.updatedAt()));
		m.put("expected_datetime", datetime(d.expectedBy()));
		m.put("address", d.place());
		// The public view names no building; zipcodes are not kept.
		m.put("address_id", null);
		m.put("zipcode", null);
		m.put("lat", d.latitude());
		m.put("long", d.longitude());
		m.put("media_url", d.mediaUrl() != null ? d.mediaUrl() : d.photos().isEmpty() ? null
				: ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/public/demands/photos/{id}")
					.buildAndExpand(d.photos().get(0).id())
					.toUriString());
		return m;
	}

	/** The latest note of the public timeline. */
	private static String statusNotes(PublicDemand d) {
		for (int i = d.timeline().size() - 1; i >= 0; i--) {
			String note = d.timeline().get(i).note();
			if (note != null && !note.isBlank()) {
				return note;
			}
		}
		return null;
	}

	/** What happens next: who handles requests of this service, and the deadlines they work to. */
	static String notice(DemandCategory c, String handler) {
		if (c == null) {
			return null;
		}
		String unit = handler != null ? handler : c.departmentName();
		return (unit != null ? "Handled by " + unit + ". " : "") + "To be signed for within "
				+ amount(c.signDeadline(), c.signDeadlineUnit()) + " and handled within "
				+ amount(c.handleDeadline(), c.handleDeadlineUnit()) + ".";
	}

	private static String amount(int n, DeadlineUnit unit) {
		String word = unit == DeadlineUnit.WORKING_HOURS ? "working hour" : "working day";
		return n + " " + word + (n == 1 ? "" : "s");
	}

	static String datetime(Instant instant) {
		return instant == null ? null
				: DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	private static boolean english() {
		Locale locale = LocaleContextHolder.getLocale();
		return locale != null && "en".equals(locale.getLanguage());
	}
}
