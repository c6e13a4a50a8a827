package org.jinlin.demands.web.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.AttributeType;
import org.jinlin.demands.internal.CategoryAttribute;
import org.jinlin.demands.internal.UrgentAnswers;
import org.jinlin.demands.internal.CategoryDraft;
import org.jinlin.demands.internal.DeadlineUnit;
import org.jinlin.demands.internal.DemandCalendar;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of the demands module: the category catalogue (with each category's questions) and the
 * holiday calendar behind the deadlines. Administrators only; the services enforce it, the pages refuse
 * early so nobody fills in a form in vain.
 */
@Controller
@RequiredArgsConstructor
public class AdminPages {

	/** Blank question rows a new category starts with. */
	static final int EMPTY_ROWS = 1;

	private final DemandCategories categories;

	private final DemandCalendar calendar;

	private final DeskSupport support;

	/** One question row of the form; {@code remove} ticks it for removal. */
	record QuestionRow(String code, AttributeType datatype, Boolean required, String description, String descriptionEn,
			String choices, String urgentAnswers, Boolean remove) {

		static QuestionRow empty() {
			return new QuestionRow(null, null, false, null, null, null, null, false);
		}

		boolean blank() {
			return DeskSupport.blankToNull(code) == null && datatype == null && DeskSupport.blankToNull(description) == null
					&& DeskSupport.blankToNull(choices) == null && DeskSupport.blankToNull(urgentAnswers) == null;
		}
	}

	/** What the category form posts. */
	record CategoryForm(String code, String name, String nameEn, String description, String group, String keywords,
			HandlingLevel handlingLevel, String departmentCode, Urgency urgency, Integer signDeadline,
			DeadlineUnit signDeadlineUnit, Integer handleDeadline, DeadlineUnit handleDeadlineUnit, Boolean active,
			List<QuestionRow> questions) {

		static CategoryForm empty() {
			return new CategoryForm(null, null, null, null, null, null, HandlingLevel.COMMUNITY, null, Urgency.NORMAL, 2,
					DeadlineUnit.WORKING_HOURS, 3, DeadlineUnit.WORKING_DAYS, true, List.of(QuestionRow.empty()));
		}

		static CategoryForm of(DemandCategory c, String departmentCode) {
			List<QuestionRow> rows = new ArrayList<>();
			for (CategoryAttribute a : c.attributes()) {
				rows.add(new QuestionRow(a.code(), a.datatype(), a.required(), a.description(), a.descriptionEn(),
						String.join("\n", a.choices().stream().map(x -> x.key() + "=" + x.label()).toList()),
						UrgentAnswers.format(a.urgentAnswers()), false));
			}
			return new CategoryForm(c.code(), c.name(), c.nameEn(), c.description(), c.group(), c.keywords(),
					c.handlingLevel(), departmentCode, c.urgency(), c.signDeadline(), c.signDeadlineUnit(),
					c.handleDeadline(), c.handleDeadlineUnit(), c.active(), rows);
		}

		public List<QuestionRow> rows() {
			return questions == null ? List.of() : questions;
		}

		/** The rows kept: neither ticked for removal nor left entirely blank. */
		List<QuestionRow> kept() {
			return rows().stream().filter(q -> q != null && !Boolean.TRUE.equals(q.remove()) && !q.blank()).toList();
		}

		CategoryForm withQuestions(List<QuestionRow> rows) {
			return new CategoryForm(code, name, nameEn, description, group, keywords, handlingLevel, departmentCode,
					urgency, signDeadline, signDeadlineUnit, handleDeadline, handleDeadlineUnit, active, rows);
		}

		CategoryDraft toDraft() {
			return new CategoryDraft(DeskSupport.blankToNull(code), name, nameEn, description, group, keywords,
					handlingLevel, DeskSupport.blankToNull(departmentCode), urgency, signDeadline, signDeadlineUnit,
					handleDeadline, handleDeadlineUnit, Boolean.TRUE.equals(active),
					kept().stream().map(q -> new CategoryDraft.AttributeDraft(DeskSupport.blankToNull(q.code()),
							q.datatype(), Boolean.TRUE.equals(q.required()), q.description(), q.descriptionEn(), q.choices(),
							q.urgentAnswers()))
						.toList());
		}
	}

	// ------------------------------------------------------------------ categories

	@GetMapping("/demands/categories")
	String categories(Model model) {
		requireAdministrator();
		model.addAttribute("items", categories.all());
		return "demands/desk/categories";
	}

	@GetMapping("/demands/categories/new")
	String newCategory(Model model) {
		requireAdministrator();
		return form(model, CategoryForm.empty(), Map.of(), false);
	}

	@GetMapping("/demands/categories/{code}")
	String editCategory(@PathVariable String code, Model model) {
		requireAdministrator();
		DemandCategory c = categories.findByCode(code)
			.orElseThrow(() -> new org.jinlin.shared.NotFoundException("No category " + code));
		String dep = c.departmentId() == null ? null
				: categories.departments().stream().filter(d -> d.id() == c.departmentId()).map(d -> d.code()).findFirst()
					.orElse(null);
		return form(model, CategoryForm.of(c, dep), Map.of(), true);
	}

	/**
	 * Saves the category, or (buttons {@code add} and {@code removeMarked}) shows the form again with one
	 * more question row, or without the ticked ones; no script needed.
	 */
	@PostMapping("/demands/categories")
	ModelAndView saveCategory(@ModelAttribute("form") CategoryForm form, BindingResult binding,
			@RequestParam(name = "op", defaultValue = "save") String op, @RequestParam(defaultValue = "false") boolean editing,
			Model model, RedirectAttributes flash) {
		requireAdministrator();
		if ("add".equals(op)) {
			List<QuestionRow> rows = new ArrayList<>(form.rows());
			rows.add(QuestionRow.empty());
			return new ModelAndView(form(model, form.withQuestions(rows), support.bindingErrors(binding, null), editing));
		}
		if ("removeMarked".equals(op)) {
			List<QuestionRow> rows = form.rows().stream().filter(q -> q != null && !Boolean.TRUE.equals(q.remove())).toList();
			return new ModelAndView(form(model, form.withQuestions(rows), support.bindingErrors(binding, null), editing));
		}
		if (binding.hasErrors()) {
			return invalid(form(model, form, support.bindingErrors(binding, null), editing));
		}
		try {
			DemandCategory saved = categories.save(form.toDraft());
			flash.addFlashAttribute("notice", "demands.desk.categories.saved");
			return new ModelAndView("redirect:/demands/categories/" + saved.code());
		}
		catch (ValidationFailedException e) {
			return invalid(form(model, form.withQuestions(form.kept()),
					FormErrors.of(e), editing));
		}
	}

	private String form(Model model, CategoryForm form, Map<String, List<String>> errors, boolean editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("levels", HandlingLevel.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("units", DeadlineUnit.values());
		model.addAttribute("types", AttributeType.values());
		model.addAttribute("departments", categories.departments());
		return "demands/desk/category-form";
	}

	// ------------------------------------------------------------------ holiday calendar

	record DayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Boolean working, String name) {
	}

	@GetMapping("/demands/calendar")
	String calendar(@RequestParam(required = false) Integer year, Model model) {
		return calendarPage(model, year, new DayForm(null, false, null), Map.of());
	}

	@PostMapping("/demands/calendar")
	ModelAndView saveDay(@ModelAttribute("day") DayForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		if (binding.hasErrors()) {
			return invalid(calendarPage(model, null, form, support.bindingErrors(binding, null)));
		}
		try {
			calendar.save(form.date(), form.working() == null ? Boolean.FALSE : form.working(), form.name());
			flash.addFlashAttribute("notice", "demands.desk.calendar.saved");
			return new ModelAndView("redirect:/demands/calendar?year=" + form.date().getYear());
		}
		catch (ValidationFailedException e) {
			return invalid(calendarPage(model, null, form, FormErrors.of(e)));
		}
	}

	@PostMapping("/demands/calendar/{date}/delete")
	String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes flash) {
		calendar.remove(date);
		flash.addFlashAttribute("notice", "demands.desk.calendar.removed");
		return "redirect:/demands/calendar?year=" + date.getYear();
	}

	private String calendarPage(Model model, Integer year, DayForm form, Map<String, List<String>> errors) {
		List<DemandCalendar.Day> all = calendar.days();
		int shown = year != null ? year
				: form.date() != null ? form.date().getYear() : LocalDate.now(DeskSupport.ZONE).getYear();
		model.addAttribute("days", all.stream().filter(d -> d.date().getYear() == shown).toList());
		model.addAttribute("years", all.stream().map(d -> d.date().getYear()).distinct().sorted().toList());
		model.addAttribute("year", shown);
		model.addAttribute("day", form);
		model.addAttribute("errors", errors);
		return "demands/desk/calendar";
	}

	private static ModelAndView invalid(String view) {
		ModelAndView mav = new ModelAndView(view);
		mav.setStatus(HttpStatus.BAD_REQUEST);
		return mav;
	}

	private static void requireAdministrator() {
		if (!CurrentActor.require().has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Only administrators edit the category catalogue");
		}
	}
}
