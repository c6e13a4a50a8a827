package org.jinlin.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages: list with search, register on behalf, detail with audited full view, edit, void. */
@Controller
class ResidentPages {

	private final ResidentRegister register;

	private final Territories territories;

	private final MessageSource messages;

	ResidentPages(ResidentRegister register, Territories territories, MessageSource messages) {
		this.register = register;
		this.territories = territories;
		this.messages = messages;
	}

	/** What the resident form posts; ID number and phone may be left blank on edit to keep them. */
	record ResidentForm(String name, Gender gender, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			String idNumber, String phone, Long buildingId, String unit, String room, Set<ResidentTag> tags,
			RegistrationChannel channel, String reason, Integer version) {

		static ResidentForm empty() {
			return new ResidentForm(null, null, null, null, null, null, null, null, Set.of(), RegistrationChannel.PHONE_CALL,
					null, null);
		}

		static ResidentForm of(ResidentView v) {
			return new ResidentForm(v.name(), v.gender(), v.birthDate(), null, null, v.buildingId(), v.unit(), v.room(),
					v.tags(), v.registrationChannel(), null, v.version());
		}

		/** Clear personal values never go back into a page. */
		ResidentForm withoutPersonalValues() {
			return new ResidentForm(name, gender, birthDate, null, null, buildingId, unit, room, tags, channel, reason, version);
		}

		RegisterResident toRegister() {
			return new RegisterResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, channel);
		}

