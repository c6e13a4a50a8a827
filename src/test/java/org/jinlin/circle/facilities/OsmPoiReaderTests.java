package org.jinlin.circle.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Shops mapped as areas (closed ways, multipolygon relations) are points of interest at their entrance or a point
 * inside them, and a place mapped as a node and as an area is read once.
 */
class OsmPoiReaderTests {

	static final List<CategoryDefinition> CATEGORIES = List.of(category("SUPERMARKET", "shop=supermarket"),
			category("PHARMACY", "amenity=pharmacy;healthcare=pharmacy"));

	static CategoryDefinition category(String code, String tags) {
		return new CategoryDefinition(code, code, code, true, false, 10, tags, CategoryDefinition.Source.REGISTRY, List.of(),
				null, "test", 0);
	}

	@TempDir
	Path folder;

	OsmPoiReader.Read read(String xml) throws Exception {
		Path file = folder.resolve("areas.osm");
		Files.writeString(file, xml);
		return OsmPoiReader.read(file.toFile(), CATEGORIES);
	}

	@Test
	void shopsMappedAsAreasArePointsInsideThemOnceEach() throws Exception {
		OsmPoiReader.Read read = read(SyntheticOsm.xml());
		Map<String, OsmPoiReader.Found> byName = read.pois().stream()
			.collect(Collectors.toMap(f -> (String) f.tags().get("name"), Function.identity()));
		assertThat(byName).containsOnlyKeys(SyntheticOsm.NODE_MARKET, SyntheticOsm.AREA_MARKET,
				SyntheticOsm.ENTRANCE_PHARMACY, SyntheticOsm.RELATION_MARKET, SyntheticOsm.RELATION_PHARMACY);
		assertThat(read.pois()).hasSize(5);
		// the node, not its building outline
		assertThat(byName.get(SyntheticOsm.NODE_MARKET).type()).isEqualTo("node");
		assertThat(byName.get(SyntheticOsm.NODE_MARKET).id()).isEqualTo(1);
		// an area only: a point inside it
		OsmPoiReader.Found area = byName.get(SyntheticOsm.AREA_MARKET);
		assertThat(area.type()).isEqualTo("way");
		assertThat(area.category().code()).isEqualTo("SUPERMARKET");
		assertThat(area.latitude()).isStrictlyBetween(26.0860, 26.0862);
		assertThat(area.longitude()).isStrictlyBetween(119.3010, 119.3012);
		// an area with its main entrance mapped: the entrance
		OsmPoiReader.Found entrance = byName.get(SyntheticOsm.ENTRANCE_PHARMACY);
		assertThat(entrance.category().code()).isEqualTo("PHARMACY");
		assertThat(entrance.latitude()).isEqualTo(SyntheticOsm.ENTRANCE_LAT);
		assertThat(entrance.longitude()).isEqualTo(SyntheticOsm.ENTRANCE_LON);
		// a multipolygon of two outer halves around a courtyard: inside the ring, not in the courtyard
		OsmPoiReader.Found relation = byName.get(SyntheticOsm.RELATION_MARKET);
		assertThat(relation.type()).isEqualTo("relation");
		assertThat(relation.id()).isEqualTo(40);
		GeometryFactory g = new GeometryFactory();
		var outer = g.createPolygon(new Coordinate[] { new Coordinate(119.3030, 26.0880), new Coordinate(119.3040, 26.0880),
				new Coordinate(119.3040, 26.0890), new Coordinate(119.3030, 26.0890), new Coordinate(119.3030, 26.0880) });
		var courtyard = g.createPolygon(new Coordinate[] { new Coordinate(119.3032, 26.0882),
				new Coordinate(119.3038, 26.0882), new Coordinate(119.3038, 26.0888), new Coordinate(119.3032, 26.0888),
				new Coordinate(119.3032, 26.0882) });
		var at = g.createPoint(new Coordinate(relation.longitude(), relation.latitude()));
		assertThat(outer.contains(at)).isTrue();
		assertThat(courtyard.covers(at)).as("not in the courtyard").isFalse();
		// a multipolygon whose outer way is tagged the same: the relation only
		assertThat(byName.get(SyntheticOsm.RELATION_PHARMACY).type()).isEqualTo("relation");

		OsmPoiReader.Counts counts = read.counts();
		assertThat(counts.fromNodes()).isEqualTo(1);
		assertThat(counts.fromWays()).isEqualTo(2);
		assertThat(counts.fromRelations()).isEqualTo(2);
		assertThat(counts.duplicates()).as("the supermarket's outline, the pharmacy's outer way").isEqualTo(2);
		assertThat(counts.nodesRead()).isEqualTo(29);
		assertThat(counts.waysRead()).isEqualTo(8);
		assertThat(counts.relationsRead()).isEqualTo(2);
	}

	@Test
	void theAndorraExtractHasShopsMappedAsAreas() throws Exception {
		Path file = folder.resolve("andorra.osm.pbf");
		try (var in = getClass().getResourceAsStream("/osm/andorra.osm.pbf")) {
			Files.copy(in, file);
		}
		OsmPoiReader.Read read = OsmPoiReader.read(file.toFile(), CATEGORIES);
		OsmPoiReader.Counts counts = read.counts();
		// 15 nodes, 2 areas (ways), one area left out as the outline of a node of the same category
		assertThat(counts.fromWays()).as("supermarkets and pharmacies mapped as areas").isPositive();
		assertThat(counts.duplicates()).isPositive();
		assertThat(read.pois()).hasSize(counts.fromNodes() + counts.fromWays() + counts.fromRelations());
		// once each: no OSM element twice
		assertThat(read.pois().stream().map(f -> f.type() + "/" + f.id()).distinct().count()).isEqualTo(read.pois().size());
	}
}
