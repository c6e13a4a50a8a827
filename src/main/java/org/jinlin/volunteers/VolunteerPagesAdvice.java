package org.jinlin.volunteers;

import java.util.Map;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The friendly error page with the right status for the volunteer pages (the API renders problem+json). */
@ControllerAdvice(assignableTypes = { VolunteerPages.class, CertificatePages.class })
class VolunteerPagesAdvice {

	/** The time zone the pages show times in (Fuzhou). */
	@org.springframework.web.bind.annotation.ModelAttribute("zone")
	java.time.ZoneId zone() {
		return VolunteerActivities.ZONE;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden() {
		return page(HttpStatus.FORBIDDEN);
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict() {
		return page(HttpStatus.CONFLICT);
	}

	private static ModelAndView page(HttpStatus status) {
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}
}
