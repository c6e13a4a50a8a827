package org.jinlin.demands.web.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.ClientErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the Open311 endpoints in the GeoReport v2 format, {@code [{"code": 400, "description": "..."}]}
 * or {@code <errors><error><code>400</code><description>...</description></error></errors>}, in the format the
 * request's suffix asked for: 403 for a missing or invalid key, 404 for what does not exist, 400 for anything
 * else the client got wrong. Runs before the shared problem+json handler, and only for this package.
 */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311Errors {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<byte[]> open311(Open311Exception e, HttpServletRequest request) {
		return render(request, e.status(), e.descriptions());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) {
		return render(request, HttpStatus.NOT_FOUND, List.of(e.getMessage()));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class, AuthenticationException.class })
	ResponseEntity<byte[]> forbidden(RuntimeException e, HttpServletRequest request) {
		return render(request, HttpStatus.FORBIDDEN, List.of("The api_key may not do this"));
	}

	/** The desk's field errors, one Open311 error each, named by the Open311 parameter. */
	@ExceptionHandler(ValidationFailedException.class)
	ResponseEntity<byte[]> invalid(ValidationFailedException e, HttpServletRequest request) {
		List<String> descriptions = e.errors().isEmpty() ? List.of(e.getMessage())
				: e.errors().stream().map(m -> parameter(m.get("field")) + ": " + m.get("message")).toList();
		return render(request, HttpStatus.BAD_REQUEST, descriptions);
	}

	@ExceptionHandler({ ConflictException.class, IllegalArgumentException.class })
	ResponseEntity<byte[]> badRequest(RuntimeException e, HttpServletRequest request) {
		return render(request, HttpStatus.BAD_REQUEST, List.of(e.getMessage() == null ? "Bad request" : e.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
		HttpStatus client = ClientErrors.statusOf(e);
		if (client != null) {
			// never the message: it may hold the raw parameter value
			log.debug("Client error in the Open311 API: {}", ClientErrors.describe(e));
			return render(request, client, List.of(ClientErrors.detail(client)));
		}
		log.error("Unexpected error in the Open311 API", e);
		return render(request, HttpStatus.INTERNAL_SERVER_ERROR, List.of("An unexpected error occurred"));
	}

	/** The Open311 parameter a desk field corresponds to. */
	static String parameter(String field) {
		if (field == null) {
			return "request";
		}
		return switch (field) {
			case "categoryCode" -> "service_code";
			case "location" -> "lat/long, address_id or address_string";
			case "mediaUrl" -> "media_url";
			case "contactPhone" -> "phone";
			case "contactName" -> "first_name/last_name";
			case "photos" -> "media_url";
			default -> field;
		};
	}

	static ResponseEntity<byte[]> render(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
		List<Map<String, Object>> errors = descriptions.stream().map(d -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", status.value());
			error.put("description", d);
			return error;
		}).toList();
		return Open311Writer.render(status, Open311Format.of(request), "errors", errors);
	}
}
