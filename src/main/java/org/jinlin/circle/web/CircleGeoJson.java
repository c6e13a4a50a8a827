package org.jinlin.circle.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.network.Isochrone;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** GeoJSON (RFC 7946, WGS-84, [longitude, latitude]) of the map's layers and of isochrones. */
@Component
class CircleGeoJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CircleReads reads;

	private final CircleMapReads map;

	CircleGeoJson(CircleReads reads, CircleMapReads map) {
		this.map = map;
		this.reads = reads;
	}

	Map<String, Object> communities(String territory) {
		Map<String, CircleViews.Category> categories = reads.categories();
		List<Map<String, Object>> features = new ArrayList<>();
		for (CircleViews.CommunityRow c : map.mapCommunities(territory)) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("code", c.code());
			p.put("name", c.name());
			p.put("rural", c.rural());
			p.put("population", c.population());
			p.put("buildings", c.buildings());
			p.put("covered", c.covered());
			p.put("residentsCoveredShare", c.residentsCoveredShare());
			p.put("missing", c.missing());
			p.put("missingNames", c.missing().stream()
				.map(code -> categories.containsKey(code) ? categories.get(code).name() : code).toList());
			features.add(feature(c.latitude(), c.longitude(), p));
		}
		return collection(features);
	}

	Map<String, Object> buildings(String territory) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (CircleViews.MapBuilding b : map.mapBuildings(territory)) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", b.id());
			p.put("name", b.name());
			p.put("covered", b.covered());
			p.put("communityId", b.communityId());
			p.put("offNetwork", b.offNetwork());
			features.add(feature(b.latitude(), b.longitude(), p));
		}
		return collection(features);
	}

	/** Facilities with their category; the collection lists the categories (in order, localized) for the legend. */
	Map<String, Object> facilities(String territory) {
		Map<String, CircleViews.Category> categories = reads.categories();
		List<Map<String, Object>> features = new ArrayList<>();
		for (PlacedFacility f : map.mapFacilities(territory)) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("key", f.key());
			p.put("name", f.name());
			p.put("category", f.category());
			p.put("categoryName", categories.containsKey(f.category()) ? categories.get(f.category()).name() : f.category());
			features.add(feature(f.latitude(), f.longitude(), p));
		}
		Map<String, Object> collection = collection(features);
		collection.put("categories", List.copyOf(categories.values()));
		return collection;
	}

	/** The walking areas, largest first (so the smaller ones are drawn on top). */
	static Map<String, Object> isochrone(Isochrone iso) {
		List<Map<String, Object>> features = new ArrayList<>();
		iso.bands().stream().sorted(Comparator.comparingInt(Isochrone.Band::minutes).reversed()).forEach(b -> {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("type", "Feature");
			f.put("geometry", JSON.readTree(b.geometry()));
			f.put("properties", Map.of("minutes", b.minutes(), "junctions", b.junctions()));
			features.add(f);
		});
		Map<String, Object> collection = collection(features);
		collection.put("latitude", iso.latitude());
		collection.put("longitude", iso.longitude());
		collection.put("accessMetres", iso.accessMetres());
		return collection;
	}

	static Map<String, Object> feature(double latitude, double longitude, Map<String, Object> properties) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("type", "Feature");
		f.put("geometry", Map.of("type", "Point", "coordinates", List.of(longitude, latitude)));
		f.put("properties", properties);
		return f;
	}

	static Map<String, Object> collection(List<Map<String, Object>> features) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("type", "FeatureCollection");
		c.put("features", features);
		return c;
	}
}
