package org.jinlin.meals.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DietNeed;
import org.jinlin.meals.internal.DinerDetail;
import org.jinlin.meals.internal.DinerEnrolment;
import org.jinlin.meals.internal.DinerQueries;
import org.jinlin.meals.internal.MealsAccess;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enrolment pages: staff list and enrol the diners of their jurisdiction ({@code /meals/diners}, from a resident's
 * register id), open a diner's page, change her enrolment and reveal her diets (audited); a resident enrols herself
 * and manages her enrolment on {@code /meals/me}.
 */
@Controller
@RequiredArgsConstructor
class DinerPages {

	private final DinerQueries queries;

	private final DinerEnrolment enrolment;

	private final FieldErrors fieldErrors;

	@GetMapping("/meals/diners")
	String diners(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long resident, Model model) {
		MealsAccess.dinerReader();
		return list(model, page, DinerPageForm.empty(resident), Map.of());
	}

	@PostMapping("/meals/diners")
	String enrol(@ModelAttribute("form") DinerPageForm form, BindingResult binding, Model model, RedirectAttributes flash) {
		MealsAccess.staffEnroller();
		return save(binding, () -> {
			DinerDetail d = enrolment.enrol(form.toForm());
			flash.addFlashAttribute("notice", "meals.diner.enrolled");
			return "redirect:/meals/diners/" + d.id();
		}, errors -> list(model, 0, form, errors));
	}

	@GetMapping("/meals/diners/{id:\\d+}")
	String diner(@PathVariable long id, Model model) {
		DinerDetail d = enrolment.detail(id);
		return diner(model, d, DinerPageForm.of(d), Map.of(), null);
	}

	@PostMapping("/meals/diners/{id:\\d+}")
	String update(@PathVariable long id, @ModelAttribute("form") DinerPageForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		DinerDetail current = enrolment.detail(id);
		return save(binding, () -> {
			enrolment.update(id, form.toForm());
			flash.addFlashAttribute("notice", "meals.diner.saved");
			return "redirect:/meals/diners/" + id;
		}, errors -> diner(model, current, form, errors, null));
	}

	/** Reveals her diets and allergies (staff of her jurisdiction, with a purpose; audited). */
	@PostMapping("/meals/diners/{id:\\d+}/diets")
	String reveal(@PathVariable long id, @RequestParam(required = false) String purpose, Model model) {
		DinerDetail d = enrolment.detail(id);
		try {
			var diets = enrolment.revealDiets(id, purpose);
			DinerPageForm form = DinerPageForm.of(d);
			form = new DinerPageForm(form.residentId(), form.placeId(), form.diets(), diets.allergies() == null ? "" : diets.allergies(),
					form.homeDelivery(), form.pausedFrom(), form.resumeOn());
			return diner(model, d, form, Map.of(), diets);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("purposeErrors", FormErrors.of(e));
			return diner(model, d, DinerPageForm.of(d), Map.of(), null);
		}
	}

	@GetMapping("/meals/me")
	String me(Model model) {
		MealsAccess.selfDiner();
		var mine = enrolment.mine();
		return me(model, mine.orElse(null), mine.map(DinerPageForm::of).orElse(DinerPageForm.empty(null)), Map.of());
	}

	@PostMapping("/meals/me")
	String saveMine(@ModelAttribute("form") DinerPageForm form, BindingResult binding, Model model, RedirectAttributes flash) {
		MealsAccess.selfDiner();
		var mine = enrolment.mine();
		return save(binding, () -> {
			if (mine.isPresent()) {
				enrolment.update(mine.get().id(), form.toForm());
				flash.addFlashAttribute("notice", "meals.diner.saved");
			}
			else {
				enrolment.enrol(form.toForm());
				flash.addFlashAttribute("notice", "meals.diner.enrolledSelf");
			}
			return "redirect:/meals/me";
		}, errors -> me(model, mine.orElse(null), form, errors));
	}

	private String list(Model model, int page, DinerPageForm form, Map<String, List<String>> errors) {
		var diners = queries.diners(page, 20);
		model.addAttribute("diners", diners);
		model.addAttribute("flags", enrolment.details(diners.items().stream().map(r -> r.id()).toList()));
		model.addAttribute("canEnrol", enrolment.canEnrolOthers());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("needs", DietNeed.values());
		return "meals/diners";
	}

	private String diner(Model model, DinerDetail d, DinerPageForm form, Map<String, List<String>> errors,
			org.jinlin.meals.internal.Diets revealed) {
		model.addAttribute("diner", d);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("needs", DietNeed.values());
		model.addAttribute("revealed", revealed);
		model.addAttribute("canEdit", enrolment.canEnrolOthers());
		model.addAttribute("showAllergies", revealed != null);
		model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		return "meals/diner";
	}

	private String me(Model model, DinerDetail mine, DinerPageForm form, Map<String, List<String>> errors) {
		DinerPageForm shown = form;
		if (mine != null && form.allergies() == null) {
			String own = enrolment.myAllergies();
			shown = new DinerPageForm(form.residentId(), form.placeId(), form.diets(), own == null ? "" : own,
					form.homeDelivery(), form.pausedFrom(), form.resumeOn());
		}
		model.addAttribute("diner", mine);
		model.addAttribute("form", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("needs", DietNeed.values());
		model.addAttribute("showAllergies", true);
		return "meals/me";
	}

	/** Writes, or shows the form again with the binding, field or conflict messages. */
	private String save(BindingResult binding, Supplier<String> write,
			java.util.function.Function<Map<String, List<String>>, String> again) {
		if (binding.hasFieldErrors()) {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			binding.getFieldErrors()
				.forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new java.util.ArrayList<>())
					.add(fieldErrors.message("meals.error.format")));
			return again.apply(errors);
		}
		try {
			return write.get();
		}
		catch (ValidationFailedException e) {
			return again.apply(FormErrors.of(e));
		}
		catch (ConflictException e) {
			return again.apply(FormErrors.global(fieldErrors.message("meals.diner.error.enrolled")));
		}
	}
}
