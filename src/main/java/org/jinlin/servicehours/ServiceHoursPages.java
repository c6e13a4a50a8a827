package org.jinlin.servicehours;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/** My service hours, the service figures with their charts, and the ledger of a jurisdiction. */
@Controller
class ServiceHoursPages {

	private final ServiceHours hours;

	private final ServiceFigures figures;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	ServiceHoursPages(ServiceHours hours, ServiceFigures figures, MessageSource messages) {
		this.hours = hours;
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/service/hours")
	String mine(Model model) {
		model.addAttribute("my", hours.mine());
		return "servicehours/mine";
	}

	@PostMapping("/service/hours/time-bank/join")
	String join(RedirectAttributes redirect) {
		hours.joinTimeBank();
		redirect.addFlashAttribute("notice", "servicehours.timebank.joined");
		return "redirect:/service/hours";
	}

	@PostMapping("/service/hours/time-bank/donate")
	String donate(@RequestParam(required = false) String hoursText, Model model, RedirectAttributes redirect) {
		try {
			hours.donate(parse(hoursText, "hours"), null);
		}
		catch (ValidationFailedException | ConflictException e) {
			model.addAttribute("my", hours.mine());
			model.addAttribute("donateError", e instanceof ValidationFailedException v
					? v.errors().get(0).get("message") : e.getMessage());
			model.addAttribute("donateValue", hoursText);
			return "servicehours/mine";
		}
		redirect.addFlashAttribute("notice", "servicehours.timebank.donated");
		return "redirect:/service/hours";
	}

	@GetMapping("/service/figures")
	String figures(@RequestParam(required = false) String territory, Model model) {
		ServiceFigures.Figures f = figures.figures(territory);
		model.addAttribute("figures", f);
		model.addAttribute("chart", json.writeValueAsString(f.trend()));
		model.addAttribute("childChart", json.writeValueAsString(f.children()));
		return "servicehours/figures";
	}

	@GetMapping("/service/figures/export.xlsx")
	void export(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		ServiceFigures.Figures f = figures.figures(territory);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = List.of("code", "name", "members", "units", "volunteers", "people", "personTimes", "hours",
				"problemsSolved").stream().map(h -> messages.getMessage("servicehours.figures.col." + h, null, h, locale)).toList();
		List<List<?>> rows = new ArrayList<>();
		rows.add(row(f.code(), f.name(), f.total()));
		f.children().forEach(c -> rows.add(row(c.code(), c.name(), c.measures())));
		SpreadsheetDownloads.xlsx(response, "service-figures-" + f.code() + ".xlsx", out -> XlsxExport.write(out,
				messages.getMessage("servicehours.figures.sheet", null, "figures", locale), headers, rows.iterator()));
	}

	private static List<?> row(String code, String name, ServiceFigures.Measures m) {
		return List.of(code, name, m.memberRegistrations(), m.unitRegistrations(), m.volunteerRegistrations(),
				m.peopleServing(), m.personTimes(), m.hours(), m.problemsSolved());
	}

	@GetMapping("/service/ledger")
	String ledger(@RequestParam(required = false) String territory, Model model) {
		model.addAttribute("transfers", hours.transfers(territory, 100));
		model.addAttribute("territory", territory);
		return "servicehours/ledger";
	}

	@PostMapping("/service/ledger/{id}/reverse")
	String reverse(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			hours.reverse(id, reason);
		}
		catch (ValidationFailedException | ConflictException e) {
			model.addAttribute("transfers", hours.transfers(null, 100));
			model.addAttribute("reverseId", id);
			model.addAttribute("reverseError", e instanceof ValidationFailedException v
					? v.errors().get(0).get("message") : e.getMessage());
			return "servicehours/ledger";
		}
		redirect.addFlashAttribute("notice", "servicehours.reverse.done");
		return "redirect:/service/ledger";
	}

	private BigDecimal parse(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw new ValidationFailedException(
					messages.getMessage("problems.invalid", null, LocaleContextHolder.getLocale()),
					List.of(java.util.Map.of("field", field, "message",
							messages.getMessage("servicehours.amount.number", null, LocaleContextHolder.getLocale()))));
		}
	}
}
