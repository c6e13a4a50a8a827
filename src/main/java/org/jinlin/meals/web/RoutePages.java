package org.jinlin.meals.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.RouteQueries;
import org.jinlin.meals.internal.RouteView;
import org.jinlin.meals.internal.StopMarking;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The courier's route on a phone (stops in order, a button per outcome) and as a printable PDF route sheet. */
@Controller
@RequiredArgsConstructor
class RoutePages {

	private final RouteQueries routes;

	private final StopMarking marking;

	private final RouteSheetPdf pdf;

	@GetMapping("/meals/routes/{routeId}")
	String route(@PathVariable long routeId, Model model) {
		model.addAttribute("route", routes.route(routeId));
		return "meals/route";
	}

	@PostMapping("/meals/routes/{routeId}/stops/{seq}")
	String mark(@PathVariable long routeId, @PathVariable int seq, @RequestParam(required = false) String outcome) {
		marking.mark(routeId, seq, outcome);
		return "redirect:/meals/routes/" + routeId + "#stop-" + seq;
	}

	@GetMapping("/meals/routes/{routeId}/pdf")
	void sheet(@PathVariable long routeId, HttpServletResponse response) throws IOException {
		RouteView route = routes.route(routeId);
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("route-" + route.day() + "-" + route.courierNo() + ".pdf", StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		pdf.write(route, response.getOutputStream());
		response.flushBuffer();
	}
}
