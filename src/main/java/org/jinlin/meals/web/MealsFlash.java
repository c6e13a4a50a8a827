package org.jinlin.meals.web;

import java.util.List;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The meals pages' flash-and-redirect after a button: runs the action and flashes its notice (a message key), or
 * flashes the problem (the conflict's message, or the field errors' messages joined) when it is refused; nothing is
 * written then. Answers the redirect to {@code target}.
 */
final class MealsFlash {

	private MealsFlash() {
	}

	static String act(RedirectAttributes flash, String notice, Runnable action, String target) {
		try {
			action.run();
			flash.addFlashAttribute("notice", notice);
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("problem", e.getMessage());
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("problem", String.join("；", FormErrors.of(e).values().stream().flatMap(List::stream).toList()));
		}
		return "redirect:" + target;
	}
}
