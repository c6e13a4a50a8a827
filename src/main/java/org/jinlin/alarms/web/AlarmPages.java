package org.jinlin.alarms.web;

import java.util.function.LongFunction;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.AlarmResponse;
import org.jinlin.alarms.internal.AlarmStatus;
import org.jinlin.alarms.internal.AlarmView;
import org.jinlin.alarms.internal.ResolveAlarm;
import org.jinlin.eldercare.ElderProtocol;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One alarm: status, timeline, dispatch chain, family contacts to call, the elder's protocol (staff, audited) and
 * the responder's buttons by state and role. A 409 from the desk (someone else took it) and field errors come back
 * to the page as messages.
 */
@Controller
@RequiredArgsConstructor
class AlarmPages {

	private final AlarmQueries queries;

	private final AlarmResponse response;

	private final ElderRegister elders;

	private final AlarmPagesSupport support;

	/** Which buttons the page offers (the desk checks again). */
	record Can(boolean acknowledge, boolean enRoute, boolean arrive, boolean resolve, boolean family) {

		static Can of(Actor actor, AlarmView a) {
			boolean inChain = a.chain().stream().anyMatch(s -> s.username().equals(actor.name()));
			boolean staff = actor.isStaff() && !actor.isApiKey();
			boolean taker = actor.name().equals(a.responderUsername());
			return new Can(AlarmStatus.UNACKNOWLEDGED.contains(a.status()) && (inChain || staff),
					a.status() == AlarmStatus.ACKNOWLEDGED && taker, AlarmStatus.ON_THE_WAY.contains(a.status()) && taker,
					a.status().open() && (taker || staff), staff || taker);
		}
	}

	@GetMapping("/alarms/{id:\\d+}")
	String page(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.require();
		AlarmView a = queries.find(id);
		boolean inChain = a.chain().stream().anyMatch(s -> s.username().equals(actor.name()));
		if (!actor.isStaff() && !inChain) {
			// The elder herself: her own page tells her what is happening, in big text.
			return "redirect:/help?alarm=" + id;
		}
		model.addAttribute("row", support.row(a));
		model.addAttribute("a", a);
		model.addAttribute("can", Can.of(actor, a));
		model.addAttribute("family", queries.familyNotices(id));
		model.addAttribute("outcomes", AlarmOutcome.values());
		if (!actor.isApiKey()) {
			// Staff of the area and the elder's care circle (a volunteer buddy answering her alarm); audited.
			try {
				ElderProtocol protocol = elders.protocol(a.elderId(), "alarm " + id);
				model.addAttribute("protocol", protocol);
			}
			catch (NotFoundException | ForbiddenException e) {
				// An elder who left the register, or a responder outside the area and her circle: no protocol panel.
			}
		}
		return "alarms/detail";
	}

	@PostMapping("/alarms/{id:\\d+}/acknowledge")
	String acknowledge(@PathVariable long id, RedirectAttributes flash) {
		return act(id, response::acknowledge, "alarms.pages.done.acknowledged", "alarms.pages.action.acknowledge", flash);
	}

	@PostMapping("/alarms/{id:\\d+}/en-route")
	String enRoute(@PathVariable long id, RedirectAttributes flash) {
		return act(id, response::enRoute, "alarms.pages.done.enRoute", "alarms.pages.action.enRoute", flash);
	}

	@PostMapping("/alarms/{id:\\d+}/arrive")
	String arrive(@PathVariable long id, RedirectAttributes flash) {
		return act(id, response::arrive, "alarms.pages.done.arrived", "alarms.pages.action.arrive", flash);
	}

	@PostMapping("/alarms/{id:\\d+}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		try {
			response.resolve(id, new ResolveAlarm(outcome, note));
			flash.addFlashAttribute("notice", "alarms.pages.done.resolved");
		}
		catch (ValidationFailedException e) {
			flash.addFlashAttribute("resolveErrors", FormErrors.of(e));
			flash.addFlashAttribute("resolveOutcome", outcome);
			flash.addFlashAttribute("resolveNote", note);
		}
		catch (ConflictException e) {
			conflict(flash, "alarms.pages.action.resolve", e);
		}
		return "redirect:/alarms/" + id + "#resolve";
	}

	@PostMapping("/alarms/{id:\\d+}/family/{priority:\\d+}")
	String family(@PathVariable long id, @PathVariable int priority, @RequestParam(required = false) String result,
			RedirectAttributes flash) {
		response.familyContacted(id, priority, "reached".equals(result));
		flash.addFlashAttribute("notice", "reached".equals(result) ? "alarms.pages.done.familyReached"
				: "alarms.pages.done.familyUnreachable");
		return "redirect:/alarms/" + id + "#family";
	}

	private String act(long id, LongFunction<AlarmView> step, String done, String action, RedirectAttributes flash) {
		try {
			step.apply(id);
			flash.addFlashAttribute("notice", done);
		}
		catch (ConflictException e) {
			conflict(flash, action, e);
		}
		return "redirect:/alarms/" + id;
	}

	private static void conflict(RedirectAttributes flash, String action, ConflictException e) {
		flash.addFlashAttribute("alertAction", action);
		flash.addFlashAttribute("alert", e.getMessage());
	}

}
