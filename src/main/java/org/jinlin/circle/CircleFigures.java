package org.jinlin.circle;

import java.util.Optional;
import java.util.OptionalLong;

import org.jinlin.shared.Actor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;

/** The circle's figures other modules show (the officials' home page), by the circle's own permission rule. */
public interface CircleFigures {

	/**
	 * Communities of the actor's jurisdiction not covered by the latest coverage run, as {@code /circle/gaps} lists
	 * them; empty when the actor may not read the circle or no run has finished.
	 */
	OptionalLong uncoveredCommunities(Actor actor);

	/**
	 * The urban communities under a territory path, inside the actor's jurisdiction, that the latest coverage run
	 * counts as covered (every required category within the cutoff), of all of them, as the overview on
	 * {@code /circle} counts them; empty when the actor may not read the circle or no run has finished.
	 */
	Optional<Tally> urbanCoverage(Actor actor, String territoryPath);

	/** The communities {@link #urbanCoverage} counts, by code, each marked covered or not; empty as there. */
	Optional<Paged<CountedRecord>> urbanCommunities(Actor actor, String territoryPath, int page, int size);
}
