package org.jinlin.portal.web;

import lombok.RequiredArgsConstructor;
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
		return "home";
	}
}
