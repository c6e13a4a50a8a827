package org.jinlin.circle.web;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleFigures;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
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

	@Override
	public Optional<Tally> urbanCoverage(Actor actor, String territoryPath) {
		return urban(actor, territoryPath)
			.map(u -> new Tally(u.rows().stream().filter(CircleViews.CommunityRow::covered).count(), u.rows().size()));
	}

	@Override
	public Optional<Paged<CountedRecord>> urbanCommunities(Actor actor, String territoryPath, int page, int size) {
		return urban(actor, territoryPath).map(u -> {
			List<CountedRecord> items = u.rows().stream()
				.skip((long) page * size)
				.limit(size)
				.map(r -> new CountedRecord(r.communityId(), r.name(), r.code(), u.run().finishedAt() == null ? null : u.run().finishedAt().toInstant(), r.covered(),
						"/circle/communities/" + r.code()))
				.toList();
			return new Paged<>(items, page, size, u.rows().size());
		});
	}

	private record Urban(RunView run, List<CircleViews.CommunityRow> rows) {
	}

	private Optional<Urban> urban(Actor actor, String territoryPath) {
		if (!CircleAccess.canRead(actor) || actor.isApiKey()) {
			return Optional.empty();
		}
		return runs.latest()
			.map(run -> new Urban(run, results.communities(run.id(), territoryPath, actor.jurisdiction().likePattern())
				.stream()
				.filter(r -> !r.rural())
				.toList()));
	}
}
