package org.jinlin.servicehours.web;

import java.math.BigDecimal;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.HoursStatements;
import org.jinlin.servicehours.internal.TimeBank;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My service hours: balances, records, movements, and the time bank (join, donate). */
@Controller
@RequiredArgsConstructor
class MyHoursPageController {

	private final HoursStatements statements;

	private final TimeBank timeBank;

	private final FieldErrors fieldErrors;

	@GetMapping("/service/hours")
	String mine(Model model) {
		model.addAttribute("my", statements.mine());
		return "servicehours/mine";
	}

	@PostMapping("/service/hours/time-bank/join")
	String join(RedirectAttributes redirect) {
		timeBank.join();
		redirect.addFlashAttribute("notice", "servicehours.timebank.joined");
		return "redirect:/service/hours";
	}

	@PostMapping("/service/hours/time-bank/donate")
	String donate(@RequestParam(required = false) String hoursText, Model model, RedirectAttributes redirect) {
		try {
			timeBank.donate(parse(hoursText, "hours"), null);
		}
		catch (ValidationFailedException | ConflictException e) {
			model.addAttribute("my", statements.mine());
			model.addAttribute("donateError", ServiceHoursPageErrors.message(e));
			model.addAttribute("donateValue", hoursText);
			return "servicehours/mine";
		}
		redirect.addFlashAttribute("notice", "servicehours.timebank.donated");
		return "redirect:/service/hours";
	}

	private BigDecimal parse(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw fieldErrors.invalid("problems.invalid",
					List.of(new FieldErrors.FieldError(field, "servicehours.amount.number")));
		}
	}
}
