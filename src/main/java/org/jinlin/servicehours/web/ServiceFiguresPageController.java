package org.jinlin.servicehours.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.ServiceFigures;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/** The service figures of a jurisdiction with their charts, and their Excel export. */
@Controller
@RequiredArgsConstructor
class ServiceFiguresPageController {

	private final ServiceFigures figures;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

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
}
