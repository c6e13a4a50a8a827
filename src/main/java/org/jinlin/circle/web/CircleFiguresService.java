package org.jinlin.circle.web;

import java.util.OptionalLong;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleFigures;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.shared.Actor;
import org.springframework.stereotype.Service;

/** {@link CircleFigures} from the latest run's stored community results, counted as the gaps page lists them. */
@Service
@RequiredArgsConstructor
class CircleFiguresService implements CircleFigures {

	private final CoverageRuns runs;

	private final CircleResultRepository results;

	@Override
	public OptionalLong uncoveredCommunities(Actor actor) {
		if (!CircleAccess.canRead(actor) || actor.isApiKey()) {
			return OptionalLong.empty();
		}
		return runs.latest()
			.map(run -> OptionalLong.of(results.communities(run.id(), actor.territoryPath(), actor.jurisdiction().likePattern())
				.stream()
				.filter(r -> !r.covered())
				.count()))
			.orElse(OptionalLong.empty());
	}
}
