package org.jinlin.shared.web;

import java.nio.charset.CharacterCodingException;
import java.time.DateTimeException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Which exceptions are the client's fault, and their status: a request the container or the framework could not
 * read (bad percent-encoding or character set, a body over the size limit, a broken multipart body), a value
 * that does not parse or is out of range (dates, numbers). The one classification used by the API's problem+json,
 * the Open311 errors, the error pages and the container's own error reports, so none of them answers 500 for it.
 * The exception's message is never shown nor logged: it may hold the raw parameter value.
 */
public final class ClientErrors {

	private ClientErrors() {
	}

	/** 400 or 413 when the exception (or one of its causes) is the client's fault; null otherwise. */
	public static HttpStatus statusOf(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			HttpStatus status = own(t);
			if (status != null) {
				return status;
			}
		}
		return null;
	}

	private static HttpStatus own(Throwable t) {
		if (t instanceof MaxUploadSizeExceededException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (t instanceof org.apache.tomcat.util.http.InvalidParameterException invalid) {
			return invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value() ? HttpStatus.CONTENT_TOO_LARGE
					: HttpStatus.BAD_REQUEST;
		}
		String name = t.getClass().getName();
		if (name.endsWith("SizeLimitExceededException") || name.endsWith("FileCountLimitExceededException")) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (t instanceof MultipartException || t instanceof HttpMessageNotReadableException
				|| t instanceof TypeMismatchException || t instanceof ServletRequestBindingException
				|| t instanceof CharacterCodingException || t instanceof DateTimeException
				|| t instanceof ArithmeticException || t instanceof NumberFormatException
				|| t instanceof java.io.CharConversionException
				|| t instanceof org.springframework.web.util.InvalidUrlException
				|| t instanceof org.springframework.security.web.firewall.RequestRejectedException) {
			return HttpStatus.BAD_REQUEST;
		}
		return null;
	}

	/** What the client is told: no exception text, which may echo the raw input. */
	public static String detail(HttpStatus status) {
		return status == HttpStatus.CONTENT_TOO_LARGE ? "The request is too large."
				: "The request could not be read: a parameter, the path or the body is malformed or out of range.";
	}

	/** What the log gets: the exception types only, never their messages (which may hold the raw value). */
	public static String describe(Throwable e) {
		StringBuilder sb = new StringBuilder();
		for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
			sb.append(sb.isEmpty() ? "" : " <- ").append(t.getClass().getName());
		}
		return sb.toString();
	}
}
