package org.jinlin.consultation;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ConsultationAccess;
import org.jinlin.consultation.internal.ConsultationIndicatorRepository;
import org.jinlin.consultation.internal.ConsultationScope;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consultation indicators for other modules (the quality cockpit): for a territory inside the current staff
 * member's jurisdiction, the {@link ConsultationFigure} of a {@link ConsultationIndicator} (the same sittings, topics
 * and ratings as the figures page, {@code /consultation/figures}) and the records it counts, whose total is the
 * figure's {@code count}. Staff only (403 otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ConsultationIndicators {

	private final ConsultationIndicatorRepository repository;

	private final ConsultationScope scope;

	/** The indicator's figure for the territory (the account's own node when {@code null}). */
	public ConsultationFigure figure(ConsultationIndicator indicator, String territoryCode) {
		List<CountedRecord> records = all(indicator, territoryCode);
		Tally tally = new Tally(records.stream().filter(CountedRecord::met).count(), records.size());
		return new ConsultationFigure(indicator, tally.percent(), tally.counted(), tally.met());
	}

	/** The records the figure counts (met: in the numerator), each linking to its topic. */
	public Paged<CountedRecord> records(ConsultationIndicator indicator, String territoryCode, int page, int size) {
		List<CountedRecord> records = all(indicator, territoryCode);
		int from = Math.max(0, page);
		int rows = Math.max(1, Math.min(size, 1000));
		return new Paged<>(records.stream().skip((long) from * rows).limit(rows).toList(), from, rows, records.size());
	}

	private List<CountedRecord> all(ConsultationIndicator indicator, String territoryCode) {
		Actor actor = ConsultationAccess.figureReader();
		TerritoryNode node = scope.node(actor, territoryCode);
		return switch (indicator) {
			case QUORUM_MET -> repository.sittings(node.path());
			case RESULTS_PUBLISHED -> repository.publishedDecisions(node.path());
			case SATISFACTION -> repository.ratings(node.path());
		};
	}
}
