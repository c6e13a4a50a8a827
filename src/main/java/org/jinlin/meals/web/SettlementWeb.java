package org.jinlin.meals.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.PlaceNames;
import org.jinlin.meals.internal.Settlements;
import org.jinlin.meals.internal.Statement;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly settlement: the statement page {@code /meals/settlements} (the canteen submits, the street approves),
 * its Excel export, and the API {@code /api/v1/meals/settlements}.
 */
@Controller
@RequiredArgsConstructor
class SettlementWeb {

	private final Settlements settlements;

	private final FieldErrors fieldErrors;

	private final PlaceNames placeNames;

	@GetMapping("/api/v1/meals/settlements")
	@ResponseBody
	@Operation(summary = "A canteen's monthly statement (place: an operator's own by default; month yyyy-MM, last month by default)",
			description = "Meals served, price, subsidy by funding source and tier, amounts paid by the elders; status OPEN, "
					+ "SUBMITTED or APPROVED (closed: the totals approved).")
	Statement statement(@RequestParam(required = false) Long place, @RequestParam(required = false) String month) {
		return settlements.statement(place, month);
	}

	@PostMapping("/api/v1/meals/settlements/submission")
	@ResponseBody
	@Operation(summary = "The canteen submits a month that is over (409 if not over or already approved)")
	Statement submit(@RequestParam(required = false) Long place, @RequestParam(required = false) String month) {
		return settlements.submit(place, month);
	}

	@PostMapping("/api/v1/meals/settlements/approval")
	@ResponseBody
	@Operation(summary = "The street approves a submitted month: it is closed (409 if not submitted or already approved)")
	Statement approve(@RequestParam(required = false) Long place, @RequestParam(required = false) String month) {
		return settlements.approve(place, month);
	}

	@GetMapping("/meals/settlements")
	String page(@RequestParam(required = false) Long place, @RequestParam(required = false) String month, Model model) {
		model.addAttribute("place", place);
		model.addAttribute("month", month);
		model.addAttribute("errors", java.util.Map.of());
		try {
			Statement s = settlements.statement(place, month);
			model.addAttribute("statement", s);
			model.addAttribute("placeName", placeNames.of(s.placeId()));
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
		}
		return "meals/settlement";
	}

	@PostMapping("/meals/settlements/submission")
	String submitPage(@RequestParam(required = false) Long place, @RequestParam(required = false) String month,
			RedirectAttributes flash) {
		return act(flash, "meals.settlement.submitted", () -> settlements.submit(place, month), place, month);
	}

	@PostMapping("/meals/settlements/approval")
	String approvePage(@RequestParam(required = false) Long place, @RequestParam(required = false) String month,
			RedirectAttributes flash) {
		return act(flash, "meals.settlement.approvedNotice", () -> settlements.approve(place, month), place, month);
	}

	@GetMapping("/meals/settlements.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long place, @RequestParam(required = false) String month)
			throws IOException {
		Statement s = settlements.statement(place, month);
		List<List<?>> rows = new ArrayList<>();
		rows.add(List.of(fieldErrors.message("meals.settlement.total"), s.meals(), s.price(), s.subsidy(), s.paid()));
		s.tiers().forEach(t -> rows.add(List.of(fieldErrors.message("meals.settlement.tier") + " " + tierName(t.tier()),
				t.meals(), "", t.subsidy(), t.paid())));
		s.sources().forEach(src -> rows.add(List.of(fieldErrors.message("meals.settlement.source") + " " + src.source(), "", "",
				src.amount(), "")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, s.month(),
				List.of(fieldErrors.message("meals.settlement.line"), fieldErrors.message("meals.settlement.meals"),
						fieldErrors.message("meals.page.price"), fieldErrors.message("meals.page.subsidy"),
						fieldErrors.message("meals.page.paid")),
				rows.iterator());
		return SpreadsheetDownloads.xlsx(out.toByteArray(), "settlement-" + s.placeId() + "-" + s.month() + ".xlsx");
	}

	private String tierName(String tier) {
		List<String> parts = new ArrayList<>();
		for (String p : tier.split("\\+")) {
			parts.add(fieldErrors.message("meals.tier." + p));
		}
		return String.join(" + ", parts);
	}

	private String act(RedirectAttributes flash, String notice, Runnable action, Long place, String month) {
		flash.addAttribute("place", place);
		flash.addAttribute("month", month);
		return MealsFlash.act(flash, notice, action, "/meals/settlements");
	}
}
