package org.jinlin.quality.web;

import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.IndicatorCatalogue;
import org.jinlin.quality.internal.QualityIndicators;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The cockpit: the indicators of a territory and month, each count a link to the records it counts. */
@Controller
@RequiredArgsConstructor
class QualityPages {

	private final QualityIndicators indicators;

	private final Territories territories;

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
}
