package org.jinlin.meals.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.DinerQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The meals page for canteen staff and community workers: the diners they may see and today's sales. */
@Controller
@RequiredArgsConstructor
class MealsPages {

	private final DinerQueries queries;

	@GetMapping("/meals")
	String meals(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("diners", queries.diners(page, 20));
		model.addAttribute("sales", queries.salesToday());
		return "meals/index";
	}
}
