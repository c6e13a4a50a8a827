package org.jinlin.circle.facilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * The field rules of a registry facility, shared by the API, the form and every importer: name and lengths, a
 * category of the catalogue whose facilities are entered here (elderly care and elder canteens come from the
 * care-facility network, never re-entered), status, phone format, coordinates in range and given together in a
 * known coordinate system (converted to WGS-84), and the territory node - given by code, or the community nearest
 * the location - inside the writer's jurisdiction.
 */
@Component
@RequiredArgsConstructor
class CircleFacilityChecks {

	static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");

	private final Territories territories;

	private final Categories categories;

	/** Either the values to write or the problems found. */
	record Outcome(CircleFacilityRepository.Values values, List<FieldError> problems) {

		boolean valid() {
			return problems.isEmpty();
		}
	}

	/** What one operation checks against: the catalogue and the communities, read once. */
	final class Context {

		final Actor actor;

		final Map<String, CategoryDefinition> byCode = new java.util.HashMap<>();

		final Map<String, String> byName = new java.util.HashMap<>();

		private CommunityLocator locator;

		/** Where points with no community nearby go (a city-wide OSM import), or null. */
		TerritoryNode fallback;

		Context(Actor actor) {
			this.actor = actor;
			for (CategoryDefinition c : categories.definitions()) {
				byCode.put(c.code(), c);
				byName.put(norm(c.nameZh()), c.code());
				byName.put(norm(c.nameEn()), c.code());
				byName.put(norm(c.code()), c.code());
			}
		}

		CommunityLocator locator() {
			if (locator == null) {
				locator = new CommunityLocator(territories);
			}
			return locator;
		}

		/** A category by code, Chinese or English name. */
		CategoryDefinition category(String text) {
			String code = byName.get(norm(text));
			return code == null ? null : byCode.get(code);
		}
	}

	Context context(Actor actor) {
		return new Context(actor);
	}

	static String norm(String s) {
		return s == null ? "" : s.strip().replace(" ", "").replace("\u3000", "").toLowerCase(Locale.ROOT);
	}

	Outcome check(CircleFacilityDraft d, Context ctx) {
		List<FieldError> p = new ArrayList<>();
		String name = text(p, "name", d.name(), 100, true);
		CategoryDefinition category = null;
		if (FieldErrors.trim(d.category()) == null) {
			p.add(new FieldError("category", "circlefacilities.error.required"));
		}
		else {
			category = ctx.category(d.category());
			if (category == null) {
				p.add(new FieldError("category", "circlefacilities.error.category", d.category().strip()));
			}
			else if (category.fromCareFacilities()) {
				p.add(new FieldError("category", "circlefacilities.error.careCategory", category.nameZh()));
			}
		}
		String address = text(p, "address", d.address(), 200, false);
		String operator = text(p, "operator", d.operator(), 100, false);
		String phone = text(p, "phone", d.phone(), 30, false);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			p.add(new FieldError("phone", "circlefacilities.error.phone"));
		}
		String hours = text(p, "openingHours", d.openingHours(), 100, false);
		CircleFacilityRepository.Status status = CircleFacilityRepository.Status.OPERATING;
		if (FieldErrors.trim(d.status()) != null) {
			status = parseStatus(d.status());
			if (status == null) {
				p.add(new FieldError("status", "circlefacilities.error.status"));
			}
		}
		CoordinateSystem crs = CoordinateSystem.WGS84;
		if (FieldErrors.trim(d.coordinateSystem()) != null) {
			crs = CoordinateSystem.parse(d.coordinateSystem()).orElse(null);
			if (crs == null) {
				p.add(new FieldError("coordinateSystem", "circlefacilities.error.coordinateSystem"));
			}
		}
		Double lat = d.latitude();
		Double lon = d.longitude();
		boolean located = true;
		if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
			p.add(new FieldError("latitude", "circlefacilities.error.latitude"));
			located = false;
		}
		if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
			p.add(new FieldError("longitude", "circlefacilities.error.longitude"));
			located = false;
		}
		if ((lat == null) != (lon == null)) {
			p.add(new FieldError(lat == null ? "latitude" : "longitude", "circlefacilities.error.coordinatePair"));
			located = false;
		}
		located = located && lat != null && lon != null;
		Double wLat = null;
		Double wLon = null;
		if (located && crs != null) {
			double[] w = CoordinateSystems.toWgs84(crs, lat, lon);
			wLat = Math.round(w[0] * 1e7) / 1e7;
			wLon = Math.round(w[1] * 1e7) / 1e7;
		}
		TerritoryNode territory = null;
		String code = FieldErrors.trim(d.territoryCode());
		if (code != null) {
			territory = territories.lookupByCode(code).orElse(null);
			if (territory == null) {
				p.add(new FieldError("territoryCode", "circlefacilities.error.territory"));
			}
			else if (territory.level() == TerritoryLevel.BUILDING) {
				p.add(new FieldError("territoryCode", "circlefacilities.error.territoryLevel"));
				territory = null;
			}
			else if (!ctx.actor.covers(territory.path())) {
				p.add(new FieldError("territoryCode", "circlefacilities.error.outsideJurisdiction"));
				territory = null;
			}
		}
		else if (wLat != null) {
			territory = ctx.locator().nearest(wLat, wLon).orElse(ctx.fallback);
			if (territory == null) {
				p.add(new FieldError("territoryCode", "circlefacilities.error.noCommunityNearby"));
			}
			else if (!ctx.actor.covers(territory.path())) {
				p.add(new FieldError("territoryCode", "circlefacilities.error.nearestOutside", territory.name()));
				territory = null;
			}
		}
		else if (located || (lat == null && lon == null)) {
			p.add(new FieldError("territoryCode", "circlefacilities.error.territoryOrLocation"));
		}
		if (!p.isEmpty()) {
			return new Outcome(null, p);
		}
		return new Outcome(new CircleFacilityRepository.Values(name, category.code(), address, wLat, wLon, wLat == null ? null : crs,
				wLat == null ? null : lat, wLat == null ? null : lon, territory, operator, phone, hours, status), List.of());
	}

	static CircleFacilityRepository.Status parseStatus(String s) {
		String n = norm(s);
		for (CircleFacilityRepository.Status st : CircleFacilityRepository.Status.values()) {
			if (st.name().toLowerCase(Locale.ROOT).equals(n)) {
				return st;
			}
		}
		return switch (n) {
			case "运营中", "营业", "营业中", "operating", "open" -> CircleFacilityRepository.Status.OPERATING;
			case "关闭", "已关闭", "停业", "closed" -> CircleFacilityRepository.Status.CLOSED;
			default -> null;
		};
	}

	/** The trimmed text, or a field error when it is missing (and required) or longer than {@code max}. */
	static String text(List<FieldError> p, String field, String value, int max, boolean required) {
		String t = FieldErrors.trim(value);
		if (t == null) {
			if (required) {
				p.add(new FieldError(field, "circlefacilities.error.required"));
			}
			return null;
		}
		if (t.codePointCount(0, t.length()) > max) {
			p.add(new FieldError(field, "circlefacilities.error.tooLong", max));
		}
		return t;
	}
}
