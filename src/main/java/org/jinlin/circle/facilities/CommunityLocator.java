package org.jinlin.circle.facilities;

import java.util.List;
import java.util.Optional;

import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;

/**
 * The community (or village) nearest a point, from the communities' centres, loaded once per operation (an import
 * places thousands of points).
 */
final class CommunityLocator {

	/** Beyond this no community is "nearest". */
	static final double MAX_METRES = 3000;

	private final List<TerritoryNode> communities;

	CommunityLocator(Territories territories) {
		this.communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/").stream()
			.filter(n -> n.latitude() != null && n.longitude() != null).toList();
	}

	Optional<TerritoryNode> nearest(double latitude, double longitude) {
		TerritoryNode best = null;
		double bestDistance = Double.MAX_VALUE;
		double cos = Math.cos(Math.toRadians(latitude));
		for (TerritoryNode n : communities) {
			double dy = (n.latitude() - latitude) * 111_320;
			double dx = (n.longitude() - longitude) * 111_320 * cos;
			double d = dx * dx + dy * dy;
			if (d < bestDistance) {
				bestDistance = d;
				best = n;
			}
		}
		return best != null && Math.sqrt(bestDistance) <= MAX_METRES ? Optional.of(best) : Optional.empty();
	}
}
