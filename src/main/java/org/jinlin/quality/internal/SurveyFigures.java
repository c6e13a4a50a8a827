package org.jinlin.quality.internal;

import java.time.YearMonth;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyRepository.IndexTally;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's survey indicator {@code survey.satisfaction-index} for a territory and month: the mean of the
 * weighted scores (0–100) of the responses to the surveys of the territory's subtree whose period ends in the month.
 * For one survey it is that survey's overall index (every scored item is answered, so the mean of the responses'
 * weighted scores is the weighted mean of the items' means). Its records are those responses, anonymous, each linking
 * to its survey's answers. The caller ({@link QualityIndicators}) has checked the account and the territory.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SurveyFigures {

	private final SurveyRepository repository;

	public IndexTally tally(TerritoryNode node, YearMonth month) {
		IndexTally t = repository.indexTally(node.path(), month.atDay(1), month.atEndOfMonth());
		return new IndexTally(t.responses(), t.meanScore() == null ? null : SurveyRules.round1(t.meanScore()));
	}

	public Paged<CountedRecord> records(TerritoryNode node, YearMonth month, int page, int size) {
		if (page < 0 || size < 1) {
			return new Paged<>(List.of(), page, size, tally(node, month).responses());
		}
		IndexTally t = repository.indexTally(node.path(), month.atDay(1), month.atEndOfMonth());
		List<CountedRecord> items = repository
			.indexRecords(node.path(), month.atDay(1), month.atEndOfMonth(), (long) page * size, Math.min(size, 1000)).stream()
			.map(r -> new CountedRecord(r.responseId(), r.title(), r.territoryName(),
					r.answeredOn().atStartOfDay(QualityIndicators.ZONE).toInstant(), true,
					"/quality/surveys/" + r.surveyId() + "/answers#response-" + r.responseId()))
			.toList();
		return new Paged<>(items, page, size, t.responses());
	}
}
