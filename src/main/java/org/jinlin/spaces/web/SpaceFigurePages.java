package org.jinlin.spaces.web;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.spaces.SpaceFigure;
import org.jinlin.spaces.SpaceIndicator;
import org.jinlin.spaces.SpaceIndicators;
import org.jinlin.spaces.internal.SpaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff's utilisation figures of the spaces: per community and per space, each figure a link to the bookings it
 * counts, with a chart of each space's utilisation and check-in rate (the tables carry every figure without it).
 */
@Controller
@RequiredArgsConstructor
class SpaceFigurePages {

	private final SpaceIndicators indicators;

	private final JsonMapper json = JsonMapper.builder().build();

	@GetMapping("/spaces/figures")
	String figures(@RequestParam(required = false) String territory, Model model) {
		SpaceIndicators.Report report = indicators.report(territory);
		model.addAttribute("report", report);
		model.addAttribute("indicators", SpaceIndicator.values());
		model.addAttribute("chart", json.writeValueAsString(report.spaces().stream()
			.map(l -> Map.of("name", l.name(), "utilisation", value(l.figures(), SpaceIndicator.UTILISATION),
					"checkIn", value(l.figures(), SpaceIndicator.CHECK_IN_RATE)))
			.toList()));
		return "spaces/figures";
	}

	@GetMapping("/spaces/figures/{figure}")
	String records(@PathVariable String figure, @RequestParam(required = false) String territory,
			@RequestParam(required = false) Long space, @RequestParam(defaultValue = "0") int page, Model model) {
		SpaceAccess.runner();
		SpaceIndicator indicator = SpaceIndicator.ofSlug(figure)
			.orElseThrow(() -> new NotFoundException("No figure " + figure));
		model.addAttribute("indicator", indicator);
		model.addAttribute("figure", indicators.figure(indicator, territory, space));
		model.addAttribute("records", indicators.records(indicator, territory, space, Math.max(page, 0), 50));
		model.addAttribute("territory", territory);
		model.addAttribute("space", space);
		return "spaces/figure-records";
	}

	private static double value(List<SpaceFigure> figures, SpaceIndicator indicator) {
		return figures.stream().filter(f -> f.indicator() == indicator && f.hasData()).mapToDouble(SpaceFigure::value)
			.findFirst().orElse(0);
	}
}
