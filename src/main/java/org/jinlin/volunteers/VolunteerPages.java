package org.jinlin.volunteers;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.servicehours.ServiceHours;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ActivityModels.ActivityDraft;
import org.jinlin.volunteers.ActivityModels.ActivityView;
import org.jinlin.volunteers.ActivityModels.BackDate;
import org.jinlin.volunteers.ActivityModels.ConfirmHours;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The volunteer pages: activities (list, sign-up, create), an activity (shifts, the organiser's QR code, sign-ups,
 * attendance, back-dated records, hours), the venue check-in page the QR code opens, registration, "my volunteering"
 * with records and certificates, and the staff registry with its Excel export.
 */
@Controller
class VolunteerPages {

	private final VolunteerRegistry registry;

	private final VolunteerActivities activities;

	private final Certificates certificates;

	private final ServiceHours serviceHours;

	private final Territories territories;

	private final VolunteerMessages messages;

	VolunteerPages(VolunteerRegistry registry, VolunteerActivities activities, Certificates certificates,
			ServiceHours serviceHours, Territories territories, VolunteerMessages messages) {
		this.registry = registry;
		this.activities = activities;
		this.certificates = certificates;
		this.serviceHours = serviceHours;
		this.territories = territories;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ activities

	@GetMapping("/volunteers/activities")
	String activities(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("upcoming", activities.list(true, 100));
		model.addAttribute("recent", activities.list(false, 30));
		model.addAttribute("canCreate", VolunteerActivities.isOrganiser(actor));
		model.addAttribute("registered", registry.mine().isPresent());
		return "volunteers/activities";
	}

	@GetMapping("/volunteers/activities/new")
	String newActivity(Model model) {
		Actor actor = organiser();
		String own = territories.lookup(actor.territoryId())
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY || n.level() == TerritoryLevel.STREET)
			.map(TerritoryNode::code).orElse(null);
		return activityForm(model, actor, new ActivityDraft(null, "COMMUNITY", null, own, null, null, null, null, null, 20,
				null), Map.of());
	}

	@PostMapping("/volunteers/activities")
	String create(@ModelAttribute("form") ActivityDraft form, Model model, RedirectAttributes flash) {
		Actor actor = organiser();
		try {
			ActivityView a = activities.create(form);
			flash.addFlashAttribute("notice", messages.get("volunteers.activity.created"));
			return "redirect:/volunteers/activities/" + a.id();
		}
		catch (ValidationFailedException e) {
			return activityForm(model, actor, form, VolunteerMessages.byField(e));
		}
	}

