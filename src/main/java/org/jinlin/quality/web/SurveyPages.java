package org.jinlin.quality.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyAccess;
import org.jinlin.quality.internal.SurveyAnswering;
import org.jinlin.quality.internal.SurveyBuilder;
import org.jinlin.quality.internal.SurveyReports;
import org.jinlin.quality.internal.SurveyRules;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Pages of the satisfaction surveys: list and builder, report, anonymous answers, "my surveys" and the answer page. */
@Controller
@RequiredArgsConstructor
class SurveyPages {

	/** Item rows the builder form offers. */
	static final int FORM_ROWS = 8;

	private final SurveyBuilder builder;

	private final SurveyAnswering answering;

	private final SurveyReports reports;

	private final Territories territories;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	@GetMapping("/quality/surveys")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("surveys", reports.list(page, 20));
		model.addAttribute("canManage", SurveyAccess.canManage(CurrentActor.require()));
		return "quality/surveys";
	}

	@GetMapping("/quality/surveys/new")
	String form(Model model) {
		if (!SurveyAccess.canManage(CurrentActor.require())) {
			throw new org.jinlin.shared.ForbiddenException("Only community workers and officials build surveys");
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
			model.addAttribute("rows", blankRows());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("rowCount", FORM_ROWS);
		model.addAttribute("territoryOptions", territories.optionsUnder(CurrentActor.require().territoryPath()));
		return "quality/survey-form";
	}

	/** One item row of the builder form as entered. */
	record Row(String kind, String text, String dimension, String weight, String options) {
	}

	@PostMapping("/quality/surveys")
	String create(@RequestParam MultiValueMap<String, String> params, Model model) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < FORM_ROWS; i++) {
			rows.add(new Row(param(params, "itemKind", i), param(params, "itemText", i), param(params, "itemDimension", i),
					param(params, "itemWeight", i), param(params, "itemOptions", i)));
		}
		List<Integer> used = new ArrayList<>();
		List<SurveyRules.ItemDraft> items = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			if (blank(r.text()) && blank(r.dimension()) && blank(r.weight()) && blank(r.options())) {
				continue;
			}
			used.add(i);
			items.add(new SurveyRules.ItemDraft(r.kind(), r.text(), r.dimension(), decimal(r.weight()),
					r.options() == null ? List.of() : Arrays.asList(r.options().split("\\R"))));
		}
		SurveyRules.Draft draft = new SurveyRules.Draft(params.getFirst("title"), params.getFirst("territory"),
				date(params.getFirst("periodFrom")), date(params.getFirst("periodTo")), params.getFirst("samplingRule"),
				integer(params.getFirst("sampleSize")), null, items);
		try {
			return "redirect:/quality/surveys/" + builder.create(draft);
		}
		catch (ValidationFailedException e) {
			Map<String, List<String>> errors = new HashMap<>();
			FormErrors.of(e).forEach((field, list) -> {
				String f = field;
				if (field.startsWith("items[")) {
					int k = Integer.parseInt(field.substring(6, field.indexOf(']')));
					f = "row" + used.get(k) + field.substring(field.indexOf(']') + 1);
				}
				errors.computeIfAbsent(f, x -> new ArrayList<>()).addAll(list);
			});
			model.addAttribute("errors", errors);
			model.addAttribute("form", params.toSingleValueMap());
			model.addAttribute("rows", rows);
			return form(model);
		}
	}

	@GetMapping("/quality/surveys/{id}")
	String survey(@PathVariable long id, Model model) {
		var report = reports.report(id);
		model.addAttribute("report", report);
		model.addAttribute("survey", report.survey());
		model.addAttribute("canManage", SurveyAccess.canManage(CurrentActor.require()));
		model.addAttribute("pending", report.survey().status() == SurveyRules.Status.OPEN ? reports.pending(id, 50)
				: List.of());
		List<Map<String, Object>> points = new ArrayList<>();
		for (var f : report.items()) {
			if (f.score() != null) {
				Map<String, Object> p = new LinkedHashMap<>();
				p.put("name", f.item().position() + ". " + f.item().text());
				p.put("importance", f.importance());
				p.put("performance", f.score());
				p.put("quadrant", f.quadrant().name());
				points.add(p);
			}
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("points", points);
		chart.put("meanImportance", report.meanImportance());
		chart.put("meanPerformance", report.meanPerformance());
		model.addAttribute("matrixChart", json.writeValueAsString(chart));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "quality/survey";
	}

	@PostMapping("/quality/surveys/{id}/open")
	String open(@PathVariable long id, Model model) {
		return act(id, model, () -> builder.move(id, SurveyRules.Status.OPEN));
	}

	@PostMapping("/quality/surveys/{id}/close")
	String close(@PathVariable long id, Model model) {
		return act(id, model, () -> builder.move(id, SurveyRules.Status.CLOSED));
	}

	@PostMapping("/quality/surveys/{id}/invitations")
	String invite(@PathVariable long id, Model model, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("invited", builder.invite(id));
			return "redirect:/quality/surveys/" + id;
		}
		catch (ConflictException e) {
			model.addAttribute("errors", FormErrors.global(e.getMessage()));
			return survey(id, model);
		}
	}

	private String act(long id, Model model, Runnable action) {
		try {
			action.run();
			return "redirect:/quality/surveys/" + id;
		}
		catch (ConflictException e) {
			model.addAttribute("errors", FormErrors.global(e.getMessage()));
			return survey(id, model);
		}
	}

	@GetMapping("/quality/surveys/{id}/answers")
	String answers(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("detail", reports.detail(id));
		model.addAttribute("answers", reports.answers(id, page, 50));
		return "quality/survey-answers";
	}

	@GetMapping("/quality/surveys/mine")
	String mine(Model model) {
		model.addAttribute("invitations", answering.mine());
		return "quality/survey-mine";
	}

	@GetMapping("/quality/surveys/invitations/{invitationId}")
	String questionnaire(@PathVariable long invitationId, Model model) {
		model.addAttribute("q", answering.questionnaire(invitationId));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("given", Map.of());
		}
		return "quality/survey-answer";
	}

	@PostMapping("/quality/surveys/invitations/{invitationId}")
	String answer(@PathVariable long invitationId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes flash) {
		Map<Long, Integer> answers = new HashMap<>();
		Map<String, String> given = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("item") && k.length() > 4 && k.substring(4).chars().allMatch(Character::isDigit)
					&& k.length() < 20) {
				Integer value = integer(v);
				if (value != null) {
					answers.put(Long.parseLong(k.substring(4)), value);
					given.put(k, v);
				}
			}
		});
		try {
			var q = answering.questionnaire(invitationId);
			answering.answer(null, invitationId, answers);
			flash.addFlashAttribute("answered", true);
			return q.channel() == SurveyRules.Channel.PHONE ? "redirect:/quality/surveys/" + q.survey().id()
					: "redirect:/quality/surveys/mine";
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			model.addAttribute("given", given);
			return questionnaire(invitationId, model);
		}
		catch (ConflictException e) {
			model.addAttribute("errors", FormErrors.global(e.getMessage()));
			model.addAttribute("given", given);
			return questionnaire(invitationId, model);
		}
	}

	/** The report's item table as a workbook (anonymous figures only). */
	@GetMapping("/quality/surveys/{id}/report.xlsx")
	void exportReport(@PathVariable long id, HttpServletResponse response) throws IOException {
		var report = reports.report(id);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = header(locale, "position", "item", "dimension", "weight", "answers", "score",
				"importance", "quadrant");
		List<List<?>> rows = new ArrayList<>();
		for (var f : report.items()) {
			rows.add(Arrays.asList(f.item().position(), f.item().text(), f.item().dimension(), f.item().weight(),
					f.answers(), f.score(), f.importance(),
					f.quadrant() == null ? null : msg(locale, "quality.survey.quadrant." + f.quadrant().name())));
		}
		for (var d : report.dimensions()) {
			rows.add(Arrays.asList(null, msg(locale, "quality.survey.report.dimensionIndex"), d.dimension(), null,
					report.responses(), d.index(), null, null));
		}
		rows.add(Arrays.asList(null, msg(locale, "quality.survey.report.index"), null, null, report.responses(),
				report.index(), null, null));
		SpreadsheetDownloads.xlsx(response, "survey-" + id + "-report.xlsx",
				out -> XlsxExport.write(out, msg(locale, "quality.survey.export.reportSheet"), headers, rows.iterator()));
	}

	/** Every anonymous response with its answers as a workbook: no resident, no invitation. */
	@GetMapping("/quality/surveys/{id}/answers.xlsx")
	void exportAnswers(@PathVariable long id, HttpServletResponse response) throws IOException {
		var detail = reports.detail(id);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = new ArrayList<>(header(locale, "response", "answeredOn", "channel", "score"));
		detail.items().forEach(i -> headers.add(i.position() + ". " + i.text()));
		List<List<?>> rows = new ArrayList<>();
		int size = 1000;
		for (int p = 0;; p++) {
			var page = reports.answers(id, p, size);
			for (var r : page.items()) {
				List<Object> row = new ArrayList<>(Arrays.asList(r.response().id(), r.response().answeredOn().toString(),
						msg(locale, "quality.survey.channel." + r.response().channel().name()), r.response().score()));
				for (var item : detail.items()) {
					var a = r.answers().get(item.id());
					row.add(a == null ? null : label(locale, item, a.choice()));
				}
				rows.add(row);
			}
			if (!page.hasNext()) {
				break;
			}
		}
		SpreadsheetDownloads.xlsx(response, "survey-" + id + "-answers.xlsx",
				out -> XlsxExport.write(out, msg(locale, "quality.survey.export.answersSheet"), headers, rows.iterator()));
	}

	private String label(Locale locale, org.jinlin.quality.internal.SurveyRepository.ItemRow item, int choice) {
		if (item.kind() == SurveyRules.ItemKind.LIKERT) {
			return msg(locale, "quality.survey.likert." + choice);
		}
		var options = item.parsedOptions();
		return choice >= 0 && choice < options.size() ? options.get(choice).text() : null;
	}

	private List<String> header(Locale locale, String... keys) {
		return Arrays.stream(keys).map(k -> msg(locale, "quality.survey.export.column." + k)).toList();
	}

	private String msg(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

	private static List<Row> blankRows() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < FORM_ROWS; i++) {
			rows.add(new Row("LIKERT", "", "", "", ""));
		}
		return rows;
	}

	private static String param(MultiValueMap<String, String> params, String name, int i) {
		List<String> values = params.get(name);
		return values == null || i >= values.size() ? null : values.get(i);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static BigDecimal decimal(String s) {
		try {
			return blank(s) ? null : new BigDecimal(s.strip());
		}
		catch (NumberFormatException e) {
			return BigDecimal.valueOf(-1);
		}
	}

	private static Integer integer(String s) {
		try {
			return blank(s) ? null : Integer.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static LocalDate date(String s) {
		try {
			return blank(s) ? null : LocalDate.parse(s.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
