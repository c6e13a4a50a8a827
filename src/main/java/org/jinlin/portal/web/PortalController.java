package org.jinlin.portal.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.territory.Territories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@RequiredArgsConstructor
class PortalController {

	private final Territories territories;

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Model model) {
		var actor = CurrentActor.require();
		model.addAttribute("jurisdiction", territories.lookup(actor.territoryId()).orElseThrow());
		return "home";
	}
}