	private String activityForm(Model model, Actor actor, ActivityDraft form, Map<String, List<String>> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", ServiceIntention.values());
		model.addAttribute("organiserKinds", OrganiserKind.values());
		List<TerritoryNode> nodes = new java.util.ArrayList<>(territories.lookupLevelUnder(TerritoryLevel.STREET, actor.territoryPath()));
		nodes.addAll(territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, actor.territoryPath()));
		nodes.sort(java.util.Comparator.comparing(TerritoryNode::code));
		model.addAttribute("territoryOptions", nodes);
		return "volunteers/activity-form";
	}

	@GetMapping("/volunteers/activities/{id:\\d+}")
	String activity(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.require();
		ActivityView a = activities.find(id);
		boolean organiser = VolunteerActivities.organises(actor, a);
		model.addAttribute("a", a);
		model.addAttribute("organiser", organiser);
		model.addAttribute("registered", registry.mine().isPresent());
		model.addAttribute("mySignUps", activities.mySignUps(id));
		model.addAttribute("myAttendance", activities.attendance(id, false));
		if (organiser) {
			String token = activities.token(id);
			model.addAttribute("checkinUrl", checkinUrl(token));
			model.addAttribute("signUps", activities.signUps(id));
			model.addAttribute("attendance", activities.attendance(id, true));
			model.addAttribute("hours", activities.hours(id));
		}
		return "volunteers/activity";
	}

	@GetMapping(value = "/volunteers/activities/{id:\\d+}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable long id) {
		String url = checkinUrl(activities.token(id));
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store").body(CheckInCodes.svg(url));
	}

	private static String checkinUrl(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/volunteers/checkin/{token}").buildAndExpand(token)
			.toUriString();
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/publish")
	String publish(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> activities.publish(id), "volunteers.activity.published");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/token")
	String rotate(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> activities.rotateToken(id), "volunteers.activity.rotated");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/signup")
	String signUp(@PathVariable long id, @RequestParam(required = false) Long shiftId, RedirectAttributes flash) {
		return act(id, flash, () -> activities.signUp(id, shiftId), "volunteers.signup.done");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) Long shiftId, RedirectAttributes flash) {
		return act(id, flash, () -> {
			activities.cancel(id, shiftId);
			return null;
		}, "volunteers.signup.cancelled");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/backdate")
	String backDate(@PathVariable long id, @ModelAttribute BackDate form, RedirectAttributes flash) {
		return act(id, flash, () -> activities.backDate(id, form), "volunteers.backdate.done");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/attendance/{attendanceId:\\d+}")
	String decide(@PathVariable long id, @PathVariable long attendanceId, @RequestParam boolean approve,
			RedirectAttributes flash) {
		return act(id, flash, () -> activities.decide(id, attendanceId, approve),
				approve ? "volunteers.backdate.approved" : "volunteers.backdate.rejected");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/confirm")
	String confirm(@PathVariable long id, @ModelAttribute ConfirmHours form, RedirectAttributes flash) {
		return act(id, flash, () -> activities.confirm(id, form), "volunteers.hours.confirmed");
	}

	/** Runs a command and goes back to the activity with its notice, or with the rule's or fields' messages. */
	private String act(long id, RedirectAttributes flash, java.util.function.Supplier<?> command, String notice) {
		try {
			command.get();
			flash.addFlashAttribute("notice", messages.get(notice));
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("error", String.join(" ", e.errors().stream().map(m -> m.get("message")).toList()));
		}
		return "redirect:/volunteers/activities/" + id;
	}

	// ------------------------------------------------------------------ check-in at the venue

	@GetMapping("/volunteers/checkin/{token}")
	String checkin(@PathVariable String token, Model model) {
		ActivityView a = activities.byToken(token);
		model.addAttribute("a", a);
		model.addAttribute("token", token);
		model.addAttribute("registered", registry.mine().isPresent());
		model.addAttribute("signedIn", activities.signedIn(a));
		model.addAttribute("myAttendance", activities.attendance(a.id(), false));
		return "volunteers/checkin";
	}

	@PostMapping("/volunteers/checkin/{token}")
	String checkinPost(@PathVariable String token, @RequestParam String action, RedirectAttributes flash) {
		try {
			var result = "out".equals(action) ? activities.signOut(token) : activities.signIn(token);
			flash.addFlashAttribute("notice", result.message());
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/volunteers/checkin/" + token;
	}

	// ------------------------------------------------------------------ registration

	@GetMapping("/volunteers/register")
	String registerForm(Model model, RedirectAttributes flash) {
		Actor actor = CurrentActor.require();
		String own = territories.lookup(actor.territoryId()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.map(TerritoryNode::code).orElse(null);
		return registerForm(model, actor, RegisterVolunteer.empty(own), Map.of());
	}

	@PostMapping("/volunteers/register")
	String register(@ModelAttribute("form") RegisterVolunteer form, Model model, RedirectAttributes flash) {
		Actor actor = CurrentActor.require();
		try {
			VolunteerView v = registry.register(form);
			flash.addFlashAttribute("notice", messages.get("volunteers.register.done", v.name()));
			return Boolean.TRUE.equals(form.onBehalf()) ? "redirect:/volunteers" : "redirect:/volunteers/me";
		}
		catch (ValidationFailedException e) {
			return registerForm(model, actor, form, VolunteerMessages.byField(e));
		}
		catch (ConflictException e) {
			String field = e.getMessage().equals(messages.get("volunteers.error.idNumberRegistered")) ? "idNumber" : "_global";
			return registerForm(model, actor, form, Map.of(field, List.of(e.getMessage())));
		}
	}

	private String registerForm(Model model, Actor actor, RegisterVolunteer form, Map<String, List<String>> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("intentions", ServiceIntention.values());
		model.addAttribute("communities", territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/").stream()
			.sorted(java.util.Comparator.comparing(TerritoryNode::code)).toList());
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("already", registry.mine().isPresent());
		return "volunteers/register";
	}

	// ------------------------------------------------------------------ my volunteering

	@GetMapping("/volunteers/me")
	String me(Model model) {
		var mine = registry.mine();
		model.addAttribute("v", mine.orElse(null));
		if (mine.isPresent()) {
			model.addAttribute("balance", serviceHours.balanceOf(mine.get().personKey()));
			var records = activities.myRecords();
			model.addAttribute("records", records);
			model.addAttribute("recordedHours", records.stream().map(ActivityModels.ServiceRecordView::hours)
				.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
			model.addAttribute("certificates", certificates.mine());
			LocalDate today = LocalDate.now(VolunteerActivities.ZONE);
			model.addAttribute("periodFrom", today.minusYears(1).plusDays(1));
			model.addAttribute("periodTo", today);
		}
		return "volunteers/me";
	}

	@PostMapping("/volunteers/me/certificates")
	String issue(@ModelAttribute Certificates.IssueRequest form, RedirectAttributes flash) {
		try {
			Certificates.Certificate c = certificates.issue(form);
			flash.addFlashAttribute("notice", messages.get("volunteers.certificate.issued", c.number()));
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("error", String.join(" ", e.errors().stream().map(m -> m.get("message")).toList()));
		}
		return "redirect:/volunteers/me";
	}

	@GetMapping("/volunteers/me/certificates/{number}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		Certificates.Certificate c = certificates.myCertificate(number);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(c.number() + ".pdf").build().toString())
			.body(certificates.pdf(c));
	}

	// ------------------------------------------------------------------ staff registry

	@GetMapping("/volunteers")
	String registry(@RequestParam(required = false) String q, @RequestParam(required = false) String intention,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", registry.search(q, ServiceIntention.parse(intention).orElse(null), page));
		model.addAttribute("q", q);
		model.addAttribute("intention", intention);
		model.addAttribute("intentions", ServiceIntention.values());
		return "volunteers/registry";
	}

	@GetMapping("/volunteers/export.xlsx")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String intention,
			HttpServletResponse response) throws IOException {
		VolunteerRegistry.requireStaff();
		ServiceIntention i = ServiceIntention.parse(intention).orElse(null);
		DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
		SpreadsheetDownloads.xlsx(response, "volunteers.xlsx", out -> {
			List<String> headers = Arrays.stream(new String[] { "name", "gender", "birthDate", "idNumber", "phone",
					"community", "intentions", "skills", "availableTime", "account", "registeredAt" })
				.map(h -> messages.get("volunteers.field." + h)).toList();
			try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, messages.get("volunteers.registry.sheet"), headers)) {
				registry.export(q, i, v -> sheet.row(Arrays.asList(v.name(), messages.get("volunteers.gender." + v.gender()),
						v.birthDate().format(date), v.idNumberMasked(), v.phoneMasked(), v.communityName(),
						String.join("、", v.intentions().stream().map(x -> messages.get("volunteers.intention." + x.name())).toList()),
						v.skills(), v.availableTime(), v.username() == null ? "" : v.username(),
						v.registeredAt().atZone(VolunteerActivities.ZONE).toLocalDate().format(date))));
			}
		});
	}

	private static Actor organiser() {
		Actor actor = CurrentActor.require();
		if (!VolunteerActivities.isOrganiser(actor)) {
			throw new org.jinlin.shared.ForbiddenException("Organisers only");
		}
		return actor;
	}
}
