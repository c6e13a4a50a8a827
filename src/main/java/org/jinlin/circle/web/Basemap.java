package org.jinlin.circle.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.shared.CurrentActor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;

/**
 * The platform's own basemap, so that maps work without any tile server: community points (the register holds no
 * community outlines, so none are drawn), the streets of the walking network in use and the buildings of the
 * register, as GeoJSON (RFC 7946, WGS-84, [longitude, latitude]) for one box. Only public geography: names of
 * communities, no building names, no people. Any signed-in account may read it; every map page needs one.
 */
@Service
@RequiredArgsConstructor
class Basemap {

	static final int MAX_COMMUNITIES = 1_000;

	static final int MAX_STREETS = 4_000;

	static final int MAX_BUILDINGS = 3_000;

	private final Territories territories;

	private final NetworkHolder network;

	Map<String, Object> features(BasemapBox box) {
		CurrentActor.require();
		List<Map<String, Object>> features = new ArrayList<>();
		boolean truncated = false;
		List<TerritoryNode> communities = territories.lookupLevelInBox(TerritoryLevel.COMMUNITY, box.south(), box.west(),
				box.north(), box.east(), MAX_COMMUNITIES + 1);
		truncated |= communities.size() > MAX_COMMUNITIES;
		for (TerritoryNode c : communities.subList(0, Math.min(MAX_COMMUNITIES, communities.size()))) {
			features.add(feature("Point", point(c.latitude(), c.longitude()), Map.of("kind", "community", "name", c.name())));
		}
		if (box.streets()) {
			List<double[][]> streets = network.current()
				.streets(box.south(), box.west(), box.north(), box.east(), MAX_STREETS + 1, box.streetShapes());
			truncated |= streets.size() > MAX_STREETS;
			for (double[][] line : streets.subList(0, Math.min(MAX_STREETS, streets.size()))) {
				List<List<Double>> coordinates = new ArrayList<>(line.length);
				for (double[] p : line) {
					coordinates.add(point(p[0], p[1]));
				}
				features.add(feature("LineString", coordinates, Map.of("kind", "street")));
			}
		}
		if (box.buildings()) {
			List<TerritoryNode> buildings = territories.lookupLevelInBox(TerritoryLevel.BUILDING, box.south(), box.west(),
					box.north(), box.east(), MAX_BUILDINGS + 1);
			truncated |= buildings.size() > MAX_BUILDINGS;
			for (TerritoryNode b : buildings.subList(0, Math.min(MAX_BUILDINGS, buildings.size()))) {
				features.add(feature("Point", point(b.latitude(), b.longitude()), Map.of("kind", "building")));
			}
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("zoom", box.zoom());
		collection.put("truncated", truncated);
		collection.put("features", features);
		return collection;
	}

	/** [longitude, latitude], to the centimetre. */
	private static List<Double> point(double latitude, double longitude) {
		return List.of(Math.round(longitude * 1e6) / 1e6, Math.round(latitude * 1e6) / 1e6);
	}

	private static Map<String, Object> feature(String type, Object coordinates, Map<String, Object> properties) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("type", "Feature");
		f.put("geometry", Map.of("type", type, "coordinates", coordinates));
		f.put("properties", properties);
		return f;
	}
}
