package org.jinlin.circle.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.web.CircleViews.Box;
import org.jinlin.circle.web.CircleViews.CommunityRow;
import org.jinlin.circle.web.CircleViews.MapBuilding;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points of the circle's map over the latest finished run: communities, buildings and the facilities that serve
 * the area. Staff only, limited to the caller's jurisdiction like {@link CircleReads}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class CircleMapReads {

	static final int MAP_LIMIT = 20_000;

	private final CircleReads reads;

	private final CircleResultRepository results;

	private final CoverageRuns runs;

	private final FacilityLocations facilities;

	private final Territories territories;

	private final CircleSettings settings;

	/** Communities of the latest run under the area, with a location. */
	List<CommunityRow> mapCommunities(String code) {
		Actor actor = CircleAccess.staff();
		TerritoryNode node = reads.area(actor, code);
		return runs.latest()
			.map(r -> reads.rows(actor, r.id(), node.path()).stream()
				.filter(c -> c.latitude() != null && c.longitude() != null)
				.toList())
			.orElse(List.of());
	}

	List<MapBuilding> mapBuildings(String code) {
		Actor actor = CircleAccess.staff();
		TerritoryNode node = reads.area(actor, code);
		return runs.latest()
			.map(r -> results.mapBuildings(r.id(), node.path(), actor.jurisdiction().likePattern(), MAP_LIMIT))
			.orElse(List.of());
	}

	/**
	 * The operating facilities that serve the area: those inside the box around its buildings (of the latest run, or
	 * else its communities' centres) widened by one threshold's walk, since a facility just across the boundary
	 * serves the area too. Facilities carry no territory; the box is what bounds them to the jurisdiction.
	 */
	List<PlacedFacility> mapFacilities(String code) {
		Actor actor = CircleAccess.staff();
		TerritoryNode node = reads.area(actor, code);
		Optional<Box> box = box(actor, node);
		if (box.isEmpty()) {
			return List.of();
		}
		return facilities.operating().stream().filter(f -> box.get().contains(f.latitude(), f.longitude())).toList();
	}

	Optional<Box> box(Actor actor, TerritoryNode node) {
		Optional<double[]> bounds = runs.latest()
			.flatMap(r -> results.buildingBounds(r.id(), node.path(), actor.jurisdiction().likePattern()));
		double[] b = bounds.orElseGet(() -> centres(node));
		if (b == null) {
			return Optional.empty();
		}
		double metres = settings.walkingSpeedKmh() * 1000 * settings.threshold().toSeconds() / 3600.0;
		double dLat = metres / 111_320.0;
		double dLon = metres / (111_320.0 * Math.cos(Math.toRadians((b[0] + b[2]) / 2)));
		return Optional.of(new Box(b[0] - dLat, b[1] - dLon, b[2] + dLat, b[3] + dLon));
	}

	/** South, west, north and east of the area's and its communities' centres; null when none has a location. */
	private double[] centres(TerritoryNode node) {
		double[] b = { 90, 180, -90, -180 };
		boolean any = false;
		List<TerritoryNode> points = new ArrayList<>(node.level().ordinal() < TerritoryLevel.COMMUNITY.ordinal()
				? territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, node.path()) : List.of());
		points.add(node);
		for (TerritoryNode p : points) {
			if (p.latitude() != null && p.longitude() != null) {
				b[0] = Math.min(b[0], p.latitude());
				b[1] = Math.min(b[1], p.longitude());
				b[2] = Math.max(b[2], p.latitude());
				b[3] = Math.max(b[3], p.longitude());
				any = true;
			}
		}
		return any ? b : null;
	}
}
