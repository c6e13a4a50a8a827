package org.jinlin.demands.web.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.internal.RaiseDemand;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentRow;
import org.jinlin.people.ResidentView;
import org.jinlin.demands.web.DemandRequests;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff raise a demand on a resident's behalf after a phone call, a visit or at the office: the channel is
 * recorded; the resident is picked from the register when known, otherwise the caller's name and phone
 * are kept (masked everywhere, the phone encrypted).
 */
@Controller
@RequiredArgsConstructor
public class OnBehalfPages {

	/** Above this many buildings the select would be too long: the territory code field is enough. */
	static final int BUILDING_SELECT_MAX = 1500;

	static final String ANSWER = "answer.";

	private final DemandRaising raising;

	private final DemandCategories categories;

	private final Territories territories;

	private final ResidentRegister residents;

	private final DeskSupport support;

	record OnBehalfForm(RaiseChannel channel, Long residentId, String categoryCode, String description, Long buildingId,
			String territoryCode, String contactName, String contactPhone, Boolean showNamePublicly) {

		static OnBehalfForm empty() {
			return new OnBehalfForm(RaiseChannel.PHONE_CALL, null, null, null, null, null, null, null, false);
		}

		/** The phone typed in never goes back into a page. */
		OnBehalfForm withoutPhone() {
			return new OnBehalfForm(channel, residentId, categoryCode, description, buildingId, territoryCode, contactName,
					null, showNamePublicly);
		}
	}

	/** A labelled group of buildings for the select: one per compound. */
	record BuildingGroup(String label, List<TerritoryNode> buildings) {
	}

	@GetMapping("/demands/on-behalf")
	String form(Model model) {
		requireStaff();
		return page(model, OnBehalfForm.empty(), Map.of(), Map.of());
	}

	/** The questions of a category, for the form (htmx swaps them in when the category changes). */
	@GetMapping("/demands/on-behalf/questions")
	String questions(@RequestParam(required = false) String categoryCode, Model model) {
		requireStaff();
		model.addAttribute("category", categories.findByCode(categoryCode).orElse(null));
		model.addAttribute("answers", Map.of());
		model.addAttribute("errors", Map.of());
		return "demands/desk/on-behalf :: questions";
	}

	/** Residents of the jurisdiction whose name starts with the text, to pick one (masked data only). */
	@GetMapping("/demands/on-behalf/residents")
	String residents(@RequestParam(required = false) String residentName, Model model) {
		requireStaff();
		List<ResidentRow> matches = residentName == null || residentName.isBlank() ? List.of()
				: residents.search(new ResidentQuery(residentName, null, null, null, null, 0, 10)).items();
		model.addAttribute("matches", matches);
		model.addAttribute("searched", residentName != null && !residentName.isBlank());
		model.addAttribute("form", OnBehalfForm.empty());
		return "demands/desk/on-behalf :: residents";
	}

	@PostMapping("/demands/on-behalf")
	ModelAndView raise(@ModelAttribute("form") OnBehalfForm form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request,
			Model model, RedirectAttributes flash) {
		requireStaff();
		Map<String, List<String>> answers = answers(request);
		if (binding.hasErrors()) {
			return invalid(page(model, form.withoutPhone(), answers, support.bindingErrors(binding, null)));
		}
		try {
			Long location = form.buildingId();
			if (location == null && DeskSupport.blankToNull(form.territoryCode()) != null) {
				location = territories.lookupByCode(form.territoryCode().strip()).map(TerritoryNode::id)
					.orElseThrow(() -> ValidationFailedException.field("territoryCode",
							support.msg("demands.location.unknown")));
			}
			DemandView raised = raising.raise(new RaiseDemand(form.categoryCode(), form.description(), location, null, null,
					null, form.channel(), form.residentId(), form.contactName(), form.contactPhone(),
					Boolean.TRUE.equals(form.showNamePublicly()), answers), DemandRequests.uploads(photos));
			flash.addFlashAttribute("notice", "demands.desk.onBehalf.raised");
			return new ModelAndView("redirect:/demands/" + raised.id());
		}
		catch (ValidationFailedException e) {
			return invalid(page(model, form.withoutPhone(), answers, FormErrors.of(e)));
		}
	}

	private String page(Model model, OnBehalfForm form, Map<String, List<String>> answers,
			Map<String, List<String>> errors) {
		Actor actor = CurrentActor.require();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("answers", answers);
		model.addAttribute("channels", Arrays.stream(RaiseChannel.values()).filter(RaiseChannel::onBehalf).toList());
		model.addAttribute("categories", categories.active());
		model.addAttribute("category", categories.findByCode(form.categoryCode()).orElse(null));
		model.addAttribute("buildingGroups", buildingGroups(actor));
		ResidentView chosen = null;
		if (form.residentId() != null) {
			try {
				chosen = residents.find(form.residentId());
			}
			catch (NotFoundException | ForbiddenException e) {
				chosen = null;
			}
		}
		model.addAttribute("chosen", chosen);
		return "demands/desk/on-behalf";
	}

	/** Answers come as {@code answer.<code>} parameters; a multiple choice sends several values. */
	private static Map<String, List<String>> answers(HttpServletRequest request) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith(ANSWER) && name.length() > ANSWER.length()) {
				List<String> given = Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
				if (!given.isEmpty()) {
					answers.put(name.substring(ANSWER.length()), given);
				}
			}
		});
		return answers;
	}

	/** The buildings in the actor's jurisdiction grouped by compound ("网格 · 小区"). */
	List<BuildingGroup> buildingGroups(Actor actor) {
		String path = actor.territoryPath();
		List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, path);
		if (buildings.size() > BUILDING_SELECT_MAX) {
			return List.of();
		}
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		for (TerritoryLevel level : List.of(TerritoryLevel.GRID, TerritoryLevel.COMPOUND)) {
			territories.lookupLevelUnder(level, path).forEach(n -> nodes.put(n.id(), n));
		}
		Map<Long, List<TerritoryNode>> byCompound = new LinkedHashMap<>();
		for (TerritoryNode b : buildings) {
			byCompound.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b);
		}
		List<BuildingGroup> groups = new ArrayList<>();
		byCompound.forEach((compoundId, list) -> {
			TerritoryNode compound = nodes.get(compoundId);
			List<String> parts = new ArrayList<>();
			if (compound != null) {
				TerritoryNode grid = compound.parentId() == null ? null : nodes.get(compound.parentId());
				if (grid != null) {
					parts.add(grid.name());
				}
				parts.add(compound.name());
			}
			groups.add(new BuildingGroup(String.join(" · ", parts), list));
		});
		return groups;
	}

	private static ModelAndView invalid(String view) {
		ModelAndView mav = new ModelAndView(view);
		mav.setStatus(HttpStatus.BAD_REQUEST);
		return mav;
	}

	private static void requireStaff() {
		if (!CurrentActor.require().isStaff()) {
			throw new ForbiddenException("Only staff raise demands on a resident's behalf");
		}
	}
}
