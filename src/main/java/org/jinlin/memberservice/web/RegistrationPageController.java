package org.jinlin.memberservice.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberAccess;
import org.jinlin.memberservice.internal.MemberCommunities;
import org.jinlin.memberservice.internal.MemberRegistrations;
import org.jinlin.memberservice.internal.MemberValidation;
import org.jinlin.memberservice.internal.MemberViews.MemberRegistrationRequest;
import org.jinlin.memberservice.internal.MemberViews.Registration;
import org.jinlin.memberservice.internal.MemberViews.Wish;
import org.jinlin.memberservice.internal.MicroWishes;
import org.jinlin.memberservice.internal.ServicePosts;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A party member's own page: register with a community, her registrations, the wishes she claimed, the posts of her
 * communities and her sign-ups, and her service hours.
 */
@Controller
@RequiredArgsConstructor
class RegistrationPageController {

	record RegistrationForm(String communityCode, String skills, List<String> categories, List<String> availability,
			String employer, String phone) {
	}

	private final MemberRegistrations registrations;

	private final ServicePosts posts;

	private final MicroWishes wishes;

	private final MemberCommunities communities;

	private final ServiceHours hours;

	private final MemberPageSupport support;

	private static Actor requireMember() {
		return AccessRules.require(MemberAccess::member, "Party members only");
	}

	@GetMapping("/service/registration")
	String registration(Model model) {
		Actor actor = requireMember();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RegistrationForm(communities.homeCommunity(actor).map(c -> c.code()).orElse(null),
					null, List.of(), List.of(), null, null));
		}
		return page(actor, model);
	}

	private String page(Actor actor, Model model) {
		MemberPageSupport.choices(model);
		List<Registration> mine = registrations.registrations(null, false);
		model.addAttribute("registrations", mine);
		model.addAttribute("communities", communities.registrableCommunities(actor));
		model.addAttribute("claimed", wishes.wishes(null, null).stream().filter(Wish::claimedByMe).toList());
		model.addAttribute("posts", posts.posts(null).stream()
			.filter(p -> mine.stream().anyMatch(r -> "ACTIVE".equals(r.status()) && r.communityId() == p.communityId()))
			.toList());
		model.addAttribute("signups", posts.signups(mine.stream().map(Registration::id).toList()));
		model.addAttribute("balance", hours.balanceOf(actor.name()));
		model.addAttribute("quarter", MemberValidation.currentQuarter());
		return "memberservice/registration";
	}

	@PostMapping("/service/registration")
	String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect) {
		Actor actor = requireMember();
		try {
			registrations.registerMember(new MemberRegistrationRequest(form.communityCode(), form.skills(),
					form.categories(), form.availability(), form.employer(), form.phone()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", support.errors(e));
			return page(actor, model);
		}
		catch (ConflictException e) {
			model.addAttribute("problem", support.msg("memberservice.registration.duplicate", e.getMessage()));
			return page(actor, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.registration.saved");
		return "redirect:/service/registration";
	}

	@PostMapping("/service/registration/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		registrations.withdraw(id);
		redirect.addFlashAttribute("notice", "memberservice.registration.withdrawn");
		return CurrentActor.require().isStaff() ? "redirect:/service/members" : "redirect:/service/registration";
	}

	@PostMapping("/service/posts/{id}/signup")
	String signUp(@PathVariable long id, RedirectAttributes redirect) {
		try {
			posts.signUp(id, null);
			redirect.addFlashAttribute("notice", "memberservice.post.signedUp");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage().contains("full")
					? support.msg("memberservice.post.full", e.getMessage())
					: support.msg("memberservice.post.already", e.getMessage()));
		}
		return "redirect:/service/registration";
	}
}
