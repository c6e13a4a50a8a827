package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting targets: an official sets the target of an indicator for a territory of her jurisdiction and a year (it
 * stands for the following years until another is set, and for the territories below unless they set their own);
 * city officials also set the platform-wide plan. Values are checked against the indicator's unit.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class QualityTargets {

	private final TargetRepository repository;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	/** What to set; {@code territory} blank for the platform-wide plan. */
	public record SetTarget(String indicator, String territory, Integer year, BigDecimal value, String note) {
	}

	/** The targets set at a territory of the jurisdiction and the territories above it, and the plan's. */
	@Transactional(readOnly = true)
	public List<TargetRepository.TargetRow> standingAt(String territoryCode) {
		Actor actor = QualityAccess.requireReader();
		TerritoryNode node = node(actor, territoryCode);
		List<String> keys = new ArrayList<>(territories.lookupAll(node.ancestorIds()).stream().map(TerritoryNode::code).toList());
		keys.add("");
		return repository.setFor(keys);
	}

	public TargetRepository.TargetRow set(SetTarget t) {
		Actor actor = QualityAccess.requireTargetSetter();
		List<FieldError> problems = new ArrayList<>();
		IndicatorDefinition d = t.indicator() == null ? null : IndicatorCatalogue.find(t.indicator().strip()).orElse(null);
		if (d == null) {
			problems.add(new FieldError("indicator", "quality.target.indicator.unknown"));
		}
		int thisYear = YearMonth.now(QualityIndicators.ZONE).getYear();
		if (t.year() == null || t.year() < 2000 || t.year() > thisYear + 10) {
			problems.add(new FieldError("year", "quality.target.year.range", thisYear + 10));
		}
		if (t.value() == null || t.value().signum() < 0 || t.value().scale() > 2
				|| (d != null && d.unit() != IndicatorDefinition.Unit.PER_THOUSAND && t.value().compareTo(BigDecimal.valueOf(100)) > 0)
				|| t.value().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			problems.add(new FieldError("value", "quality.target.value.range"));
		}
		String note = t.note() == null || t.note().isBlank() ? null : t.note().strip();
		if (note != null && note.length() > 300) {
			problems.add(new FieldError("note", "quality.target.note.long"));
		}
		fieldErrors.failIfAny(problems);
		String key;
		if (t.territory() == null || t.territory().isBlank()) {
			if (!QualityAccess.canSetPlan(actor)) {
				throw new ForbiddenException("Only the city sets the platform-wide plan");
			}
			key = "";
		}
		else {
			key = node(actor, t.territory()).code();
		}
		repository.set(d.code(), key, t.year(), t.value(), note, actor.name());
		return repository.setFor(List.of(key)).stream()
			.filter(r -> r.indicatorCode().equals(d.code()) && r.year() == t.year())
			.findFirst()
			.orElseThrow();
	}

	public void remove(String indicator, String territory, int year) {
		Actor actor = QualityAccess.requireTargetSetter();
		String key;
		if (territory == null || territory.isBlank()) {
			if (!QualityAccess.canSetPlan(actor)) {
				throw new ForbiddenException("Only the city sets the platform-wide plan");
			}
			key = "";
		}
		else {
			key = node(actor, territory).code();
		}
		if (!repository.remove(indicator, key, year)) {
			throw new NotFoundException("No such target");
		}
	}

	private TerritoryNode node(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId()).orElseThrow();
		}
		return territories.lookupByCode(code.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory " + code));
	}
}
