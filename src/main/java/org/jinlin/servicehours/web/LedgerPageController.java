package org.jinlin.servicehours.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.HoursStatements;
import org.jinlin.servicehours.internal.LedgerCorrections;
import org.jinlin.servicehours.internal.ServiceHoursAccess;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger of a jurisdiction, and its corrections. */
@Controller
@RequiredArgsConstructor
class LedgerPageController {

	private final HoursStatements statements;

	private final LedgerCorrections corrections;

	@GetMapping("/service/ledger")
	String ledger(@RequestParam(required = false) String territory, Model model) {
		model.addAttribute("territory", territory);
		return page(territory, model);
	}

	@PostMapping("/service/ledger/{id}/reverse")
	String reverse(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			corrections.reverse(id, reason);
		}
		catch (ValidationFailedException | ConflictException e) {
			model.addAttribute("reverseId", id);
			model.addAttribute("reverseError", ServiceHoursPageErrors.message(e));
			return page(null, model);
		}
		redirect.addFlashAttribute("notice", "servicehours.reverse.done");
		return "redirect:/service/ledger";
	}

	/** The latest transfers, and whether the caller may correct them (the rule the corrections apply). */
	private String page(String territory, Model model) {
		model.addAttribute("transfers", statements.transfers(territory, 100));
		model.addAttribute("canReverse", ServiceHoursAccess.writer(CurrentActor.require()));
		return "servicehours/ledger";
	}
}
