package org.jinlin.demands.web.desk;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.DemandNotifications;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.Role;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The worker's live queue and the notification list. */
@Controller
@RequiredArgsConstructor
public class QueuePages {

	static final int QUEUE_LIMIT = 200;

	private final DemandQueries queries;

	private final DemandNotifications notifications;

	private final QueueEvents events;

	/** The queue split for the page: what waits for me (or my unit), and what I could claim in my grid. */
	record Queue(List<DemandView> mine, List<DemandView> inMyGrid, boolean gridWorker) {

		static Queue of(Actor actor, List<DemandView> all) {
			boolean grid = actor.has(Role.GRID_WORKER);
			List<DemandView> mine = new ArrayList<>();
			List<DemandView> inGrid = new ArrayList<>();
			for (DemandView d : all) {
				boolean handler = d.handlerNodeId() != null && d.handlerNodeId() == actor.territoryId();
				boolean assigned = actor.name().equals(d.assignee());
				boolean escalated = d.escalatedNodeId() != null && d.escalatedNodeId() == actor.territoryId();
				boolean onlyByGrid = grid && d.gridId() != null && d.gridId() == actor.territoryId() && !handler && !assigned
						&& !escalated;
				(onlyByGrid ? inGrid : mine).add(d);
			}
			return new Queue(mine, inGrid, grid);
		}

		/** A demand in my grid, handled elsewhere and not yet signed for: a grid worker may claim it. */
		public boolean claimable(DemandView d) {
			return gridWorker && d.status() == DemandStatus.DISPATCHED;
		}
	}

	@GetMapping("/demands/queue")
	String queue(HtmxRequest htmx, Model model,
			org.springframework.security.web.csrf.CsrfToken csrf) {
		// The list holds forms: load the (deferred) CSRF token before rendering, while a session can still be made.
		csrf.getToken();
		Actor actor = CurrentActor.require();
		model.addAttribute("queue", Queue.of(actor, queries.queue(QUEUE_LIMIT)));
		model.addAttribute("zone", DeskSupport.ZONE);
		model.addAttribute("now", java.time.Instant.now());
		if (htmx.isHtmxRequest()) {
			return "demands/desk/queue :: list";
		}
		model.addAttribute("since", notifications.newestId(actor));
		model.addAttribute("unread", notifications.unread(actor));
		return "demands/desk/queue";
	}

	/** The fragment the live script re-fetches (also plain HTML for a script without htmx). */
	@GetMapping("/demands/queue/list")
	String list(Model model, org.springframework.security.web.csrf.CsrfToken csrf) {
		csrf.getToken();
		Actor actor = CurrentActor.require();
		model.addAttribute("queue", Queue.of(actor, queries.queue(QUEUE_LIMIT)));
		model.addAttribute("zone", DeskSupport.ZONE);
		model.addAttribute("now", java.time.Instant.now());
		return "demands/desk/queue :: list";
	}

	/**
	 * Server-sent events for the signed-in worker: one {@code notification} event per new notification for
	 * her account or her node, from any instance. {@code since} (or the EventSource's Last-Event-ID on a
	 * reconnect) says the last notification the page already knew.
	 */
	@GetMapping(path = "/demands/queue/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@RequestParam(required = false) Long since,
			@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
		Long last = since;
		if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
			last = Long.valueOf(lastEventId);
		}
		return events.subscribe(CurrentActor.require(), LocaleContextHolder.getLocale(), last);
	}

	@GetMapping("/demands/notifications")
	String notifications(Model model) {
		Actor actor = CurrentActor.require();
		model.addAttribute("items", notifications.latest(actor, 100));
		model.addAttribute("unread", notifications.unread(actor));
		model.addAttribute("zone", DeskSupport.ZONE);
		return "demands/desk/notifications";
	}

	@PostMapping("/demands/notifications/read")
	String markAllRead(RedirectAttributes flash) {
		notifications.markAllRead();
		flash.addFlashAttribute("notice", "demands.desk.notifications.allRead");
		return "redirect:/demands/notifications";
	}
}
