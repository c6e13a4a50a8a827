package org.jinlin.quality.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;


import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.IndicatorCatalogue;
import org.jinlin.quality.internal.QualityIndicators;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The cockpit: the indicators of a territory and month, each count a link to the records it counts. */
@Controller
@RequiredArgsConstructor
class QualityPages {

	private final QualityIndicators indicators;

	private final Territories territories;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	@GetMapping("/quality")
	String cockpit(@RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
			@RequestParam(defaultValue = "circle.urban-coverage") String rank, Model model) {
		var ranked = IndicatorCatalogue.find(rank).filter(d -> d.computed())
			.orElseThrow(() -> new NotFoundException("No indicator " + rank));
		var cockpit = indicators.cockpit(territory, period, rank);
		model.addAttribute("rank", ranked);
		model.addAttribute("ranking", cockpit.ranking());
		model.addAttribute("rankable", IndicatorCatalogue.all().stream().filter(d -> d.computed()).toList());
		var actor = CurrentActor.require();
		model.addAttribute("figures", cockpit.figures());
		model.addAttribute("node", cockpit.node());
		model.addAttribute("period", cockpit.period());
		model.addAttribute("territoryOptions", territories.optionsUnder(actor.territoryPath()));
		var trend = indicators.trend(rank, cockpit.node().code(), 12);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", json.writeValueAsString(trend.points().stream()
			.map(p -> new ChartPoint(p.period().toString(), p.value(), p.target(), p.frozen())).toList()));
		return "quality/cockpit";
	}

	@GetMapping("/quality/indicators/{code}/records")
	String records(@PathVariable String code, @RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var drill = indicators.drill(code, territory, period, page, 50);
		model.addAttribute("definition", drill.figure().definition());
		model.addAttribute("records", drill.records());
		model.addAttribute("figure", drill.figure());
		model.addAttribute("node", drill.node());
		model.addAttribute("period", drill.period());
		return "quality/records";
	}

	/** One month of the trend chart. */
	record ChartPoint(String period, Double value, java.math.BigDecimal target, boolean frozen) {
	}

	/** The cockpit's table as a workbook: every indicator of the territory and month as reported. */
	@GetMapping("/quality/export.xlsx")
	void export(@RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
			HttpServletResponse response) throws IOException {
		var cockpit = indicators.cockpit(territory, period, null);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = header(locale, "code", "indicator", "value", "unit", "count", "met", "target", "status",
				"frozenAt", "liveValue", "liveCount");
		List<List<?>> rows = new ArrayList<>();
		for (var f : cockpit.figures()) {
			String code = f.definition().code();
			rows.add(Arrays.asList(code, messages.getMessage("quality.indicator." + code + ".name", null, locale), f.value(),
					messages.getMessage("quality.unit." + f.definition().unit(), null, locale), f.count(), f.met(),
					f.target(), messages.getMessage("quality.status." + f.status().name(), null, locale),
					f.frozenAt() == null ? null : f.frozenAt().atZone(QualityIndicators.ZONE).toLocalDate().toString(),
					f.liveValue(), f.liveCount()));
		}
		SpreadsheetDownloads.xlsx(response, "quality-" + cockpit.node().code() + "-" + cockpit.period() + ".xlsx",
				out -> XlsxExport.write(out, cockpit.node().name() + " " + cockpit.period(), headers, rows.iterator()));
	}

	/** Every record an indicator counts for the territory and month (all pages) as a workbook. */
	@GetMapping("/quality/indicators/{code}/records/export.xlsx")
	void exportRecords(@PathVariable String code, @RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
			HttpServletResponse response) throws IOException {
		int size = 1000;
		var first = indicators.drill(code, territory, period, 0, size);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = header(locale, "id", "record", "place", "at", "met");
		String yes = messages.getMessage("quality.records.met", null, locale);
		String no = messages.getMessage("quality.records.notMet", null, locale);
		List<List<?>> rows = new ArrayList<>();
		var page = first.records();
		for (int p = 1;; p++) {
			for (var r : page.items()) {
				rows.add(Arrays.asList(r.id(), r.label(), r.place(),
						r.at() == null ? null : r.at().atZone(QualityIndicators.ZONE).toLocalDateTime().toString(),
						r.met() ? yes : no));
			}
			if (page.items().isEmpty() || rows.size() >= page.total()) {
				break;
			}
			page = indicators.records(code, first.node().code(), first.period(), p, size);
		}
		SpreadsheetDownloads.xlsx(response, "quality-" + code + "-" + first.node().code() + "-" + first.period() + ".xlsx",
				out -> XlsxExport.write(out, messages.getMessage("quality.export.records.sheet", null, locale), headers,
						rows.iterator()));
	}

	private List<String> header(Locale locale, String... keys) {
		return Arrays.stream(keys).map(k -> messages.getMessage("quality.export.column." + k, null, locale)).toList();
	}
}
