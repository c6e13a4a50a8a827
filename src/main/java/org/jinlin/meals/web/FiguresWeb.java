package org.jinlin.meals.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealFigure;
import org.jinlin.meals.MealIndicator;
import org.jinlin.meals.internal.MealFigures;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meal figures of a jurisdiction: the API {@code /api/v1/meals/figures} (and each figure's records), the page
 * {@code /meals/figures} with its charts, each figure's drill-down page and the Excel export of the tables.
 */
@Controller
@Tag(name = "Meals", description = "Meal assistance: diners and counter sales with live subsidies")
@RequiredArgsConstructor
class FiguresWeb {

	private final MealFigures figures;

	private final FieldErrors fieldErrors;

	private final JsonMapper json = JsonMapper.builder().build();

	/** The figures of a territory, month and day, as the API answers them. */
	record FiguresView(String territory, String territoryName, String month, LocalDate day, List<MealFigure> figures,
			List<MealFigures.DayCount> days, List<MealFigures.Child> children) {

		static FiguresView of(MealFigures.Report r) {
			return new FiguresView(r.scope().node().code(), r.scope().node().name(), r.scope().month().toString(),
					r.scope().day(), r.figures(), r.days(), r.children());
		}
	}

	@GetMapping("/api/v1/meals/figures")
	@ResponseBody
	@Operation(summary = "The meal figures of a jurisdiction (the caller's own node, or territory inside it; staff only)",
			description = """
					month yyyy-MM (this month by default), day yyyy-MM-dd for the meals of a day (today, or the month's last \
					day). figures: CANTEENS, MEAL_POINTS, DINERS, MEALS_DAY, MEALS_MONTH, SUBSIDY_MONTH (yuan), \
					LIVING_ALONE_ENROLLED (percent of the elders living alone who are enrolled), MEALS_PER_THOUSAND_ELDERS, \
					each with value (left out when there is no data, never 0% for nothing), count (its records' total) and met; days: the \
					meals of each day of the month; children: the figures of each child territory. 404 outside the \
					jurisdiction, 400 for a month or day to come.""")
	FiguresView api(@RequestParam(required = false) String territory, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day) {
		return FiguresView.of(figures.report(figures.scope(territory, month, day)));
	}

	@GetMapping("/api/v1/meals/figures/{figure}/records")
	@ResponseBody
	@Operation(summary = "The records a meal figure counts (figure: canteens, meal-points, diners, meals-day, meals-month, "
			+ "subsidy-month, living-alone-enrolled, meals-per-thousand-elders)",
			description = "Paged {items, page, size, total}; total equals the figure's count. Names masked.")
	Paged<CountedRecord> records(@PathVariable String figure, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		MealFigures.Scope scope = figures.scope(territory, month, day);
		return figures.records(indicator(figure), scope, page, size);
	}

	@GetMapping("/meals/figures")
	String page(@RequestParam(required = false) String territory, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, Model model) {
		MealFigures.Report r = figures.report(figures.scope(territory, month, day));
		model.addAttribute("report", r);
		model.addAttribute("indicators", MealIndicator.values());
		model.addAttribute("dayChart", json.writeValueAsString(r.days()));
		model.addAttribute("childChart", json.writeValueAsString(r.children()));
		return "meals/figures";
	}

	@GetMapping("/meals/figures/{figure}")
	String drill(@PathVariable String figure, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			@RequestParam(defaultValue = "0") int page, Model model) {
		MealFigures.Scope scope = figures.scope(territory, month, day);
		MealIndicator indicator = indicator(figure);
		model.addAttribute("scope", scope);
		model.addAttribute("figure", figures.figure(indicator, scope));
		model.addAttribute("records", figures.records(indicator, scope, page, 50));
		return "meals/figure";
	}

	@GetMapping("/meals/figures.xlsx")
	void xlsx(@RequestParam(required = false) String territory, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, HttpServletResponse response) throws IOException {
		MealFigures.Report r = figures.report(figures.scope(territory, month, day));
		List<String> headers = List.of("code", "name", "canteens", "mealPoints", "diners", "meals", "subsidy",
				"livingAlone", "livingAloneEnrolled").stream().map(h -> fieldErrors.message("meals.figures.col." + h)).toList();
		List<List<?>> rows = new ArrayList<>();
		MealFigures.Scope s = r.scope();
		MealFigure alone = r.figure(MealIndicator.LIVING_ALONE_ENROLLED);
		MealFigure subsidy = r.figure(MealIndicator.SUBSIDY_MONTH);
		rows.add(List.of(s.node().code(), s.node().name(), count(r, MealIndicator.CANTEENS), count(r, MealIndicator.MEAL_POINTS),
				count(r, MealIndicator.DINERS), count(r, MealIndicator.MEALS_MONTH),
				subsidy.value() == null ? "" : subsidy.value(), alone.count(), alone.met()));
		r.children().forEach(c -> rows.add(List.of(c.code(), c.name(), c.canteens(), c.mealPoints(), c.diners(), c.meals(),
				c.subsidy(), c.livingAlone(), c.livingAloneEnrolled())));
		rows.add(List.of());
		rows.add(List.of(fieldErrors.message("meals.figures.col.day"), fieldErrors.message("meals.figures.col.meals")));
		r.days().forEach(d -> rows.add(List.of(d.day().toString(), d.meals())));
		SpreadsheetDownloads.xlsx(response, "meal-figures-" + s.node().code() + "-" + s.month() + ".xlsx",
				out -> XlsxExport.write(out, s.month().toString(), headers, rows.iterator()));
	}

	private static long count(MealFigures.Report r, MealIndicator indicator) {
		return r.figure(indicator).count();
	}

	private static MealIndicator indicator(String figure) {
		return MealIndicator.ofSlug(figure).orElseThrow(() -> new NotFoundException("No meal figure " + figure));
	}
}
