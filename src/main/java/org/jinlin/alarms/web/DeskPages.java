package org.jinlin.alarms.web;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.AlarmRaising;
import org.jinlin.alarms.internal.RaiseAlarm;
import org.jinlin.alarms.internal.RaisedAlarm;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alarm desk (staff and volunteers): the live queue of open alarms oldest first, recently resolved alarms, the
 * event stream that tells the page to refresh (and beep), and the form staff use to log an alarm phoned in.
 */
@Controller
@RequiredArgsConstructor
class DeskPages {

	static final int RESOLVED_ON_PAGE = 20;

	static final int MATCHES = 10;

	private final AlarmQueries queries;

	private final AlarmRaising raising;

	private final AlarmLive live;

	private final AlarmPagesSupport support;

	private final ElderRegister elders;

	/** The phone-call form as submitted: the elder's id, the kind and what the caller said. */
	record PhoneCall(String elderId, String kind, String note, String pick) implements java.io.Serializable {
	}

	@GetMapping("/alarms/desk")
	String page(@RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.require();
		fill(model);
		model.addAttribute("since", queries.newestFeedId());
		model.addAttribute("staff", actor.isStaff());
		model.addAttribute("kinds", AlarmKind.values());
		if (!model.containsAttribute("call")) {
			model.addAttribute("call", new PhoneCall(null, AlarmKind.SOS.name(), null, null));
		}
		String query = q == null ? "" : q.strip();
		model.addAttribute("q", query);
		if (actor.isStaff() && !query.isEmpty()) {
			// Elders whose name starts with the query, within the caller's jurisdiction (eldercare checks it).
			model.addAttribute("matches", elders.matching(query.length() > 20 ? query.substring(0, 20) : query, MATCHES));
		}
		return "alarms/desk";
	}

	/** The fragment the live script re-fetches. */
	@GetMapping("/alarms/desk/queue")
	String queue(Model model) {
		fill(model);
		return "alarms/desk :: queue";
	}

	private void fill(Model model) {
		model.addAttribute("open", support.rows(queries.open()));
		model.addAttribute("resolved", support.rows(queries.recentlyResolved(RESOLVED_ON_PAGE)));
		model.addAttribute("ackTimeoutSeconds", queries.ackTimeout().toSeconds());
	}

	/**
	 * Server-sent events: one {@code alarm} event ({id, alarmId, kind, forMe}) per change of an alarm the caller may
	 * see, from any instance. {@code since} (or the EventSource's Last-Event-ID on a reconnect) is the last feed id
	 * the page already knew.
	 */
	@GetMapping(path = "/alarms/desk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@RequestParam(required = false) Long since,
			@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() && !actor.has(org.jinlin.shared.Role.VOLUNTEER)) {
			throw new ForbiddenException("This account has no alarm desk");
		}
		Long last = since;
		if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
			last = Long.valueOf(lastEventId);
		}
		return live.subscribe(actor, last);
	}

	/** Staff log an alarm phoned in (channel PHONE_CALL); errors come back as field messages. */
	@PostMapping("/alarms/desk/call")
	String call(@ModelAttribute PhoneCall call, RedirectAttributes flash) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff log phone calls");
		}
		Long elderId = null;
		String raw = call.pick() != null && !call.pick().isBlank() ? call.pick().strip()
				: call.elderId() == null ? "" : call.elderId().strip();
		if (!raw.matches("[0-9]{1,18}")) {
			return invalid(call, flash, Map.of("elderId", List.of(support.msg("alarms.pages.call.elderId.invalid"))));
		}
		elderId = Long.valueOf(raw);
		try {
			RaisedAlarm raised = raising.raise(new RaiseAlarm(elderId, null, call.kind(), null, null, call.note()));
			flash.addFlashAttribute("notice", raised.outcome() == RaisedAlarm.Outcome.JOINED ? "alarms.pages.call.joined"
					: "alarms.pages.call.logged");
			return "redirect:/alarms/" + raised.alarm().id();
		}
		catch (ValidationFailedException e) {
			return invalid(call, flash, FormErrors.of(e));
		}
		catch (NotFoundException e) {
			return invalid(call, flash, Map.of("elderId", List.of(support.msg("alarms.pages.call.elderId.unknown"))));
		}
	}

	private static String invalid(PhoneCall call, RedirectAttributes flash, Map<String, List<String>> errors) {
		flash.addFlashAttribute("call", call);
		flash.addFlashAttribute("callErrors", errors);
		return "redirect:/alarms/desk#call";
	}

}
