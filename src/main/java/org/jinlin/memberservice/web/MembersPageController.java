package org.jinlin.memberservice.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberAccess;
import org.jinlin.memberservice.internal.MemberCommunities;
import org.jinlin.memberservice.internal.MemberFigures;
import org.jinlin.memberservice.internal.MemberRegistrations;
import org.jinlin.memberservice.internal.MemberValidation;
import org.jinlin.memberservice.internal.MemberViews.NeedRequest;
import org.jinlin.memberservice.internal.MemberViews.PostRequest;
import org.jinlin.memberservice.internal.MemberViews.QuarterlyReport;
import org.jinlin.memberservice.internal.MemberViews.UnitRegistrationRequest;
import org.jinlin.memberservice.internal.ServicePosts;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
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
 * The staff's member-service page: registrations with figures and export, quarterly reports, and the forms that
 * record a unit's registration and publish needs and posts.
 */
@Controller
@RequiredArgsConstructor
class MembersPageController {

	record UnitForm(String communityCode, String unitName, String contactName, String phone, Integer headcount,
			String skills, List<String> categories, List<String> availability) {
	}

	record NeedForm(String communityCode, String title, String description, String category) {
	}

	record PostForm(String communityCode, String title, String description, String category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate, BigDecimal hours, Integer headcount) {
	}

	private final MemberRegistrations registrations;

	private final ServicePosts posts;

	private final MemberFigures figures;

	private final MemberCommunities communities;

	private final MemberReports reports;

	private final MemberPageSupport support;

	private static Actor requireStaff() {
		return AccessRules.require(MemberAccess::staff, "Community staff only");
	}

	@GetMapping("/service/members")
	String members(@RequestParam(required = false) String territory, Model model) {
		Actor actor = requireStaff();
		model.addAttribute("territory", territory);
		if (!model.containsAttribute("unitForm")) {
			model.addAttribute("unitForm", new UnitForm(null, null, null, null, null, null, List.of(), List.of()));
		}
		if (!model.containsAttribute("needForm")) {
			model.addAttribute("needForm", new NeedForm(null, null, null, null));
		}
		if (!model.containsAttribute("postForm")) {
			model.addAttribute("postForm", new PostForm(null, null, null, null, null, null, null));
		}
		MemberPageSupport.choices(model);
		model.addAttribute("registrations", registrations.registrations(territory, false));
		model.addAttribute("figures", figures.figures(territory));
		model.addAttribute("needs", posts.needs(territory));
		model.addAttribute("posts", posts.posts(territory));
		model.addAttribute("quarter", MemberValidation.currentQuarter());
		model.addAttribute("canWrite", MemberAccess.communityStaff(actor));
		model.addAttribute("communities", communities.registrableCommunities(actor).stream()
			.filter(c -> actor.covers(c.path())).limit(500).toList());
		return "memberservice/members";
	}

	@GetMapping("/service/members/export.xlsx")
	void export(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		requireStaff();
		reports.registrationsXlsx(registrations.registrations(territory, false), response);
	}

	@GetMapping("/service/members/{id}/report")
	void report(@PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(defaultValue = "pdf") String format, HttpServletResponse response) throws IOException {
		QuarterlyReport report = figures.report(id, quarter == null ? MemberValidation.currentQuarter() : quarter);
		if ("xlsx".equalsIgnoreCase(format)) {
			reports.xlsx(report, response);
		}
		else {
			reports.pdf(report, response);
		}
	}

	@PostMapping("/service/members/units")
	String registerUnit(@ModelAttribute("unitForm") UnitForm form, Model model, RedirectAttributes redirect) {
		try {
			return save(model, redirect, "unitErrors", "memberservice.unit.saved",
					() -> registrations.registerUnit(new UnitRegistrationRequest(form.communityCode(), form.unitName(),
							form.contactName(), form.phone(), form.headcount(), form.skills(), form.categories(),
							form.availability())));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", support.msg("memberservice.registration.duplicate", e.getMessage()));
			return "redirect:/service/members";
		}
	}

	@PostMapping("/service/needs")
	String createNeed(@ModelAttribute("needForm") NeedForm form, Model model, RedirectAttributes redirect) {
		return save(model, redirect, "needErrors", "memberservice.need.saved", () -> posts.createNeed(
				new NeedRequest(form.communityCode(), form.title(), form.description(), form.category())));
	}

	@PostMapping("/service/posts")
	String createPost(@ModelAttribute("postForm") PostForm form, Model model, RedirectAttributes redirect) {
		return save(model, redirect, "postErrors", "memberservice.post.saved", () -> posts.createPost(
				new PostRequest(form.communityCode(), form.title(), form.description(), form.category(),
						form.serviceDate(), form.hours(), form.headcount())));
	}

	/** Staff save one of the page's forms: back to the page with a notice, or the page again with the form's messages. */
	private String save(Model model, RedirectAttributes redirect, String errorsName, String notice, Runnable action) {
		requireStaff();
		try {
			action.run();
		}
		catch (ValidationFailedException e) {
			model.addAttribute(errorsName, support.errors(e));
			return members(null, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/service/members";
	}
}
