package org.jinlin.volunteers.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityDesk;
import org.jinlin.volunteers.internal.ActivityModels.ActivityDraft;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.BackDate;
import org.jinlin.volunteers.internal.ActivityModels.ConfirmHours;
import org.jinlin.volunteers.internal.ActivitySignUps;
import org.jinlin.volunteers.internal.BackDatedRecords;
import org.jinlin.volunteers.internal.HoursConfirmation;
import org.jinlin.volunteers.internal.OrganiserKind;
import org.jinlin.volunteers.internal.VenueCheckIn;
import org.jinlin.volunteers.internal.VolunteerAccess;
import org.jinlin.volunteers.internal.VolunteerRegistry;
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
 * The activity pages: activities (list, sign-up, create), an activity (shifts, the organiser's QR code, sign-ups,
 * attendance, back-dated records, hours) and the venue check-in page the QR code opens.
 */
@Controller
@RequiredArgsConstructor
class ActivityPages {

	private final VolunteerRegistry registry;

	private final ActivityDesk activities;

	private final ActivitySignUps signUps;

	private final VenueCheckIn checkIn;

	private final BackDatedRecords attendance;

	private final HoursConfirmation hours;

	private final Territories territories;

	private final FieldErrors messages;

	// ------------------------------------------------------------------ activities

	@GetMapping("/volunteers/activities")
	String activities(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("upcoming", activities.list(true, 100));
		model.addAttribute("recent", activities.list(false, 30));
		model.addAttribute("canCreate", VolunteerAccess.organiser(actor));
		model.addAttribute("registered", registry.mine().isPresent());
		return "volunteers/activities";
	}

	@GetMapping("/volunteers/activities/new")
	String newActivity(Model model) {
		Actor actor = VolunteerAccess.requireOrganiser();
		String own = territories.lookup(actor.territoryId())
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY || n.level() == TerritoryLevel.STREET)
			.map(TerritoryNode::code).orElse(null);
		return activityForm(model, actor, new ActivityDraft(null, "COMMUNITY", null, own, null, null, null, null, null, 20,
				null), Map.of());
	}

	@PostMapping("/volunteers/activities")
	String create(@ModelAttribute("form") ActivityDraft form, Model model, RedirectAttributes flash) {
		Actor actor = VolunteerAccess.requireOrganiser();
		try {
			ActivityView a = activities.create(form);
			flash.addFlashAttribute("notice", messages.message("volunteers.activity.created"));
			return "redirect:/volunteers/activities/" + a.id();
		}
		catch (ValidationFailedException e) {
			return activityForm(model, actor, form, FormErrors.of(e));
		}
	}

	private String activityForm(Model model, Actor actor, ActivityDraft form, Map<String, List<String>> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", ServiceIntention.values());
		model.addAttribute("organiserKinds", OrganiserKind.values());
		List<TerritoryNode> nodes = new ArrayList<>(territories.lookupLevelUnder(TerritoryLevel.STREET, actor.territoryPath()));
		nodes.addAll(territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, actor.territoryPath()));
		nodes.sort(Comparator.comparing(TerritoryNode::code));
		model.addAttribute("territoryOptions", nodes);
		return "volunteers/activity-form";
	}

	@GetMapping("/volunteers/activities/{id:\\d+}")
	String activity(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.require();
		ActivityView a = activities.find(id);
		boolean organiser = VolunteerAccess.organises(actor, a);
		model.addAttribute("a", a);
		model.addAttribute("organiser", organiser);
		model.addAttribute("registered", registry.mine().isPresent());
		model.addAttribute("mySignUps", signUps.mySignUps(id));
		model.addAttribute("myAttendance", attendance.attendance(id, false));
		if (organiser) {
			model.addAttribute("checkinUrl", checkinUrl(activities.token(id)));
			model.addAttribute("signUps", signUps.signUps(id));
			model.addAttribute("attendance", attendance.attendance(id, true));
			model.addAttribute("hours", hours.hours(id));
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
		return act(id, flash, () -> signUps.signUp(id, shiftId), "volunteers.signup.done");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) Long shiftId, RedirectAttributes flash) {
		return act(id, flash, () -> {
			signUps.cancel(id, shiftId);
			return null;
		}, "volunteers.signup.cancelled");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/backdate")
	String backDate(@PathVariable long id, @ModelAttribute BackDate form, RedirectAttributes flash) {
		return act(id, flash, () -> attendance.backDate(id, form), "volunteers.backdate.done");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/attendance/{attendanceId:\\d+}")
	String decide(@PathVariable long id, @PathVariable long attendanceId, @RequestParam boolean approve,
			RedirectAttributes flash) {
		return act(id, flash, () -> attendance.decide(id, attendanceId, approve),
				approve ? "volunteers.backdate.approved" : "volunteers.backdate.rejected");
	}

	@PostMapping("/volunteers/activities/{id:\\d+}/confirm")
	String confirm(@PathVariable long id, @ModelAttribute ConfirmHours form, RedirectAttributes flash) {
		return act(id, flash, () -> hours.confirm(id, form), "volunteers.hours.confirmed");
	}

	/** Runs a command and goes back to the activity with its notice, or with the rule's or fields' messages. */
	private String act(long id, RedirectAttributes flash, Supplier<?> command, String notice) {
		Flash.run(flash, () -> {
			command.get();
			return messages.message(notice);
		});
		return "redirect:/volunteers/activities/" + id;
	}

	// ------------------------------------------------------------------ check-in at the venue

	@GetMapping("/volunteers/checkin/{token}")
	String checkin(@PathVariable String token, Model model) {
		ActivityView a = activities.byToken(token);
		model.addAttribute("a", a);
		model.addAttribute("token", token);
		model.addAttribute("registered", registry.mine().isPresent());
		model.addAttribute("signedIn", checkIn.signedIn(a));
		model.addAttribute("myAttendance", attendance.attendance(a.id(), false));
		return "volunteers/checkin";
	}

	@PostMapping("/volunteers/checkin/{token}")
	String checkinPost(@PathVariable String token, @RequestParam String action, RedirectAttributes flash) {
		try {
			var result = "out".equals(action) ? checkIn.signOut(token) : checkIn.signIn(token);
			flash.addFlashAttribute("notice", result.message());
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/volunteers/checkin/" + token;
	}
}
