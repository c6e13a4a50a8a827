package org.jinlin.portal.web;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmFigures;
import org.jinlin.circle.CircleFigures;
import org.jinlin.consultation.ConsultationInvitations;
import org.jinlin.demands.DemandFigures;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequiredArgsConstructor
class PortalController {

	private final Territories territories;

	private final AlarmFigures alarms;

	private final DemandFigures demands;

	private final CircleFigures circle;

	private final ConsultationInvitations consultations;

	/**
	 * The sign-in page; {@code paused} is set by the accounts module when sign-in from this device or network is
	 * paused, and only a plain number of minutes is shown.
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String paused, Model model) {
		if (paused != null && paused.matches("[1-9][0-9]{0,3}")) {
			model.addAttribute("pausedMinutes", Integer.parseInt(paused));
		}
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		var actor = CurrentActor.require();
		model.addAttribute("jurisdiction", territories.lookup(actor.territoryId()).orElseThrow());
		model.addAttribute("overview", overview(actor));
		return "home";
	}

	/**
	 * The few numbers that need the account today, each only when the owning module's rule lets the account open the
	 * list it counts: open alarms, overdue demands, communities the 15-minute circle does not cover.
	 */
	private List<HomeFigure> overview(Actor actor) {
		List<HomeFigure> figures = new ArrayList<>();
		alarms.openAlarms(actor).ifPresent(n -> figures.add(new HomeFigure("alarms", n, "/alarms/desk")));
		demands.overdueDemands(actor).ifPresent(n -> figures.add(new HomeFigure("overdue", n, "/demands?overdue=true")));
		circle.uncoveredCommunities(actor).ifPresent(n -> figures.add(new HomeFigure("uncovered", n, "/circle/gaps")));
		consultations.unread(actor).ifPresent(n -> figures.add(new HomeFigure("consultations", n, "/consultation/mine")));
		return figures;
	}
}
