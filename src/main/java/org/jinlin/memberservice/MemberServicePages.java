package org.jinlin.memberservice;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.memberservice.MemberViews.DeliverRequest;
import org.jinlin.memberservice.MemberViews.MemberRegistrationRequest;
import org.jinlin.memberservice.MemberViews.NeedRequest;
import org.jinlin.memberservice.MemberViews.PostRequest;
import org.jinlin.memberservice.MemberViews.Registration;
import org.jinlin.memberservice.MemberViews.UnitRegistrationRequest;
import org.jinlin.memberservice.MemberViews.Wish;
import org.jinlin.memberservice.MemberViews.WishRequest;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member-service pages: a party member's own page (register, her registrations, claimed wishes, post sign-ups
 * and hours), the micro-wish page for residents, members, volunteers and staff (actions by htmx), and the staff's
 * registrations page with figures, export, unit registration, needs and posts.
 */
@Controller
class MemberServicePages {

	private final MemberService service;

	private final MemberReports reports;

	private final ServiceHours hours;

	private final MessageSource messages;

	MemberServicePages(MemberService service, MemberReports reports, ServiceHours hours, MessageSource messages) {
		this.service = service;
		this.reports = reports;
		this.hours = hours;
		this.messages = messages;
	}

	record RegistrationForm(String communityCode, String skills, List<String> categories, List<String> availability,
			String employer, String phone) {
	}

	record UnitForm(String communityCode, String unitName, String contactName, String phone, Integer headcount,
			String skills, List<String> categories, List<String> availability) {
	}

	record WishForm(String title, String description, String category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String communityCode, String wisherName) {
	}

	record NeedForm(String communityCode, String title, String description, String category) {
	}

	record PostForm(String communityCode, String title, String description, String category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate, BigDecimal hours, Integer headcount) {
	}

