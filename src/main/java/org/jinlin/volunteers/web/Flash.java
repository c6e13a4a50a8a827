package org.jinlin.volunteers.web;

import java.util.function.Supplier;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A page command followed by a redirect: its notice, or the rule's or the fields' messages, as flash attributes. */
final class Flash {

	private Flash() {
	}

	/** Runs the command, which answers its notice. */
	static void run(RedirectAttributes flash, Supplier<String> command) {
		try {
			flash.addFlashAttribute("notice", command.get());
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("error", String.join(" ", e.errors().stream().map(m -> m.get("message")).toList()));
		}
	}
}
