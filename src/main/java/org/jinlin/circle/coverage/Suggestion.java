package org.jinlin.circle.coverage;

/**
 * A candidate location for one new facility of a category, in the order the greedy choice picked them:
 * each counts only residents not already reached by an earlier suggestion.
 *
 * @param residentsReached residents without the category within the threshold who would have it
 */
public record Suggestion(int rank, double latitude, double longitude, double residentsReached, int buildingsReached,
		long communityId, String communityName) {
}
