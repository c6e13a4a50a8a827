package org.jinlin.people.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.Gender;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.people.internal.ResidentAccess;
import org.jinlin.people.internal.ResidentChanges;
import org.jinlin.people.internal.ResidentDraftValidation;
import org.jinlin.people.internal.ResidentPersonalData;
import org.jinlin.people.internal.ResidentRecords;
import org.jinlin.people.internal.ResidentRegistration;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages: list with search, register on behalf, detail with audited full view, edit, void. */
@Controller
@RequiredArgsConstructor
class ResidentPageController {

	private final ResidentRegister register;

	private final ResidentRegistration registration;

	private final ResidentChanges changes;

	private final ResidentRecords records;

	private final Territories territories;

	private final BuildingChoices buildings;

	private final FieldErrors fieldErrors;

	// ------------------------------------------------------------------ list

	@GetMapping("/residents")
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String community, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
		ResidentTag t = ResidentTag.fromCode(tag).orElse(null);
		ResidentStatus s = "VOIDED".equals(status) ? ResidentStatus.VOIDED : ResidentStatus.ACTIVE;
		ResidentQuery query = new ResidentQuery(name, t, community, null, s, page, ResidentQuery.DEFAULT_SIZE);
		model.addAttribute("result", register.search(query));
		model.addAttribute("query", query);
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("communities", territories.communities());
		model.addAttribute("canWrite", ResidentAccess.write(CurrentActor.require()));
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "people/list :: results" : "people/list";
	}

	// ------------------------------------------------------------------ register

	@GetMapping("/residents/new")
	String newForm(Model model) {
		ResidentAccess.requireWriter();
		return form(model, ResidentForm.empty(), Map.of(), null);
	}

	@PostMapping("/residents")
	String create(@ModelAttribute("form") ResidentForm form, BindingResult binding, Model model, RedirectAttributes flash) {
		ResidentAccess.requireWriter();
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, form.withoutPersonalValues(), errors, null);
		}
		try {
			ResidentView v = registration.register(form.toRegister(), form.reason());
			flash.addFlashAttribute("notice", "people.registered");
			return "redirect:/residents/" + v.id();
		}
		catch (ValidationFailedException e) {
			return form(model, form.withoutPersonalValues(), FormErrors.of(e), null);
		}
	}

	// ------------------------------------------------------------------ detail and reveal

	@GetMapping("/residents/{id}")
	String detail(@PathVariable long id, Model model) {
		return detail(id, model, null, Map.of());
	}

	@PostMapping("/residents/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(required = false) String purpose, Model model) {
		try {
			return detail(id, model, records.reveal(id, purpose), Map.of());
		}
		catch (ValidationFailedException e) {
			return detail(id, model, null, FormErrors.of(e));
		}
	}

	private String detail(long id, Model model, ResidentPersonalData revealed, Map<String, List<String>> errors) {
		Actor actor = CurrentActor.require();
		ResidentView v = register.find(id);
		model.addAttribute("r", v);
		model.addAttribute("history", records.history(id));
		model.addAttribute("revealed", revealed);
		model.addAttribute("errors", errors);
		model.addAttribute("canWrite", ResidentAccess.write(actor) && v.status() == ResidentStatus.ACTIVE);
		model.addAttribute("canReveal", ResidentAccess.staff(actor));
		// staff who keep registers open the resident's account page (accounts module, same rule)
		model.addAttribute("canEnrol", org.jinlin.shared.AccessRules.registerKeeper(actor) && v.status() == ResidentStatus.ACTIVE);
		model.addAttribute("zone", ResidentDraftValidation.ZONE);
		return "people/detail";
	}

	// ------------------------------------------------------------------ edit

	@GetMapping("/residents/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		ResidentAccess.requireWriter();
		ResidentView v = register.find(id);
		return form(model, ResidentForm.of(v), Map.of(), v);
	}

	@PostMapping("/residents/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ResidentForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		ResidentAccess.requireWriter();
		ResidentView current = register.find(id);
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, form.withoutPersonalValues(), errors, current);
		}
		try {
			changes.update(id, changes.keepingStoredPersonalData(id, form.toUpdate()), form.reason());
			flash.addFlashAttribute("notice", "people.saved");
			return "redirect:/residents/" + id;
		}
		catch (ValidationFailedException e) {
			return form(model, form.withoutPersonalValues(), FormErrors.of(e), current);
		}
		catch (ConflictException | OptimisticLockingFailureException e) {
			return form(model, form.withoutPersonalValues(),
					FormErrors.global(fieldErrors.message("people.error.conflict")), current);
		}
	}

	// ------------------------------------------------------------------ void

	@GetMapping("/residents/{id}/void")
	String voidForm(@PathVariable long id, Model model) {
		ResidentAccess.requireWriter();
		model.addAttribute("r", register.find(id));
		model.addAttribute("errors", Map.of());
		return "people/void";
	}

	@PostMapping("/residents/{id}/void")
	String voidRecord(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes flash) {
		ResidentAccess.requireWriter();
		try {
			changes.voidRecord(id, reason);
			flash.addFlashAttribute("notice", "people.voidedDone");
			return "redirect:/residents/" + id;
		}
		catch (ValidationFailedException e) {
			model.addAttribute("r", register.find(id));
			model.addAttribute("errors", FormErrors.of(e));
			model.addAttribute("reason", reason);
			return "people/void";
		}
	}

	// ------------------------------------------------------------------ helpers

	private String form(Model model, ResidentForm form, Map<String, List<String>> errors, ResidentView editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("channels", RegistrationChannel.ON_BEHALF);
		model.addAttribute("buildingGroups", buildings.groups(CurrentActor.require()));
		return "people/form";
	}

	/** Values the form could not even bind (a malformed date …), as one message per field. */
	private Map<String, List<String>> bindingErrors(BindingResult binding) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new ArrayList<>())
			.add(fieldErrors.message("people.error.format")));
		return errors;
	}
}
