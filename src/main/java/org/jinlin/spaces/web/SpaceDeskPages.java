package org.jinlin.spaces.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.spaces.internal.BookingCheckIn;
import org.jinlin.spaces.internal.BookingDesk;
import org.jinlin.spaces.internal.SpaceDesk;
import org.jinlin.spaces.internal.SpaceTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff's desk of a community's spaces: bookings to approve and check in, utilisation with its records. */
@Controller
@RequiredArgsConstructor
class SpaceDeskPages {

	private final SpaceDesk desk;

	private final BookingDesk bookings;

	private final BookingCheckIn checkIn;

	@GetMapping("/spaces/desk")
	String desk(@RequestParam(required = false) String community, Model model) {
		model.addAttribute("community", desk.community(community));
		model.addAttribute("bookings", desk.upcoming(community));
		model.addAttribute("figures", desk.utilisation(community));
		model.addAttribute("zone", SpaceTime.ZONE);
		return "spaces/desk";
	}

	@PostMapping("/spaces/desk/{id:\\d+}/{action:approve|reject|check-in}")
	String act(@PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String community, RedirectAttributes flash) {
		try {
			switch (action) {
				case "approve" -> bookings.approve(id);
				case "reject" -> bookings.reject(id);
				default -> checkIn.byStaff(id);
			}
			flash.addFlashAttribute("notice", "spaces.desk.done");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		if (community != null && !community.isBlank()) {
			flash.addAttribute("community", community);
		}
		return "redirect:/spaces/desk";
	}
}
