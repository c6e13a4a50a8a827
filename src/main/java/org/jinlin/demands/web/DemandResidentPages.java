package org.jinlin.demands.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;
import org.jinlin.demands.internal.CategoryAttribute;
import org.jinlin.demands.internal.Deliberation;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.DemandDeliberating;
import org.jinlin.demands.internal.DemandEvaluation;
import org.jinlin.demands.internal.PublicDemands;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.DemandChecks;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.PhotoRef;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.demands.internal.PublicDemand;
import org.jinlin.demands.internal.RaiseDemand;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's pages: raise a demand (说事) on a phone, follow "my demands" with their public timeline
 * and photos (served by the desk pages' {@code /demands/photos/{id}}, which checks the caller may see the
 * demand), rate a handled demand (评事), and take part in the deliberation of a public matter of one's
 * community (议事). Staff may use the same form to raise on a resident's behalf, with the channel.
 */
@Controller
@RequiredArgsConstructor
public class DemandResidentPages {

	static final String HOME = "HOME";

	static final String MAP = "MAP";

	private final DemandRaising raising;

	private final DemandDeliberating deliberating;

	private final DemandEvaluation evaluation;

	private final PublicDemands publicDemands;

	private final DemandQueries queries;

	private final DemandCategories categories;

	private final ResidentRegister residents;

	private final MessageSource messages;

	/**
	 * What the raise form posts (answers to the category's questions come as {@code attribute[code]}
	 * parameters, photos as multipart files).
	 *
	 * @param location {@link #HOME} (the resident's building) or {@link #MAP} (the picked point)
	 */
	record RaiseForm(String category, String description, String location, Double lat, Double lon,
			Boolean showName, RaiseChannel channel, Long residentId) {

		static RaiseForm empty() {
			return new RaiseForm(null, null, HOME, null, null, false, null, null);
		}

		boolean onMap() {
			return MAP.equals(location) && lat != null && lon != null;
		}

		public boolean mapChosen() {
			return MAP.equals(location);
		}

		RaiseDemand toCommand(Map<String, List<String>> answers) {
			return new RaiseDemand(category, description, null, onMap() ? lat : null, onMap() ? lon : null, null,
					channel, residentId, null, null, Boolean.TRUE.equals(showName), answers);
		}
	}

	/** A group of categories for the select. */
	record CategoryGroup(String name, List<DemandCategory> categories) {
	}

	// ------------------------------------------------------------------ raise (说事)

	@GetMapping("/demands/new")
	String newForm(@RequestParam(required = false) String category, Model model) {
		RaiseForm form = RaiseForm.empty();
		if (category != null) {
			form = new RaiseForm(category, null, HOME, null, null, false, null, null);
		}
		return form(model, form, Map.of(), Map.of());
	}

	@GetMapping("/demands/new/questions")
	String questions(@RequestParam(required = false) String category, Model model) {
		model.addAttribute("questions", active(category).map(DemandCategory::attributes).orElse(List.of()));
		model.addAttribute("answers", Map.of());
		model.addAttribute("errors", Map.of());
		return "demands/resident/raise :: questions";
	}

	@GetMapping("/demands/similar")
	String similar(@RequestParam(required = false) String category, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lon, @RequestParam(required = false) String location, Model model) {
		List<PublicDemand> found = List.of();
		if (category != null && !category.isBlank()) {
			boolean map = MAP.equals(location) && lat != null && lon != null;
			found = raising.similar(category, map ? null : homeBuilding().orElse(null), map ? lat : null, map ? lon : null);
		}
		model.addAttribute("similar", found);
		return "demands/resident/raise :: similar";
	}

