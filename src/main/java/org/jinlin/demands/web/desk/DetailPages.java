package org.jinlin.demands.web.desk;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.CategoryAttribute;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandActions;
import org.jinlin.demands.internal.DemandHandling;
import org.jinlin.demands.internal.DemandSupervision;
import org.jinlin.demands.internal.DemandDeliberating;
import org.jinlin.demands.internal.DemandEvaluation;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.DispatchChoices;
import org.jinlin.demands.internal.DispatchTarget;
import org.jinlin.demands.internal.MeetingDraft;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.demands.Rating;
import org.jinlin.demands.internal.ReturnReason;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.demands.web.DemandRequests;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A demand's staff page: every field, the category's answers, photos, the full timeline with internal
 * notes, extension requests and the deliberation; and the action forms of the closed loop. Each action
 * posts, redirects back with a notice on success (PRG), and on failure shows the page again with the
 * service's answer: field messages next to the fields (400), or an alert for a refused (403) or
 * impossible (409) action. The service decides every rule; the page only hides forms that cannot apply.
 */
@Controller
@RequiredArgsConstructor
public class DetailPages {

	private final DemandHandling handling;

	private final DemandSupervision supervision;

	private final DemandDeliberating deliberating;

	private final DemandEvaluation evaluation;

	private final DemandQueries queries;

	private final DemandCategories categories;

	private final DeskSupport support;

	private final DispatchChoices choices;

	// ------------------------------------------------------------------ form records

