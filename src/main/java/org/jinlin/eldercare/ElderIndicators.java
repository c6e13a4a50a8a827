package org.jinlin.eldercare;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.internal.ElderRepository;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elderly-care indicators for other modules (the quality cockpit): for a territory inside the current staff
 * member's jurisdiction, the {@link Tally} of an {@link ElderIndicator} today and the elders it counts (names masked),
 * whose total is the tally's {@code counted}. Staff only (403 otherwise); a territory outside the jurisdiction is not
 * found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderIndicators {

	private final ElderRepository repository;

	private final Territories territories;

	/** The indicator's tally today for the territory (the account's own node when {@code null}). */
	public Tally tally(ElderIndicator indicator, String territoryCode) {
		List<ElderRepository.IndicatorRow> rows = rows(indicator, territoryCode);
		LocalDate today = CareRules.today();
		return new Tally(rows.stream().filter(r -> meets(indicator, r, today)).count(), rows.size());
	}

	/** The elders the tally counts, by name, each marked whether she meets the indicator. */
	public Paged<CountedRecord> records(ElderIndicator indicator, String territoryCode, int page, int size) {
		List<ElderRepository.IndicatorRow> rows = rows(indicator, territoryCode);
		LocalDate today = CareRules.today();
		Map<Long, String> places = new HashMap<>();
		List<CountedRecord> items = rows.stream()
			.skip((long) page * size)
			.limit(size)
			.map(r -> new CountedRecord(r.id(), Masking.name(r.name()),
					places.computeIfAbsent(r.communityId(), id -> territories.lookup(id).map(TerritoryNode::name).orElse(null)),
					null, meets(indicator, r, today), "/eldercare/elders/" + r.id()))
			.toList();
		return new Paged<>(items, page, size, rows.size());
	}

	/**
	 * Unscoped, read-only: the resident ids of the elders under the territory path who had a visit on the days from
	 * {@code from} to {@code to} (inclusive, the city's calendar) — a survey's population. The calling module checks the
	 * caller's jurisdiction over the path and never shows the ids.
	 */
	public List<Long> lookupResidentsVisited(String territoryPath, LocalDate from, LocalDate to) {
		return repository.residentsVisitedBetween(territoryPath, from.atStartOfDay(CareRules.ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(CareRules.ZONE).toInstant());
	}

	private List<ElderRepository.IndicatorRow> rows(ElderIndicator indicator, String territoryCode) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() || actor.isApiKey()) {
			throw new ForbiddenException("Only staff see the register's figures");
		}
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory " + territoryCode));
		return repository.indicatorRows(node.path() + "%")
			.stream()
			.filter(r -> indicator != ElderIndicator.VISITS_ON_TIME || r.nextVisitDue() != null)
			.toList();
	}

	private static boolean meets(ElderIndicator indicator, ElderRepository.IndicatorRow r, LocalDate today) {
		return switch (indicator) {
			case ASSESSED_IN_TIME -> r.lastAssessedOn() != null
					&& (r.reassessmentDue() == null || !r.reassessmentDue().isBefore(today));
			case VISITS_ON_TIME -> r.nextVisitDue() != null && !r.nextVisitDue().isBefore(today);
		};
	}
}
