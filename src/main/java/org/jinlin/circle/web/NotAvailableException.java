package org.jinlin.circle.web;

/** A service of the circle module is not (yet) available on this instance: 503. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
class NotAvailableException extends RuntimeException {

	NotAvailableException(String message) {
		super(message);
	}
}