	record MeetingForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt, String place,
			String agenda, Integer expectedParticipants, Integer presentParticipants, String decision, Integer votesFor,
			Integer votesAgainst, Integer votesAbstain) {

		MeetingDraft toDraft() {
			return new MeetingDraft(heldAt == null ? null : heldAt.atZone(DeskSupport.ZONE).toInstant(), place, agenda,
					expectedParticipants, presentParticipants, decision, votesFor, votesAgainst, votesAbstain);
		}
	}

	/** One answer to a category question, with its question and, for choices, the chosen labels. */
	record Answer(String question, String value) {
	}

	// ------------------------------------------------------------------ detail

	@GetMapping("/demands/{id:[0-9]+}")
	String detail(@PathVariable long id, Model model) {
		return page(id, model);
	}

	@GetMapping("/demands/photos/{photoId:[0-9]+}")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		PhotoUpload photo = queries.photo(photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(photo.bytes());
	}

	/**
	 * The full name and phone for calling the resident back: shown once on this response, recorded on the timeline
	 * and in the audit log. Without htmx the whole page comes back with them.
	 */
	@PostMapping({ "/demands/{id:[0-9]+}/call-back", "/demands/{id:[0-9]+}/contact" })
	ModelAndView callBack(@PathVariable long id, Model model) {
		return act(id, model, "callBack", null, () -> {
			model.addAttribute("contact", queries.revealContact(id));
			return page(id, model);
		});
	}

	/** The same for htmx: only the contact comes back, in place of the button. */
	@HxRequest
	@PostMapping("/demands/{id:[0-9]+}/contact")
	String contact(@PathVariable long id, Model model) {
		model.addAttribute("contact", queries.revealContact(id));
		return "demands/desk/contact :: contact";
	}

	// ------------------------------------------------------------------ handling

	@PostMapping("/demands/{id:[0-9]+}/sign")
	ModelAndView sign(@PathVariable long id, Model model, RedirectAttributes flash) {
		return act(id, model, "sign", null, () -> done(id, flash, "demands.desk.done.sign", handling.signFor(id)));
	}

	@PostMapping("/demands/{id:[0-9]+}/confirm-help")
	ModelAndView confirmHelp(@PathVariable long id, Model model, RedirectAttributes flash) {
		return act(id, model, "confirmHelp", null,
				() -> done(id, flash, "demands.desk.done.confirmHelp", handling.confirmHelp(id)));
	}

	@PostMapping("/demands/{id:[0-9]+}/claim")
	ModelAndView claim(@PathVariable long id, @RequestParam(required = false) String back, Model model,
			RedirectAttributes flash) {
		return act(id, model, "claim", null, () -> {
			handling.claim(id);
			flash.addFlashAttribute("notice", "demands.desk.done.claim");
			return "queue".equals(back) ? "redirect:/demands/queue" : "redirect:/demands/" + id;
		});
	}

	@PostMapping("/demands/{id:[0-9]+}/return")
	ModelAndView returnDemand(@PathVariable long id, @ModelAttribute("returnForm") DemandRequests.ReturnRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "return", binding,
				() -> done(id, flash, "demands.desk.done.return", handling.returnToDispatcher(id, form.reason(), form.note())));
	}

	@PostMapping("/demands/{id:[0-9]+}/dispatch")
	ModelAndView dispatch(@PathVariable long id, @ModelAttribute("dispatchForm") DemandRequests.DispatchRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "dispatch", binding, () -> done(id, flash, "demands.desk.done.dispatch",
				handling.dispatch(id, new DispatchTarget(DeskSupport.blankToNull(form.territoryCode()),
						DeskSupport.blankToNull(form.departmentCode()), DeskSupport.blankToNull(form.assignee())),
						form.note())));
	}

	@PostMapping("/demands/{id:[0-9]+}/location")
	ModelAndView locate(@PathVariable long id, @ModelAttribute("locateForm") DemandRequests.LocateRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "locate", binding, () -> done(id, flash, "demands.desk.done.locate",
				handling.locate(id, form.territoryCode(), null, null, form.addressLabel())));
	}

	@PostMapping("/demands/{id:[0-9]+}/overrule")
	ModelAndView overrule(@PathVariable long id, @ModelAttribute("overruleForm") DemandRequests.NoteRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "overrule", binding,
				() -> done(id, flash, "demands.desk.done.overrule", handling.overruleReturn(id, form.note())));
	}

	@PostMapping("/demands/{id:[0-9]+}/extension")
	ModelAndView requestExtension(@PathVariable long id, @ModelAttribute("extensionForm") DemandRequests.ExtensionRequest form,
			BindingResult binding, Model model, RedirectAttributes flash) {
		return act(id, model, "extension", binding, () -> done(id, flash, "demands.desk.done.extension",
				handling.requestExtension(id, form.workingDays() == null ? 0 : form.workingDays(), form.reason())));
	}

	@PostMapping("/demands/{id:[0-9]+}/extension/decision")
	ModelAndView decideExtension(@PathVariable long id, @ModelAttribute("decisionForm") DemandRequests.ExtensionDecision form,
			BindingResult binding, Model model, RedirectAttributes flash) {
		boolean approve = Boolean.TRUE.equals(form.approve());
		return act(id, model, "decision", binding, () -> done(id, flash,
				approve ? "demands.desk.done.approved" : "demands.desk.done.rejected",
				supervision.decideExtension(id, approve, form.note())));
	}

	@PostMapping("/demands/{id:[0-9]+}/supervise")
	ModelAndView supervise(@PathVariable long id, @ModelAttribute("superviseForm") DemandRequests.InstructionRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "supervise", binding,
				() -> done(id, flash, "demands.desk.done.supervise", supervision.supervise(id, form.instruction())));
	}

	@PostMapping("/demands/{id:[0-9]+}/note")
	ModelAndView note(@PathVariable long id, @ModelAttribute("noteForm") DemandRequests.HandlingNote form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
			RedirectAttributes flash) {
		return act(id, model, "note", binding, () -> done(id, flash, "demands.desk.done.note",
				handling.addNote(id, form.note(), form.publicNote(), DemandRequests.uploads(photos))));
	}

	@PostMapping("/demands/{id:[0-9]+}/resolve")
	ModelAndView resolve(@PathVariable long id, @ModelAttribute("resolveForm") DemandRequests.ResolveRequest form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
			RedirectAttributes flash) {
		return act(id, model, "resolve", binding, () -> done(id, flash, "demands.desk.done.resolve",
				handling.resolve(id, form.outcome(), form.reply(), DemandRequests.uploads(photos))));
	}

	// ------------------------------------------------------------------ evaluation, duplicates, deliberation

	@PostMapping("/demands/{id:[0-9]+}/follow-up")
	ModelAndView followUp(@PathVariable long id, @ModelAttribute("followUpForm") DemandRequests.RatingRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "followUp", binding, () -> done(id, flash, "demands.desk.done.followUp",
				evaluation.recordFollowUp(id, form.rating(), form.comment())));
	}

	@PostMapping("/demands/{id:[0-9]+}/merge")
	ModelAndView merge(@PathVariable long id, @ModelAttribute("mergeForm") DemandRequests.MergeRequest form, BindingResult binding, Model model,
			RedirectAttributes flash) {
		return act(id, model, "merge", binding, () -> {
			if (form.intoId() == null) {
				throw ValidationFailedException.field("intoId", support.msg("demands.merge.target"));
			}
			try {
				return done(id, flash, "demands.desk.done.merge", handling.merge(id, form.intoId(), form.note()));
			}
			catch (NotFoundException e) {
				// The demand to merge into is not visible to the caller: a field problem, not a missing page.
				queries.find(id);
				throw ValidationFailedException.field("intoId", support.msg("demands.merge.target"));
			}
		});
	}

	@PostMapping("/demands/{id:[0-9]+}/public-matter")
	ModelAndView publicMatter(@PathVariable long id, @ModelAttribute("publicMatterForm") DemandRequests.NoteRequest form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "publicMatter", binding,
				() -> done(id, flash, "demands.desk.done.publicMatter", deliberating.markPublicMatter(id, form.note())));
	}

	@PostMapping("/demands/{id:[0-9]+}/meeting")
	ModelAndView meeting(@PathVariable long id, @ModelAttribute("meetingForm") MeetingForm form, BindingResult binding,
			Model model, RedirectAttributes flash) {
		return act(id, model, "meeting", binding, () -> {
			deliberating.recordMeeting(id, form.toDraft());
			flash.addFlashAttribute("notice", "demands.desk.done.meeting");
			return "redirect:/demands/" + id;
		});
	}

	@PostMapping("/demands/{id:[0-9]+}/meetings/{meetingId:[0-9]+}/publish")
	ModelAndView publish(@PathVariable long id, @PathVariable long meetingId, Model model, RedirectAttributes flash) {
		return act(id, model, "publish", null,
				() -> done(id, flash, "demands.desk.done.publish", deliberating.publishDecision(id, meetingId)));
	}

	// ------------------------------------------------------------------ helpers

	private static String done(long id, RedirectAttributes flash, String notice, DemandView ignored) {
		flash.addFlashAttribute("notice", notice);
		return "redirect:/demands/" + id;
	}

	/**
	 * Runs an action; a refusal shows the page again with the service's answer and its status: field
	 * messages (400), or an alert for 403, 404 (of something else than the demand) and 409.
	 */
	private ModelAndView act(long id, Model model, String action, BindingResult binding, Supplier<String> command) {
		if (binding != null && binding.hasErrors()) {
			model.addAttribute("errors", support.bindingErrors(binding, action));
			model.addAttribute("openAction", action);
			return status(page(id, model), HttpStatus.BAD_REQUEST);
		}
		try {
			return new ModelAndView(command.get());
		}
		catch (ValidationFailedException e) {
			Map<String, List<String>> errors = DeskSupport.prefixed(FormErrors.of(e), action);
			model.addAttribute("errors", errors);
			model.addAttribute("openAction", action);
			return status(page(id, model), HttpStatus.BAD_REQUEST);
		}
		catch (ConflictException e) {
			return refused(id, model, action, HttpStatus.CONFLICT, "demands.desk.alert.conflict");
		}
		catch (ForbiddenException e) {
			return refused(id, model, action, HttpStatus.FORBIDDEN, "demands.desk.alert.forbidden");
		}
		catch (NotFoundException e) {
			queries.find(id); // the demand itself out of sight: the 404 page
			return refused(id, model, action, HttpStatus.NOT_FOUND, "demands.desk.alert.notFound");
		}
	}

	private ModelAndView refused(long id, Model model, String action, HttpStatus status, String message) {
		model.addAttribute("alert", message);
		model.addAttribute("alertAction", "demands.desk.action." + action);
		return status(page(id, model), status);
	}

	private static ModelAndView status(String view, HttpStatus status) {
		ModelAndView mav = new ModelAndView(view);
		mav.setStatus(status);
		return mav;
	}

	private String page(long id, Model model) {
		Actor actor = CurrentActor.require();
		DemandView d = queries.find(id);
		Optional<DemandCategory> category = categories.findByCode(d.categoryCode());
		model.addAttribute("d", d);
		model.addAttribute("category", category.orElse(null));
		model.addAttribute("answers", answers(category.orElse(null), d.attributes()));
		model.addAttribute("photos", queries.photos(id));
		model.addAttribute("extras", queries.open311Extras(id));
		model.addAttribute("timeline", queries.timeline(id));
		model.addAttribute("extensions", handling.extensions(id));
		model.addAttribute("pendingExtension", handling.extensions(id).stream().anyMatch(x -> "PENDING".equals(x.status())));
		model.addAttribute("deliberation", d.publicMatter() ? deliberating.deliberation(id) : null);
		model.addAttribute("departments", categories.departments());
		model.addAttribute("returnReasons", ReturnReason.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("zone", DeskSupport.ZONE);
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("can", DemandActions.of(actor, d));
		model.addAttribute("urgent", queries.urgent(id, category.orElse(null)).orElse(null));
		DemandActions can = DemandActions.of(actor, d);
		if (can.dispatch()) {
			model.addAttribute("dispatchUnits", choices.units(actor, d));
			model.addAttribute("dispatchPeople", choices.people(actor, d));
			model.addAttribute("locatePlaces", choices.places(actor, d));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		defaults(model);
		return "demands/desk/detail";
	}

	/** Empty forms, unless a failed post left its values to show again. */
	private static void defaults(Model model) {
		Map<String, Object> empty = new LinkedHashMap<>();
		empty.put("returnForm", new DemandRequests.ReturnRequest(null, null));
		empty.put("dispatchForm", new DemandRequests.DispatchRequest(null, null, null, null));
		empty.put("overruleForm", new DemandRequests.NoteRequest(null));
		empty.put("locateForm", new DemandRequests.LocateRequest(null, null, null, null));
		empty.put("extensionForm", new DemandRequests.ExtensionRequest(null, null));
		empty.put("decisionForm", new DemandRequests.ExtensionDecision(null, null));
		empty.put("superviseForm", new DemandRequests.InstructionRequest(null));
		empty.put("noteForm", new DemandRequests.HandlingNote(null, null));
		empty.put("resolveForm", new DemandRequests.ResolveRequest(null, null));
		empty.put("followUpForm", new DemandRequests.RatingRequest(null, null));
		empty.put("mergeForm", new DemandRequests.MergeRequest(null, null));
		empty.put("publicMatterForm", new DemandRequests.NoteRequest(null));
		empty.put("meetingForm", new MeetingForm(null, null, null, null, null, null, null, null, null));
		empty.forEach((k, v) -> {
			if (!model.containsAttribute(k)) {
				model.addAttribute(k, v);
			}
		});
	}

	private static List<Answer> answers(DemandCategory category, Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			return List.of();
		}
		return values.entrySet().stream().map(e -> {
			Optional<CategoryAttribute> a = category == null ? Optional.empty()
					: category.attributes().stream().filter(x -> x.code().equals(e.getKey())).findFirst();
			String question = a.map(CategoryAttribute::description).orElse(e.getKey());
			String value = e.getValue();
			if (a.isPresent() && a.get().datatype().hasChoices()) {
				List<String> labels = java.util.Arrays.stream(value.split(",")).map(k -> a.get().choices().stream()
					.filter(c -> c.key().equals(k)).map(CategoryAttribute.Choice::label).findFirst().orElse(k)).toList();
				value = String.join("、", labels);
			}
			return new Answer(question, value);
		}).toList();
	}
}
