package org.jinlin.demands.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandMeasures;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the measures; definitions and rules in {@link DemandMeasures}. */
@RestController
@RequestMapping("/api/v1/demands")
@Tag(name = "Demand measures", description = "Response, on-time, resolution and satisfaction rates per territory unit")
@RequiredArgsConstructor
public class DemandMeasuresApi {

	private final DemandMeasures measures;

	@GetMapping("/measures")
	@Operation(summary = "Measures of a unit (default: the caller's own) per child unit, plus a total, for demands raised "
			+ "from..to (ISO dates, inclusive; default the last 30 days)")
	DemandMeasures.Report measures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) String unit) {
		return measures.report(query(from, to, category, unit));
	}

	@GetMapping("/overdue")
	@Operation(summary = "Open demands past their sign-for or handling deadline in a unit, longest overdue first")
	List<DemandMeasures.OverdueDemand> overdue(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "50") int limit) {
		return measures.overdue(query(from, to, category, unit), limit);
	}

	static DemandMeasures.Query query(LocalDate from, LocalDate to, String category, String unit) {
		DemandMeasures.Query d = DemandMeasures.lastThirtyDays(category, unit);
		return new DemandMeasures.Query(from == null ? d.from() : from, to == null ? d.to() : to, category, unit);
	}
}
