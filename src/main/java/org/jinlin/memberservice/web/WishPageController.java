package org.jinlin.memberservice.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberAccess;
import org.jinlin.memberservice.internal.MemberCommunities;
import org.jinlin.memberservice.internal.MemberViews.DeliverRequest;
import org.jinlin.memberservice.internal.MemberViews.Wish;
import org.jinlin.memberservice.internal.MemberViews.WishRequest;
import org.jinlin.memberservice.internal.MicroWishes;
import org.jinlin.memberservice.internal.WishStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The micro-wish page for residents, members, volunteers and staff: post a wish, and act on one (claim, release,
 * deliver, confirm, cancel) — with htmx the wish's card comes back, with a message when refused; without, a redirect.
 */
@Controller
@RequiredArgsConstructor
class WishPageController {

	record WishForm(String title, String description, String category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String communityCode, String wisherName) {
	}

	/** What came of an action: nothing wrong, or the problem and the field messages. */
	private record Outcome(String problem, Map<String, String> fieldErrors) {
	}

	private final MicroWishes wishes;

	private final MemberCommunities communities;

	private final MemberPageSupport support;

	@GetMapping("/service/wishes")
	String wishes(@RequestParam(required = false) String status, Model model) {
		if (!model.containsAttribute("wishForm")) {
			model.addAttribute("wishForm", new WishForm(null, null, null, null, null, null));
		}
		return page(CurrentActor.require(), status, model);
	}

	private String page(Actor actor, String status, Model model) {
		MemberPageSupport.choices(model);
		model.addAttribute("statuses", WishStatus.values());
		model.addAttribute("resident", MemberAccess.resident(actor));
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("claimer", MemberAccess.claimer(actor));
		List<Wish> list = wishes.wishes(null, status);
		model.addAttribute("wishes", list);
		model.addAttribute("mine", list.stream().filter(Wish::mine).toList());
		model.addAttribute("others", list.stream().filter(w -> !w.mine()).toList());
		model.addAttribute("status", status);
		if (actor.isStaff()) {
			model.addAttribute("communities", communities.registrableCommunities(actor).stream()
				.filter(c -> actor.covers(c.path())).toList());
		}
		return "memberservice/wishes";
	}

	@PostMapping("/service/wishes")
	String postWish(@ModelAttribute("wishForm") WishForm form, Model model, RedirectAttributes redirect) {
		try {
			wishes.postWish(new WishRequest(form.title(), form.description(), form.category(), form.deadline(),
					form.communityCode(), null, form.wisherName()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", support.errors(e));
			return page(CurrentActor.require(), null, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.wish.posted");
		return "redirect:/service/wishes";
	}

	/** One action on a wish, without htmx: back to the list, with the problem if it was refused. */
	@PostMapping("/service/wishes/{id}/{action:claim|release|deliver|confirm|cancel}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String hours, RedirectAttributes redirect) {
		Outcome outcome = perform(id, action, note, hours);
		if (outcome.problem() != null) {
			redirect.addFlashAttribute("problem", outcome.problem());
		}
		return "redirect:/service/wishes";
	}

	/** One action on a wish by htmx: the wish's card, with a message when refused. */
	@HxRequest
	@PostMapping("/service/wishes/{id}/{action:claim|release|deliver|confirm|cancel}")
	String actOnCard(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String hours, Model model) {
		Outcome outcome = perform(id, action, note, hours);
		model.addAttribute("w", wishes.card(id));
		model.addAttribute("wishProblem", outcome.problem());
		model.addAttribute("wishErrors", outcome.fieldErrors());
		model.addAttribute("staff", CurrentActor.require().isStaff());
		return "memberservice/wish :: wish";
	}

	private Outcome perform(long id, String action, String note, String hours) {
		try {
			switch (action) {
				case "claim" -> wishes.claim(id, null);
				case "release" -> wishes.release(id);
				case "deliver" -> wishes.deliver(id, new DeliverRequest(note, parseHours(hours)));
				case "confirm" -> wishes.confirm(id);
				default -> wishes.cancel(id);
			}
			return new Outcome(null, Map.of());
		}
		catch (ValidationFailedException e) {
			Map<String, String> fieldErrors = support.errors(e);
			return new Outcome(String.join(" ", fieldErrors.values()), fieldErrors);
		}
		catch (ConflictException e) {
			return new Outcome(support.msg("memberservice.wish.conflict", e.getMessage()), Map.of());
		}
	}

	private static BigDecimal parseHours(String hours) {
		if (hours == null || hours.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(hours.trim());
		}
		catch (NumberFormatException e) {
			throw ValidationFailedException.field("hours", "Hours must be a number");
		}
	}
}