	@PostMapping("/demands/new")
	String raise(@ModelAttribute("form") RaiseForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
			RedirectAttributes flash) {
		Map<String, List<String>> answers = answers(params);
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors.computeIfAbsent(fe.getField(), k -> new ArrayList<>())
			.add(msg("demands.public.error.format")));
		if (MAP.equals(form.location()) && (form.lat() == null || form.lon() == null) && !errors.containsKey("lat")) {
			errors.computeIfAbsent("location", k -> new ArrayList<>()).add(msg("demands.public.raise.location.pick"));
		}
		if (!errors.isEmpty()) {
			return form(model, form, answers, errors);
		}
		try {
			DemandView raised = raising.raise(form.toCommand(answers), DemandRequests.uploads(photos));
			flash.addFlashAttribute("notice", "demands.public.raised");
			return "redirect:/demands/mine/" + raised.id();
		}
		catch (ValidationFailedException e) {
			return form(model, form, answers, FormErrors.of(e));
		}
	}

	private String form(Model model, RaiseForm form, Map<String, List<String>> answers, Map<String, List<String>> errors) {
		Actor actor = CurrentActor.require();
		List<DemandCategory> active = categories.active();
		Map<String, List<DemandCategory>> byGroup = new LinkedHashMap<>();
		active.forEach(c -> byGroup.computeIfAbsent(c.group() == null ? "" : c.group(), k -> new ArrayList<>()).add(c));
		List<CategoryGroup> groups = new ArrayList<>();
		byGroup.forEach((g, cs) -> groups.add(new CategoryGroup(g, cs)));
		model.addAttribute("form", form);
		model.addAttribute("groups", groups);
		model.addAttribute("questions", active(form.category()).map(DemandCategory::attributes).orElse(List.of()));
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("channels", List.of(RaiseChannel.PHONE_CALL, RaiseChannel.DOOR_TO_DOOR, RaiseChannel.OFFICE));
		// Staff raising for a registered resident may also leave the place at the resident's building.
		model.addAttribute("hasHome", actor.isStaff() || homeBuilding().isPresent());
		model.addAttribute("descriptionMax", String.valueOf(DemandChecks.DESCRIPTION_MAX));
		model.addAttribute("photosMax", DemandChecks.PHOTOS_MAX);
		return "demands/resident/raise";
	}

	private Optional<DemandCategory> active(String code) {
		return code == null || code.isBlank() ? Optional.empty() : categories.findByCode(code).filter(DemandCategory::active);
	}

	/** The signed-in resident's building, the default place of her demands. */
	private Optional<Long> homeBuilding() {
		Actor actor = CurrentActor.require();
		if (actor.residentId() == null || actor.isStaff()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(residents.find(actor.residentId()).buildingId());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/** {@code attribute[code]} parameters as answers by attribute code. */
	static Map<String, List<String>> answers(MultiValueMap<String, String> params) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("attribute[") && name.endsWith("]") && name.length() > 11) {
				List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
				if (!given.isEmpty()) {
					answers.put(name.substring(10, name.length() - 1), given);
				}
			}
		});
		return answers;
	}

	// ------------------------------------------------------------------ my demands

	@GetMapping("/demands/mine")
	String mine(Model model) {
		model.addAttribute("demands", queries.mine(100));
		model.addAttribute("zone", DemandPublicPages.ZONE);
		return "demands/resident/mine";
	}

	@GetMapping("/demands/mine/{id}")
	String detail(@PathVariable long id, Model model) {
		return detail(id, model, Map.of());
	}

	private String detail(long id, Model model, Map<String, List<String>> errors) {
		Actor actor = CurrentActor.require();
		DemandView d = queries.find(id);
		List<PhotoRef> photos = queries.photos(id);
		boolean raiser = !actor.isStaff() && (actor.name().equals(d.raisedBy())
				|| actor.residentId() != null && actor.residentId().equals(d.residentId()));
		model.addAttribute("d", d);
		model.addAttribute("raiser", raiser);
		// Life or safety at risk: the resident is told which numbers to call while the open demand waits.
		model.addAttribute("urgent", raiser && d.status().isPubliclyOpen()
				? queries.urgent(id, categories.findByCode(d.categoryCode()).orElse(null)).orElse(null) : null);
		// Other residents of the community (deliberating a public matter) see the public wording and place.
		if (raiser || actor.isStaff()) {
			model.addAttribute("description", d.description());
			model.addAttribute("place", d.addressLabel());
			model.addAttribute("answers", labelled(d));
		}
		else {
			PublicDemand shown = publicDemands.publicDemand(id);
			model.addAttribute("description", shown.description());
			model.addAttribute("place", shown.place());
			model.addAttribute("answers", List.of());
		}
		model.addAttribute("timeline", queries.timeline(id).stream()
			.map(s -> new PublicDemand.PublicStep(s.at(), s.kind(), s.toStatus(), s.publicNote(), s.unitName()))
			.toList());
		model.addAttribute("before", photos.stream().filter(p -> "BEFORE".equals(p.stage())).toList());
		model.addAttribute("after", photos.stream().filter(p -> !"BEFORE".equals(p.stage())).toList());
		model.addAttribute("deliberation", d.publicMatter() ? deliberating.deliberation(id) : null);
		model.addAttribute("canRate", raiser && d.status() == DemandStatus.RESOLVED);
		model.addAttribute("canDeliberate", !actor.isStaff() && actor.residentId() != null
				&& d.status() == DemandStatus.DELIBERATING);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("errors", errors);
		model.addAttribute("zone", DemandPublicPages.ZONE);
		return "demands/resident/detail";
	}

	/** A question and its answer as the resident reads them. */
	record Answer(String question, String answer) {
	}

	/** The stored answers with the questions' wording and the choices' labels in the page's language. */
	private List<Answer> labelled(DemandView d) {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		List<CategoryAttribute> questions = categories.findByCode(d.categoryCode()).map(DemandCategory::attributes)
			.orElse(List.of());
		List<Answer> list = new ArrayList<>();
		d.attributes().forEach((code, value) -> {
			CategoryAttribute q = questions.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
			if (q == null) {
				list.add(new Answer(code, value));
				return;
			}
			String text = value;
			if (q.datatype().hasChoices()) {
				List<String> labels = new ArrayList<>();
				for (String key : value.split(",")) {
					labels.add(q.choices().stream().filter(c -> c.key().equals(key.strip())).map(CategoryAttribute.Choice::label)
						.findFirst().orElse(key.strip()));
				}
				text = String.join("、", labels);
			}
			list.add(new Answer(en && q.descriptionEn() != null ? q.descriptionEn() : q.description(), text));
		});
		return list;
	}

	// ------------------------------------------------------------------ rate (评事)

	@PostMapping("/demands/mine/{id}/rating")
	String rate(@PathVariable long id, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes flash) {
		Rating r = null;
		for (Rating x : Rating.values()) {
			if (x.name().equals(rating)) {
				r = x;
			}
		}
		try {
			DemandView d = evaluation.rate(id, r, comment);
			flash.addFlashAttribute("notice",
					d.status() == DemandStatus.CLOSED ? "demands.public.rated" : "demands.public.rated.rework");
		}
		catch (ValidationFailedException e) {
			return detail(id, model, FormErrors.of(e));
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("problem", "demands.public.rating.conflict");
		}
		return "redirect:/demands/mine/" + id;
	}

	// ------------------------------------------------------------------ deliberate (议事)

	@PostMapping("/demands/{id}/stance")
	String stance(@PathVariable long id, @RequestParam(required = false) String stance, RedirectAttributes flash) {
		Deliberation.Stance s = "SUPPORT".equals(stance) ? Deliberation.Stance.SUPPORT
				: "OPPOSE".equals(stance) ? Deliberation.Stance.OPPOSE : null;
		try {
			deliberating.takeStance(id, s);
			flash.addFlashAttribute("notice", "demands.public.stance.saved");
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("problem", "demands.stance.required");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("problem", "demands.public.deliberation.closed");
		}
		return "redirect:/demands/mine/" + id;
	}

	@PostMapping("/demands/{id}/comments")
	String comment(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "false") boolean showName, Model model, RedirectAttributes flash) {
		try {
			deliberating.comment(id, text, showName);
			flash.addFlashAttribute("notice", "demands.public.comment.saved");
		}
		catch (ValidationFailedException e) {
			return detail(id, model, FormErrors.of(e));
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("problem", "demands.public.deliberation.closed");
		}
		return "redirect:/demands/mine/" + id;
	}

	// ------------------------------------------------------------------ helpers

	private String msg(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
