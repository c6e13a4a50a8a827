package org.jinlin.consultation.internal;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of consultation in the caller's jurisdiction (or a resident's community): topics by source and
 * status, quorum failures, the days from topic to published result, and residents' satisfaction with results. Each
 * figure names the list of topics it counts (the {@code /consultation/topics} filters).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ConsultationFigures {

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	public record Figures(Map<TopicSource, Map<TopicStatus, Long>> bySourceAndStatus, long quorumFailures,
			long topicsWithQuorumFailures, long completed, Double averageDaysToResult, Long longestDaysToResult,
			Map<FollowUpRating, Long> satisfaction) {
	}

	public Figures figures() {
		Actor actor = ConsultationAccess.reader();
		return of(scope.pathOf(actor));
	}

	/** The figures page: a territory inside a staff member's jurisdiction (her own node when null), with its node. */
	public record Report(org.jinlin.territory.TerritoryNode node, Figures figures) {
	}

	public Report report(String territoryCode) {
		Actor actor = ConsultationAccess.figureReader();
		org.jinlin.territory.TerritoryNode node = scope.node(actor, territoryCode);
		return new Report(node, of(node.path()));
	}

	private Figures of(String path) {
		long[] failures = repository.quorumFailures(path);
		List<Long> seconds = repository.secondsToResult(path);
		Double average = seconds.isEmpty() ? null
				: Math.round(seconds.stream().mapToLong(Long::longValue).average().orElse(0) / 8640.0) / 10.0;
		Long longest = seconds.isEmpty() ? null : seconds.stream().mapToLong(Long::longValue).max().orElse(0) / 86400;
		return new Figures(repository.bySourceAndStatus(path), failures[0], failures[1], seconds.size(), average, longest,
				repository.ratingsUnder(path));
	}
}
