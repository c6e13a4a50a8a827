package org.jinlin.portal.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.portal.internal.PortalAccess;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.Navigation;
import org.jinlin.shared.JurisdictionFocus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What the navigation bar needs on every page: the modules' menu items, whether to offer the jurisdiction picker, and the focus. */
@ControllerAdvice
@RequiredArgsConstructor
class NavigationAdvice {

	private final Navigation navigation;

	@ModelAttribute
	void navigation(Model model) {
		boolean mayPick = CurrentActor.findUnfocused().map(PortalAccess::pickJurisdiction).orElse(false);
		model.addAttribute("navItems", navigation.current());
		model.addAttribute("navMenu", navigation.currentMenu());
		model.addAttribute("pickJurisdiction", mayPick);
		if (mayPick) {
			JurisdictionFocus focus = JurisdictionPicker.activeFocus().orElse(null);
			model.addAttribute("jurisdictionFocus", focus);
		}
	}
}
