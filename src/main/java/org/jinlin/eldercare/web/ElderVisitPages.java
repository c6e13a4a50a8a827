package org.jinlin.eldercare.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.internal.ElderBirthdays;
import org.jinlin.eldercare.internal.ElderVisits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The visits page: overdue visits and upcoming birthdays. */
@Controller
@RequiredArgsConstructor
class ElderVisitPages {

	private final ElderVisits visits;

	private final ElderBirthdays birthdays;

	@GetMapping("/eldercare/visits")
	String visits(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "7") int days,
			Model model) {
		int d = days == 30 ? 30 : 7;
		model.addAttribute("overdue", visits.overdueVisits(mine));
		model.addAttribute("birthdays", birthdays.upcomingBirthdays(d));
		model.addAttribute("mine", mine);
		model.addAttribute("days", d);
		return "eldercare/visits";
	}
}
