package org.jinlin.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of the JSON API ({@code /api/**}, {@code /open311/**}) as RFC 9457
 * {@code application/problem+json}, including those raised before a handler is found (unknown
 * path, wrong method, unreadable body). Field errors are listed under {@code errors} as
 * {@code {field, message}}. For browser pages the exception is passed on unchanged, so the
 * {@code @ResponseStatus} of the shared exceptions and Spring Boot's error page apply.
 */
@RestControllerAdvice
@Order(0)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	public static final URI TYPE_BASE = URI.create("https://jinlin.org/problems/");

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.CONFLICT, "conflict", "The record was changed by someone else; reload and try again.");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
		apiOnly(e, request);
		log.debug("Data integrity violation", e);
		return problem(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data.");
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ProblemDetail forbidden(RuntimeException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in or send valid credentials.");
	}

	@ExceptionHandler({ IllegalArgumentException.class, ConstraintViolationException.class })
	ProblemDetail badRequest(RuntimeException e, HttpServletRequest request) {
		apiOnly(e, request);
		return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
	}

	@ExceptionHandler(ValidationFailedException.class)
	ProblemDetail invalid(ValidationFailedException e, HttpServletRequest request) {
		apiOnly(e, request);
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", e.getMessage());
		pd.setProperty("errors", e.errors());
		return pd;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e, HttpServletRequest request) {
		apiOnly(e, request);
		HttpStatus client = ClientErrors.statusOf(e);
		if (client != null) {
			// never the message: it may hold the raw parameter value
			log.debug("Client error: {}", ClientErrors.describe(e));
			return problem(client, client == HttpStatus.BAD_REQUEST ? "bad-request" : "too-large", ClientErrors.detail(client));
		}
		log.error("Unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred.");
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest swr) {
			apiOnly(ex, swr.getRequest());
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/** Outside the JSON API, rethrow: the framework then handles the original exception as usual. */
	static void apiOnly(Exception e, HttpServletRequest request) {
		if (!isApi(request)) {
			ApiExceptionHandler.<RuntimeException>sneakyThrow(e);
		}
	}

	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/open311/");
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
		throw (T) t;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest swr) {
			apiOnly(ex, swr.getRequest());
		}
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
		List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(fe -> Map.of("field", fe.getField(), "message", message(fe)))
			.toList();
		pd.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(pd);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest swr) {
			apiOnly(ex, swr.getRequest());
		}
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid parameters.");
		return ResponseEntity.badRequest().body(pd);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest swr) {
			apiOnly(ex, swr.getRequest());
		}
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is too large."));
	}

	private static String message(FieldError fe) {
		return fe.getDefaultMessage() == null ? "invalid" : fe.getDefaultMessage();
	}

	public static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setType(TYPE_BASE.resolve(type));
		return pd;
	}
}
