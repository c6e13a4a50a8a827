package org.jinlin.meals.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.ProductionSheet;
import org.jinlin.meals.internal.ProductionSheets;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A kitchen's production sheet: the printable page, its Excel download and the JSON. */
@Controller
@Tag(name = "Meals", description = "Meal assistance: kitchen production")
@RequiredArgsConstructor
class ProductionWeb {

	private final ProductionSheets sheets;

	private final FieldErrors fieldErrors;

	@GetMapping("/meals/places/{id:\\d+}/production")
	String page(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		model.addAttribute("sheet", sheets.sheet(id, date));
		return "meals/production";
	}

	@GetMapping("/meals/places/{id:\\d+}/production.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) throws IOException {
		ProductionSheet sheet = sheets.sheet(id, date);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String delivery = fieldErrors.message("meals.production.delivery");
		XlsxExport.write(out, fieldErrors.message("meals.production.title"),
				List.of(fieldErrors.message("meals.orders.meal"), fieldErrors.message("meals.page.items"),
						fieldErrors.message("meals.page.diets"), fieldErrors.message("meals.production.destination"),
						fieldErrors.message("meals.production.count"), fieldErrors.message("meals.order.late")),
				sheet.lines().stream().map(l -> List.<Object>of(fieldErrors.message("meals.meal." + l.meal()), l.item(),
						String.join("、", l.diets().stream().map(c -> fieldErrors.message("meals.diet." + c)).toList()),
						l.delivery() ? delivery : l.destination(), l.count(), l.late())));
		return SpreadsheetDownloads.xlsx(out.toByteArray(), "production-" + id + "-" + sheet.day() + ".xlsx");
	}

	@GetMapping("/api/v1/meals/places/{id}/production")
	@ResponseBody
	@Operation(summary = "A kitchen's or canteen's production sheet for a day (default tomorrow)",
			description = "Lines per dish, diet variant and destination (delivery: home delivery), with the count and "
					+ "how many were changed after the cut-off; totals per dish and diet variant. Its staff and operators.")
	ProductionSheet api(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return sheets.sheet(id, date);
	}
}
