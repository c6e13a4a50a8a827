package org.jinlin.demands.web.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.accounts.ApiKeys;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.PublicDemands;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.PublicDemand;
import org.jinlin.demands.internal.PublicSearch;
import org.jinlin.demands.internal.RaiseDemand;
import org.jinlin.shared.ActorPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open311 GeoReport v2 API at {@value #BASE}: discovery, the service list and definitions (the demand
 * categories), raising a service request with an {@code api_key} of purpose OPEN311, and the public view of
 * requests by filters, by id and by token. Every resource answers in JSON, or in XML with the {@code .xml}
 * suffix. Readers need no key and only ever see the public view of a demand (no personal data).
 */
@RestController
@RequiredArgsConstructor
public class Open311Controller {

	static final String BASE = "/open311/v2";

	/** A search without dates covers this window, and no search may span more (GeoReport v2). */
	static final Duration WINDOW = Duration.ofDays(90);

	/** The specification's default: the requests of the last 90 days, or the first 1,000 of them. */
	static final int DEFAULT_PAGE_SIZE = 1000;

	static final int MAX_PAGE_SIZE = 1000;

	private final DemandRaising raising;

	private final PublicDemands publicDemands;

	private final DemandCategories categories;

	private final ApiKeys apiKeys;

	private final Open311Documents documents;

	@GetMapping({ BASE + "/discovery", BASE + "/discovery.{format:json|xml}" })
	ResponseEntity<byte[]> discovery(@PathVariable(required = false) String format) {
		return ok(format, "discovery", documents.discovery());
	}

	@GetMapping({ BASE + "/services", BASE + "/services.{format:json|xml}" })
	ResponseEntity<byte[]> services(@PathVariable(required = false) String format, HttpServletRequest request) {
		documents.checkJurisdiction(request);
		return ok(format, "services", categories.active().stream().map(documents::service).toList());
	}

	@GetMapping({ BASE + "/services/{code:[^.]+}", BASE + "/services/{code:[^.]+}.{format:json|xml}" })
	ResponseEntity<byte[]> serviceDefinition(@PathVariable String code, @PathVariable(required = false) String format,
			HttpServletRequest request) {
		documents.checkJurisdiction(request);
		DemandCategory category = activeCategory(code)
			.orElseThrow(() -> Open311Exception.notFound("No service with service_code " + code));
		return ok(format, "service_definition", documents.serviceDefinition(category));
	}

	/** POST Service Request: form parameters, authenticated by {@code api_key}. */
	@PostMapping({ BASE + "/requests", BASE + "/requests.{format:json|xml}" })
	ResponseEntity<byte[]> raise(@PathVariable(required = false) String format, HttpServletRequest request) {
		documents.checkJurisdiction(request);
		Authentication key = apiKeys.authentication(request.getParameter("api_key"))
			.filter(a -> a.getPrincipal() instanceof ActorPrincipal p
					&& ApiKeyPurpose.OPEN311.name().equals(p.actor().apiKeyPurpose()))
			.orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, "Missing or invalid api_key"));
		RaiseDemand command = Open311Params.raise(request);
		DemandView raised = as(key, () -> raising.raise(command));
		return ok(format, "service_requests", List.of(documents.created(raised)));
	}

	/** GET Service Requests: by ids (which overrides every other filter), or by codes, dates and status, paged. */
	@GetMapping({ BASE + "/requests", BASE + "/requests.{format:json|xml}" })
	ResponseEntity<byte[]> requests(@PathVariable(required = false) String format, HttpServletRequest request) {
		documents.checkJurisdiction(request);
		PublicSearch search = search(request);
		return ok(format, "service_requests", documents.requests(publicDemands.publicSearch(search)));
	}

	@GetMapping({ BASE + "/requests/{id:[^.]+}", BASE + "/requests/{id:[^.]+}.{format:json|xml}" })
	ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable(required = false) String format,
			HttpServletRequest request) {
		documents.checkJurisdiction(request);
		Long demandId = Open311Params.parseId(id);
		List<PublicDemand> found = demandId == null ? List.of()
				: publicDemands.publicSearch(new PublicSearch(List.of(demandId), null, null, null, null, 0, 1));
		if (found.isEmpty()) {
			throw Open311Exception.notFound("No service request " + id);
		}
		return ok(format, "service_requests", documents.requests(found));
	}

	@GetMapping({ BASE + "/tokens/{token:[^.]+}", BASE + "/tokens/{token:[^.]+}.{format:json|xml}" })
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable(required = false) String format,
			HttpServletRequest request) {
		documents.checkJurisdiction(request);
		PublicDemand demand = publicDemands.publicByToken(token)
			.orElseThrow(() -> Open311Exception.notFound("No service request with token " + token));
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("service_request_id", String.valueOf(demand.id()));
		item.put("token", demand.token());
		return ok(format, "service_requests", List.of(item));
	}

	/** Anything else under the API is a 404 in the Open311 format (also a known path with another method). */
	@RequestMapping({ "/open311", "/open311/**" })
	ResponseEntity<byte[]> unknown(HttpServletRequest request) {
		throw Open311Exception.notFound("No such resource: " + request.getMethod() + " " + request.getRequestURI());
	}

	// ------------------------------------------------------------------ helpers

	private java.util.Optional<DemandCategory> activeCategory(String code) {
		return categories.findByCode(code).filter(DemandCategory::active);
	}

	PublicSearch search(HttpServletRequest request) {
		int page = Open311Params.integer(request, "page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
		int size = Open311Params.integer(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
		List<Long> ids = Open311Params.ids(request.getParameter("service_request_id"));
		if (!ids.isEmpty()) {
			// "This overrides all other arguments."
			return new PublicSearch(ids, null, null, null, null, page - 1, size);
		}
		List<String> codes = Open311Params.list(request.getParameter("service_code"));
		Instant start = Open311Params.datetime(request, "start_date");
		Instant end = Open311Params.datetime(request, "end_date");
		if (start == null && end == null) {
			end = Instant.now();
			start = end.minus(WINDOW);
		}
		else if (start == null) {
			start = end.minus(WINDOW);
		}
		else if (end == null) {
			end = start.plus(WINDOW);
		}
		if (end.isBefore(start)) {
			throw Open311Exception.badRequest("end_date is before start_date");
		}
		if (Duration.between(start, end).compareTo(WINDOW) > 0) {
			throw Open311Exception.badRequest("start_date and end_date may not span more than 90 days");
		}
		Boolean open = Open311Params.status(request.getParameter("status"));
		return new PublicSearch(null, codes.isEmpty() ? null : codes, start, end, open, page - 1, size);
	}

	/** Runs a call as the API key, so the desk checks the key's jurisdiction and records it as the raiser. */
	private static <T> T as(Authentication key, java.util.function.Supplier<T> call) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(key);
		SecurityContextHolder.setContext(context);
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static ResponseEntity<byte[]> ok(String format, String root, Object document) {
		return Open311Writer.render(HttpStatus.OK, Open311Format.of(format), root, document);
	}
}
