package org.jinlin.servicehours.web;

import org.jinlin.shared.web.ValidationFailedException;

/** The one message a service-hours form shows next to its field: the field's message, or the refusal's. */
final class ServiceHoursPageErrors {

	private ServiceHoursPageErrors() {
	}

	static String message(RuntimeException e) {
		return e instanceof ValidationFailedException v ? v.errors().get(0).get("message") : e.getMessage();
	}
}
