package org.jinlin.quality.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.QualityIndicators;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the indicators: each figure with the number of records it counts, and those records. */
@RestController
@RequestMapping("/api/v1/quality/indicators")
@Tag(name = "Quality", description = "Indicators computed from records, against targets, with their records")
@RequiredArgsConstructor
class QualityApi {

	private final QualityIndicators indicators;

	private final MessageSource messages;

	/** One indicator as the API gives it. */
	record IndicatorItem(String code, String name, @JsonInclude(JsonInclude.Include.ALWAYS) Double value, String unit,
			long count, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal target, String status, Double liveValue,
			Long liveCount) {
	}

	@GetMapping
	@Operation(summary = "The indicators of a territory for a month",
			description = """
					territory: a territory code inside the caller's jurisdiction (default: the caller's own); period: \
					yyyy-MM (default: this month; demands raised in it). count is the number of records the value is \
					computed from, as /{code}/records lists them. value is null when nothing was counted (status NO_DATA) \
					or the platform does not compute the indicator yet (NOT_COMPUTED); never 0 or 100 for nothing. \
					status: MET, NOT_MET, NO_TARGET, NO_DATA, NOT_COMPUTED. The circle's coverage is that of the latest \
					coverage run, whatever the period. A closed month's figures are frozen the first time they are \
					reported and reported frozen from then on; when the records no longer give the frozen figure, \
					liveValue and liveCount give what they give now (the records endpoint lists the live records).""")
	Paged<IndicatorItem> indicators(@RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period) {
		List<IndicatorItem> items = indicators.figures(territory, period).stream()
			.map(f -> new IndicatorItem(f.definition().code(),
					messages.getMessage("quality.indicator." + f.definition().code() + ".name", null,
							LocaleContextHolder.getLocale()),
					f.value(), messages.getMessage("quality.unit." + f.definition().unit(), null,
							LocaleContextHolder.getLocale()),
					f.count(), f.target(), f.status().name(), f.liveValue(), f.liveCount()))
			.toList();
		return new Paged<>(items, 0, items.size(), items.size());
	}

	@GetMapping("/{code}/records")
	@Operation(summary = "The records an indicator counts",
			description = "The records behind the figure of the same territory and period, oldest first, each with met "
					+ "(whether it meets the indicator) and href (its page); total equals the figure's count.")
	Paged<CountedRecord> records(@PathVariable String code, @RequestParam(required = false) String territory,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth period,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return indicators.records(code, territory, period, page, size);
	}

	/** An indicator's trend as the API gives it. */
	record TrendItem(String code, String name, String territory, String unit,
			@JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal target, List<QualityIndicators.TrendPoint> points,
			org.jinlin.quality.internal.Forecast.Result forecast) {
	}

	@GetMapping("/{code}/trend")
	@Operation(summary = "An indicator's last months at a territory, with the target and a plain forecast",
			description = """
					territory: a territory code inside the caller's jurisdiction (default: the caller's own); months: 1 to 					36 (default 12), this month included. Each point: period, value (null when nothing was counted), 					count, the target standing then and frozen (the closed month's frozen figure; otherwise live — 					asking freezes nothing). For indicators of today's state (circle, elder register, facilities, party 					branches) a past month never frozen has no value. forecast: the least-squares line of the values 					carried to December of this year against this year's target: outcome MET, NOT_MET, NO_TARGET or 					NOT_ENOUGH_DATA (fewer than 3 months with a value), projected, slopePerMonth.""")
	TrendItem trend(@PathVariable String code, @RequestParam(required = false) String territory,
			@RequestParam(required = false) Integer months) {
		QualityIndicators.Trend t = indicators.trend(code, territory, months);
		return new TrendItem(t.definition().code(),
				messages.getMessage("quality.indicator." + t.definition().code() + ".name", null,
						LocaleContextHolder.getLocale()),
				t.node().code(), t.definition().unit().name(), t.target(), t.points(), t.forecast());
	}
}
