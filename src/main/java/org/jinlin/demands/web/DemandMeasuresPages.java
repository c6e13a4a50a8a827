package org.jinlin.demands.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandMeasures;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measures page (staff): period presets, category, drill-down through the units of the jurisdiction,
 * the table, a chart (ECharts, from the data attribute the page carries; no inline script), the overdue
 * list and the Excel export.
 */
@Controller
@RequiredArgsConstructor
public class DemandMeasuresPages {

	static final int OVERDUE_ON_PAGE = 50;

	/** Period presets of the page. */
	enum Preset {
		MONTH, DAYS30, YEAR, CUSTOM;

		/** The preset asked for; without one, dates given make the period custom (as the API reads them). */
		static Preset parse(String s, LocalDate from, LocalDate to) {
			return (s == null || s.isBlank()) && (from != null || to != null) ? CUSTOM : parse(s);
		}

		static Preset parse(String s) {
			if (s == null || s.isBlank()) {
				return DAYS30;
			}
			try {
				return valueOf(s.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				return DAYS30;
			}
		}
	}

	/** The page's filters as submitted (dates as given, so a wrong entry is shown back). */
	record Filters(String preset, LocalDate from, LocalDate to, String category, String unit) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DemandMeasures measures;

	private final DemandCategories categories;

	private final MessageSource messages;

	@GetMapping("/demands/measures")
	String page(@RequestParam(required = false) String preset,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) String unit, Model model) {
		Preset p = Preset.parse(preset, from, to);
		DemandMeasures.Query q = query(p, from, to, category, unit);
		model.addAttribute("filters", new Filters(p.name(), q.from(), q.to(), q.category(), q.unit()));
		model.addAttribute("presets", Preset.values());
		model.addAttribute("categories", categories.all());
		model.addAttribute("zone", DemandMeasures.ZONE);
		try {
			DemandMeasures.Report report = measures.report(q);
			model.addAttribute("report", report);
			model.addAttribute("overdue", measures.overdue(q, OVERDUE_ON_PAGE));
			model.addAttribute("chartJson", chart(report));
		}
		catch (ValidationFailedException e) {
			Map<String, String> fieldErrors = new LinkedHashMap<>();
			e.errors().forEach(m -> fieldErrors.putIfAbsent(m.get("field"), m.get("message")));
			model.addAttribute("fieldErrors", fieldErrors);
		}
		return "demands/measures";
	}

	@GetMapping("/demands/measures.xlsx")
	void export(@RequestParam(required = false) String preset,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) String unit,
			HttpServletResponse response) throws IOException {
		DemandMeasures.Report report = measures.report(query(Preset.parse(preset, from, to), from, to, category, unit));
		String name = "demand-measures-" + report.unit().code() + "-" + report.from() + "-" + report.to() + ".xlsx";
		SpreadsheetDownloads.xlsx(response, name, out -> {
			try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, msg("demands.measures.title"), headers())) {
				for (DemandMeasures.Row row : report.rows()) {
					sheet.row(cells(row, row.unit() == null ? msg("demands.measures.unplaced") : row.unit().name()));
				}
				sheet.row(cells(report.total(), msg("demands.measures.total") + " · " + report.unit().name()));
			}
		});
	}

	static DemandMeasures.Query query(Preset preset, LocalDate from, LocalDate to, String category, String unit) {
		LocalDate today = LocalDate.now(DemandMeasures.ZONE);
		String c = category == null || category.isBlank() ? null : category.strip();
		String u = unit == null || unit.isBlank() ? null : unit.strip();
		return switch (preset) {
			case MONTH -> new DemandMeasures.Query(today.withDayOfMonth(1), today, c, u);
			case YEAR -> new DemandMeasures.Query(today.withDayOfYear(1), today, c, u);
			case CUSTOM -> new DemandMeasures.Query(from, to, c, u);
			case DAYS30 -> DemandMeasures.lastThirtyDays(c, u);
		};
	}

	static final String[] HEADERS = { "demands.measures.col.unit", "demands.measures.col.raised",
			"demands.measures.col.dispatched", "demands.measures.col.signed", "demands.measures.col.responseRate",
			"demands.measures.col.signedOnTime", "demands.measures.col.onTimeSignRate", "demands.measures.col.resolved",
			"demands.measures.col.resolvedOnTime", "demands.measures.col.onTimeClosingRate",
			"demands.measures.col.resolvedWithOutcome", "demands.measures.col.resolutionRate", "demands.measures.col.rated",
			"demands.measures.col.satisfied", "demands.measures.col.satisfactionRate", "demands.measures.col.handlingHours",
			"demands.measures.col.reworks", "demands.measures.col.open", "demands.measures.col.overdue" };

	private List<String> headers() {
		List<String> h = new ArrayList<>();
		for (String key : HEADERS) {
			h.add(msg(key));
		}
		return h;
	}

	private static List<Object> cells(DemandMeasures.Row r, String name) {
		List<Object> c = new ArrayList<>();
		c.add(name);
		c.add(r.raised());
		c.add(r.dispatched());
		c.add(r.signed());
		c.add(r.responseRate());
		c.add(r.signedOnTime());
		c.add(r.onTimeSignRate());
		c.add(r.resolved());
		c.add(r.resolvedOnTime());
		c.add(r.onTimeClosingRate());
		c.add(r.resolvedWithOutcome());
		c.add(r.resolutionRate());
		c.add(r.rated());
		c.add(r.satisfied());
		c.add(r.satisfactionRate());
		c.add(r.averageHandlingHours());
		c.add(r.reworks());
		c.add(r.open());
		c.add(r.overdue());
		return c;
	}

	/** What the chart draws, as JSON for the page's data attribute: unit names, raised counts and three rates. */
	private String chart(DemandMeasures.Report report) {
		List<DemandMeasures.Row> rows = report.rows().isEmpty() ? List.of(report.total()) : report.rows();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("units", rows.stream()
			.map(r -> r.unit() == null ? (report.rows().isEmpty() ? report.unit().name() : msg("demands.measures.unplaced"))
					: r.unit().name())
			.toList());
		data.put("raised", rows.stream().map(DemandMeasures.Row::raised).toList());
		data.put("onTimeClosingRate", rows.stream().map(DemandMeasures.Row::onTimeClosingRate).toList());
		data.put("satisfactionRate", rows.stream().map(DemandMeasures.Row::satisfactionRate).toList());
		data.put("responseRate", rows.stream().map(DemandMeasures.Row::responseRate).toList());
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : List.of("raised", "onTimeClosingRate", "satisfactionRate", "responseRate")) {
			labels.put(key, msg("demands.measures.col." + key));
		}
		labels.put("percent", msg("demands.measures.chart.percent"));
		labels.put("count", msg("demands.measures.chart.count"));
		data.put("labels", labels);
		return JSON.writeValueAsString(data);
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
