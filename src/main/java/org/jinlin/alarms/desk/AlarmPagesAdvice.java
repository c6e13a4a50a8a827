package org.jinlin.alarms.desk;

import java.util.Map;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The friendly error page with the right status for the alarm pages, for what a page does not turn into a message
 * itself (an alarm outside the jurisdiction, a page for staff only). Never a 500 for bad input.
 */
@ControllerAdvice(basePackageClasses = AlarmPagesAdvice.class)
class AlarmPagesAdvice {

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return AlarmPagesSupport.ZONE;
	}

	/** Bootstrap badge class by alarm status name. */
	@ModelAttribute("badges")
	Map<String, String> badges() {
		Map<String, String> m = new java.util.HashMap<>();
		for (org.jinlin.alarms.AlarmStatus s : org.jinlin.alarms.AlarmStatus.values()) {
			m.put(s.name(), AlarmPagesSupport.badge(s));
		}
		return m;
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

	@ExceptionHandler(ValidationFailedException.class)
	ModelAndView invalid() {
		return page(HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler({ org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
			org.springframework.web.bind.MissingServletRequestParameterException.class })
	ModelAndView badRequest() {
		return page(HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView page(HttpStatus status) {
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}
}
