package org.jinlin.circle;

import java.util.OptionalLong;

import org.jinlin.shared.Actor;

/** The circle's figures other modules show (the officials' home page), by the circle's own permission rule. */
public interface CircleFigures {

	/**
	 * Communities of the actor's jurisdiction not covered by the latest coverage run, as {@code /circle/gaps} lists
	 * them; empty when the actor may not read the circle or no run has finished.
	 */
	OptionalLong uncoveredCommunities(Actor actor);
}