		UpdateResident toUpdate() {
			return new UpdateResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, version);
		}

		public boolean has(ResidentTag tag) {
			return tags != null && tags.contains(tag);
		}

		@Override
		public String toString() {
			return "ResidentForm[buildingId=" + buildingId + "]";
		}
	}

	// ------------------------------------------------------------------ list

	@GetMapping("/residents")
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String community, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
		ResidentTag t = ResidentTag.fromCode(tag).orElse(null);
		ResidentStatus s = "VOIDED".equals(status) ? ResidentStatus.VOIDED : ResidentStatus.ACTIVE;
		ResidentQuery query = new ResidentQuery(name, t, community, null, s, page, ResidentQuery.DEFAULT_SIZE);
		model.addAttribute("result", register.search(query));
		model.addAttribute("query", query);
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("communities", territories.communities());
		model.addAttribute("canWrite", ResidentRegister.canWrite(CurrentActor.require()));
		return htmx != null && restore == null ? "people/list :: results" : "people/list";
	}

	// ------------------------------------------------------------------ register

	@GetMapping("/residents/new")
	String newForm(Model model) {
		requireWriter();
		return form(model, ResidentForm.empty(), Map.of(), null);
	}

	@PostMapping("/residents")
	String create(@ModelAttribute("form") ResidentForm form, BindingResult binding, Model model, RedirectAttributes flash) {
		requireWriter();
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, form.withoutPersonalValues(), errors, null);
		}
		try {
			ResidentView v = register.register(form.toRegister(), form.reason());
			flash.addFlashAttribute("notice", "people.registered");
			return "redirect:/residents/" + v.id();
		}
		catch (ValidationFailedException e) {
			return form(model, form.withoutPersonalValues(), fieldErrors(e), null);
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
			return detail(id, model, register.reveal(id, purpose), Map.of());
		}
		catch (ValidationFailedException e) {
			return detail(id, model, null, fieldErrors(e));
		}
	}

	private String detail(long id, Model model, ResidentPersonalData revealed, Map<String, List<String>> errors) {
		Actor actor = CurrentActor.require();
		ResidentView v = register.find(id);
		model.addAttribute("r", v);
		model.addAttribute("history", register.history(id));
		model.addAttribute("revealed", revealed);
		model.addAttribute("errors", errors);
		model.addAttribute("canWrite", ResidentRegister.canWrite(actor) && v.status() == ResidentStatus.ACTIVE);
		model.addAttribute("canReveal", actor.isStaff());
		model.addAttribute("zone", ResidentDraftValidation.ZONE);
		return "people/detail";
	}

	// ------------------------------------------------------------------ edit

	@GetMapping("/residents/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		requireWriter();
		ResidentView v = register.find(id);
		return form(model, ResidentForm.of(v), Map.of(), v);
	}

	@PostMapping("/residents/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ResidentForm form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		requireWriter();
		ResidentView current = register.find(id);
		Map<String, List<String>> errors = bindingErrors(binding);
		if (!errors.isEmpty()) {
			return form(model, form.withoutPersonalValues(), errors, current);
		}
		try {
			register.update(id, register.keepingStoredPersonalData(id, form.toUpdate()), form.reason());
			flash.addFlashAttribute("notice", "people.saved");
			return "redirect:/residents/" + id;
		}
		catch (ValidationFailedException e) {
			return form(model, form.withoutPersonalValues(), fieldErrors(e), current);
		}
		catch (ConflictException | OptimisticLockingFailureException e) {
			return form(model, form.withoutPersonalValues(), Map.of("_global", List.of(msg("people.error.conflict"))), current);
		}
	}

	// ------------------------------------------------------------------ void

	@GetMapping("/residents/{id}/void")
	String voidForm(@PathVariable long id, Model model) {
		requireWriter();
		model.addAttribute("r", register.find(id));
		model.addAttribute("errors", Map.of());
		return "people/void";
	}

	@PostMapping("/residents/{id}/void")
	String voidRecord(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes flash) {
		requireWriter();
		try {
			register.voidRecord(id, reason);
			flash.addFlashAttribute("notice", "people.voidedDone");
			return "redirect:/residents/" + id;
		}
		catch (ValidationFailedException e) {
			model.addAttribute("r", register.find(id));
			model.addAttribute("errors", fieldErrors(e));
			model.addAttribute("reason", reason);
			return "people/void";
		}
	}

	// ------------------------------------------------------------------ helpers

	private static void requireWriter() {
		if (!ResidentRegister.canWrite(CurrentActor.require())) {
			throw new ForbiddenException("Only grid workers, community workers and administrators change the register");
		}
	}

	private String form(Model model, ResidentForm form, Map<String, List<String>> errors, ResidentView editing) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("channels", RegistrationChannel.ON_BEHALF);
		model.addAttribute("buildingGroups", buildingGroups(CurrentActor.require()));
		return "people/form";
	}

	/** A labelled group of buildings for the select: one per compound. */
	record BuildingGroup(String label, List<TerritoryNode> buildings) {
	}

	/** The buildings in the actor's jurisdiction, grouped by compound ("社区 · 网格 · 小区"). */
	List<BuildingGroup> buildingGroups(Actor actor) {
		String path = actor.territoryPath();
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		for (TerritoryLevel level : List.of(TerritoryLevel.COMMUNITY, TerritoryLevel.GRID, TerritoryLevel.COMPOUND)) {
			territories.lookupLevelUnder(level, path).forEach(n -> nodes.put(n.id(), n));
		}
		boolean manyCommunities = nodes.values().stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY).count() > 1;
		Map<Long, List<TerritoryNode>> byCompound = new LinkedHashMap<>();
		for (TerritoryNode b : territories.lookupLevelUnder(TerritoryLevel.BUILDING, path)) {
			byCompound.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b);
		}
		List<BuildingGroup> groups = new ArrayList<>();
		byCompound.forEach((compoundId, buildings) -> {
			TerritoryNode compound = nodes.get(compoundId);
			List<String> parts = new ArrayList<>();
			if (compound != null) {
				for (Long a : compound.ancestorIds()) {
					TerritoryNode n = nodes.get(a);
					if (n != null && (n.level() == TerritoryLevel.GRID || n.level() == TerritoryLevel.COMMUNITY && manyCommunities)) {
						parts.add(n.name());
					}
				}
				parts.add(compound.name());
			}
			groups.add(new BuildingGroup(String.join(" · ", parts), buildings));
		});
		return groups;
	}

	private Map<String, List<String>> bindingErrors(BindingResult binding) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new ArrayList<>())
			.add(msg("people.error.format")));
		return errors;
	}

	private static Map<String, List<String>> fieldErrors(ValidationFailedException e) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map<String, String> m : e.errors()) {
			errors.computeIfAbsent(m.getOrDefault("field", "_global"), k -> new ArrayList<>()).add(m.get("message"));
		}
		return errors;
	}

	private String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
