package org.jinlin.alarms.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.AlarmRaising;
import org.jinlin.alarms.internal.AlarmView;
import org.jinlin.alarms.internal.RaiseAlarm;
import org.jinlin.alarms.internal.RaisedAlarm;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The elder's one-tap help page: one very large button raising an SOS alarm, then the alarm's status in big text,
 * refreshed every 3 s by htmx, and her recent alarms. A resident without a care profile is told to call the hotline.
 */
@Controller
@RequiredArgsConstructor
class HelpPages {

	static final int RECENT = 10;

	private final AlarmQueries queries;

	private final AlarmRaising raising;

	private final ElderRegister elders;

	private final AlarmPagesSupport support;

	@Value("${jinlin.alarms.hotline:12349}")
	private final String hotline;

	/** The signed-in resident's care profile, if she has one. */
	private Optional<ElderLocation> profile(Actor actor) {
		if (actor.residentId() == null || actor.isApiKey()) {
			return Optional.empty();
		}
		return elders.locateByResident(actor.residentId());
	}

	@GetMapping("/help")
	String page(@RequestParam(required = false) Long alarm, Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("hotline", hotline);
		if (profile(actor).isEmpty()) {
			model.addAttribute("noProfile", true);
			return "alarms/help";
		}
		List<AlarmView> mine = queries.mine(RECENT);
		AlarmView current = null;
		if (alarm != null) {
			current = mine.stream().filter(a -> a.id() == alarm).findFirst().orElse(null);
		}
		if (current == null) {
			current = mine.stream().filter(a -> a.status().open()).findFirst().orElse(null);
		}
		model.addAttribute("current", current);
		model.addAttribute("currentText", current == null ? null : support.statusForElder(current));
		model.addAttribute("mine", mine);
		model.addAttribute("requestKey", "help-" + UUID.randomUUID());
		return "alarms/help";
	}

	/** The status fragment htmx polls every 3 s (polling stops once the alarm is resolved). */
	@GetMapping("/help/status/{id:\\d+}")
	String status(@PathVariable long id, Model model) {
		AlarmView a = queries.find(id);
		model.addAttribute("current", a);
		model.addAttribute("currentText", support.statusForElder(a));
		return "alarms/help :: status";
	}

	/** The big button: an SOS alarm of the signed-in elder; a resubmitted form (same key) returns the same alarm. */
	@PostMapping("/help")
	String raise(@RequestParam(required = false) String requestKey, RedirectAttributes flash) {
		Actor actor = CurrentActor.require();
		if (profile(actor).isEmpty()) {
			return "redirect:/help";
		}
		String key = requestKey == null || requestKey.isBlank() || requestKey.length() > 100 ? null : requestKey.strip();
		try {
			RaisedAlarm raised = raising.raise(new RaiseAlarm(null, null, "SOS", null, key, null));
			flash.addFlashAttribute("notice", raised.outcome() == RaisedAlarm.Outcome.JOINED
					? "alarms.pages.help.joined" : "alarms.pages.help.raised");
			return "redirect:/help?alarm=" + raised.alarm().id();
		}
		catch (ValidationFailedException | ForbiddenException e) {
			flash.addFlashAttribute("failed", true);
			return "redirect:/help";
		}
	}
}
