package org.jinlin.circle.coverage;

import java.util.List;

/**
 * "What if we open (move, close) a facility here?" answered at once from the last computation, without a full run:
 * the buildings and communities whose walk to the category would change, before and after. Staff only; the answer
 * lists only what lies in the caller's jurisdiction.
 */
public interface WhatIf {

	enum Action {
		ADD, MOVE, CLOSE
	}

	/** A building whose walk changes; seconds null when beyond the cutoff. */
	record BuildingChange(long buildingId, String name, long communityId, Integer secondsBefore, Integer secondsAfter,
			boolean coveredBefore, boolean coveredAfter) {
	}

	/** A community whose median walk, coverage or share of residents covered changes. */
	record CommunityChange(long communityId, String code, String name, Integer secondsBefore, Integer secondsAfter,
			boolean coveredBefore, boolean coveredAfter, double residentsCoveredShareBefore,
			double residentsCoveredShareAfter) {
	}

	/**
	 * The answer. {@code buildingsChanged} counts every building whose walk changes in the caller's jurisdiction
	 * ({@code buildings} lists up to {@link #MAX_BUILDINGS} of them, the largest changes first); {@code updateMillis}
	 * is the time of the incremental update itself. {@code buildingsReached} and {@code residentsReached}: the
	 * buildings (and their residents; a building of a community without a population counts as one) that lack the
	 * category within the threshold now and would have it, the gain the suggestions rank sites by.
	 */
	record Result(String category, Action action, String facilityId, Double latitude, Double longitude, long runId,
			int thresholdSeconds, int buildingsChanged, int communitiesChanged, List<CommunityChange> communities,
			List<BuildingChange> buildings, double updateMillis, int buildingsReached, double residentsReached) {
	}

	int MAX_BUILDINGS = 200;

	/**
	 * @param action ADD (at lat/lon), MOVE (facility {@code facilityId} to lat/lon) or CLOSE ({@code facilityId})
	 * @param facilityId a facility's key as the map gives it ({@code circle:<id>}, {@code care:<id>})
	 */
	Result whatIf(String category, String action, Double latitude, Double longitude, String facilityId);
}
