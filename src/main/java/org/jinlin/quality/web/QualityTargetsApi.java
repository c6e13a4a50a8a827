package org.jinlin.quality.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.QualityTargets;
import org.jinlin.quality.internal.TargetRepository;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the targets. */
@RestController
@RequestMapping("/api/v1/quality/targets")
@Tag(name = "Quality", description = "Indicators computed from records, against targets, with their records")
@RequiredArgsConstructor
class QualityTargetsApi {

	private final QualityTargets targets;

	@GetMapping
	@Operation(summary = "The targets standing at a territory",
			description = "Those set at the territory (default: the caller's own), at the territories above it, and the "
					+ "platform-wide plan (territoryCode absent). A target set for a year stands for the following years "
					+ "until another is set.")
	Paged<TargetRepository.TargetRow> standing(@RequestParam(required = false) String territory) {
		List<TargetRepository.TargetRow> rows = targets.standingAt(territory);
		return new Paged<>(rows, 0, rows.size(), rows.size());
	}

	@PutMapping
	@Operation(summary = "Set the target of an indicator for a territory and year (street officials and above)",
			description = "{indicator, territory (blank: the platform-wide plan, city only), year, value, note}. value in "
					+ "the indicator's unit (percent: 0 to 100, two decimals at most). 400 with field errors, 404 for a "
					+ "territory outside the jurisdiction.")
	TargetRepository.TargetRow set(@RequestBody QualityTargets.SetTarget body) {
		return targets.set(body);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a target (the one above applies again)")
	void remove(@RequestParam String indicator, @RequestParam(required = false) String territory,
			@RequestParam int year) {
		targets.remove(indicator, territory, year);
	}
}
