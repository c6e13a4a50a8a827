package org.jinlin.memberservice;

import java.util.Map;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The friendly error page with the right status for the member-service pages (the API renders problem+json). */
@ControllerAdvice(assignableTypes = MemberServicePages.class)
class MemberServicePagesAdvice {

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

	private static ModelAndView page(HttpStatus status) {
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}
}