	private String msg(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	private Map<String, String> errors(ValidationFailedException e) {
		Map<String, String> map = new LinkedHashMap<>();
		e.errors().forEach(err -> map.putIfAbsent(err.get("field"),
				msg("memberservice.error." + err.get("field"), err.get("message"))));
		return map;
	}

	private void common(Model model) {
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("availabilities", Availability.values());
	}

	// ------------------------------------------------------------------ the member's own page

	@GetMapping("/service/registration")
	String registration(Model model) {
		Actor actor = requireMember();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RegistrationForm(service.homeCommunity(actor).map(c -> c.code()).orElse(null),
					null, List.of(), List.of(), null, null));
		}
		return registrationPage(actor, model);
	}

	private String registrationPage(Actor actor, Model model) {
		common(model);
		List<Registration> mine = service.registrations(null, false);
		model.addAttribute("registrations", mine);
		model.addAttribute("communities", service.registrableCommunities(actor));
		model.addAttribute("claimed", service.wishes(null, null).stream().filter(Wish::claimedByMe).toList());
		model.addAttribute("posts", service.posts(null).stream()
			.filter(p -> mine.stream().anyMatch(r -> "ACTIVE".equals(r.status()) && r.communityId() == p.communityId()))
			.toList());
		model.addAttribute("signups", service.signups(mine.stream().map(Registration::id).toList()));
		model.addAttribute("balance", hours.balanceOf(actor.name()));
		model.addAttribute("quarter", MemberService.currentQuarter());
		return "memberservice/registration";
	}

	@PostMapping("/service/registration")
	String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect) {
		Actor actor = requireMember();
		try {
			service.registerMember(new MemberRegistrationRequest(form.communityCode(), form.skills(), form.categories(),
					form.availability(), form.employer(), form.phone()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", errors(e));
			return registrationPage(actor, model);
		}
		catch (ConflictException e) {
			model.addAttribute("problem", msg("memberservice.registration.duplicate", e.getMessage()));
			return registrationPage(actor, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.registration.saved");
		return "redirect:/service/registration";
	}

	@PostMapping("/service/registration/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		service.withdraw(id);
		redirect.addFlashAttribute("notice", "memberservice.registration.withdrawn");
		return CurrentActor.require().isStaff() ? "redirect:/service/members" : "redirect:/service/registration";
	}

	@PostMapping("/service/posts/{id}/signup")
	String signUp(@PathVariable long id, RedirectAttributes redirect) {
		try {
			service.signUp(id, null);
			redirect.addFlashAttribute("notice", "memberservice.post.signedUp");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage().contains("full")
					? msg("memberservice.post.full", e.getMessage()) : msg("memberservice.post.already", e.getMessage()));
		}
		return "redirect:/service/registration";
	}

	private static Actor requireMember() {
		Actor actor = CurrentActor.require();
		if (!actor.has(Role.PARTY_MEMBER)) {
			throw new ForbiddenException("Party members only");
		}
		return actor;
	}

	// ------------------------------------------------------------------ micro-wishes

	@GetMapping("/service/wishes")
	String wishes(@RequestParam(required = false) String status, Model model) {
		Actor actor = CurrentActor.require();
		if (!model.containsAttribute("wishForm")) {
			model.addAttribute("wishForm", new WishForm(null, null, null, null, null, null));
		}
		return wishesPage(actor, status, model);
	}

	private String wishesPage(Actor actor, String status, Model model) {
		common(model);
		boolean resident = actor.has(Role.RESIDENT) && !actor.isStaff();
		model.addAttribute("resident", resident);
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("claimer", actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER));
		List<Wish> list = service.wishes(null, status);
		model.addAttribute("wishes", list);
		model.addAttribute("mine", list.stream().filter(Wish::mine).toList());
		model.addAttribute("others", list.stream().filter(w -> !w.mine()).toList());
		model.addAttribute("status", status);
		if (actor.isStaff()) {
			model.addAttribute("communities", service.registrableCommunities(actor).stream()
				.filter(c -> actor.covers(c.path())).toList());
		}
		return "memberservice/wishes";
	}

	@PostMapping("/service/wishes")
	String postWish(@ModelAttribute("wishForm") WishForm form, Model model, RedirectAttributes redirect) {
		Actor actor = CurrentActor.require();
		try {
			service.postWish(new WishRequest(form.title(), form.description(), form.category(), form.deadline(),
					form.communityCode(), null, form.wisherName()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", errors(e));
			return wishesPage(actor, null, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.wish.posted");
		return "redirect:/service/wishes";
	}

	/** One action on a wish; with htmx the wish's card comes back (with a message when refused), else a redirect. */
	@PostMapping("/service/wishes/{id}/{action:claim|release|deliver|confirm|cancel}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String hours, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		String problem = null;
		Map<String, String> fieldErrors = Map.of();
		try {
			switch (action) {
				case "claim" -> service.claim(id, null);
				case "release" -> service.release(id);
				case "deliver" -> service.deliver(id, new DeliverRequest(note, parseHours(hours)));
				case "confirm" -> service.confirm(id);
				default -> service.cancel(id);
			}
		}
		catch (ValidationFailedException e) {
			fieldErrors = errors(e);
			problem = String.join(" ", fieldErrors.values());
		}
		catch (ConflictException e) {
			problem = msg("memberservice.wish.conflict", e.getMessage());
		}
		if (htmx == null) {
			if (problem != null) {
				redirect.addFlashAttribute("problem", problem);
			}
			return "redirect:/service/wishes";
		}
		Actor actor = CurrentActor.require();
		model.addAttribute("w", service.wishViews(actor, List.of(service.findWish(id).orElseThrow())).get(0));
		model.addAttribute("wishProblem", problem);
		model.addAttribute("wishErrors", fieldErrors);
		model.addAttribute("staff", actor.isStaff());
		return "memberservice/wish :: wish";
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

	// ------------------------------------------------------------------ staff

	@GetMapping("/service/members")
	String members(@RequestParam(required = false) String territory, Model model) {
		Actor actor = MemberService.requireStaff(CurrentActor.require());
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
		return membersPage(actor, territory, model);
	}

	private String membersPage(Actor actor, String territory, Model model) {
		common(model);
		model.addAttribute("registrations", service.registrations(territory, false));
		model.addAttribute("figures", service.figures(territory));
		model.addAttribute("needs", service.needs(territory));
		model.addAttribute("posts", service.posts(territory));
		model.addAttribute("quarter", MemberService.currentQuarter());
		model.addAttribute("canWrite", actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR));
		model.addAttribute("communities", service.registrableCommunities(actor).stream()
			.filter(c -> actor.covers(c.path())).limit(500).toList());
		return "memberservice/members";
	}

	@GetMapping("/service/members/export.xlsx")
	void export(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		MemberService.requireStaff(CurrentActor.require());
		reports.registrationsXlsx(service.registrations(territory, false), response);
	}

	@GetMapping("/service/members/{id}/report")
	void report(@PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(defaultValue = "pdf") String format, HttpServletResponse response) throws IOException {
		MemberViews.QuarterlyReport report = service.report(id, quarter == null ? MemberService.currentQuarter() : quarter);
		if ("xlsx".equalsIgnoreCase(format)) {
			reports.xlsx(report, response);
		}
		else {
			reports.pdf(report, response);
		}
	}

	@PostMapping("/service/members/units")
	String registerUnit(@ModelAttribute("unitForm") UnitForm form, Model model, RedirectAttributes redirect) {
		Actor actor = MemberService.requireStaff(CurrentActor.require());
		try {
			service.registerUnit(new UnitRegistrationRequest(form.communityCode(), form.unitName(), form.contactName(),
					form.phone(), form.headcount(), form.skills(), form.categories(), form.availability()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("unitErrors", errors(e));
			return members(null, model);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", msg("memberservice.registration.duplicate", e.getMessage()));
			return "redirect:/service/members";
		}
		redirect.addFlashAttribute("notice", "memberservice.unit.saved");
		return "redirect:/service/members";
	}

	@PostMapping("/service/needs")
	String createNeed(@ModelAttribute("needForm") NeedForm form, Model model, RedirectAttributes redirect) {
		MemberService.requireStaff(CurrentActor.require());
		try {
			service.createNeed(new NeedRequest(form.communityCode(), form.title(), form.description(), form.category()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("needErrors", errors(e));
			return members(null, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.need.saved");
		return "redirect:/service/members";
	}

	@PostMapping("/service/posts")
	String createPost(@ModelAttribute("postForm") PostForm form, Model model, RedirectAttributes redirect) {
		MemberService.requireStaff(CurrentActor.require());
		try {
			service.createPost(new PostRequest(form.communityCode(), form.title(), form.description(), form.category(),
					form.serviceDate(), form.hours(), form.headcount()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("postErrors", errors(e));
			return members(null, model);
		}
		redirect.addFlashAttribute("notice", "memberservice.post.saved");
		return "redirect:/service/members";
	}
}
