package org.jinlin.circle.facilities;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * The points of interest of an OpenStreetMap extract: tagged nodes, ways (shops and amenities mapped as areas) and
 * multipolygon relations matching a category's OSM tags (the first category in the given order wins). A way or
 * relation becomes one point: its entrance node where one is mapped ({@code entrance=main} first), else a point inside
 * the area (JTS {@link Geometry#getInteriorPoint()}; holes excluded), for an open way a point on the line.
 * <p>
 * A place mapped twice is read once: an area (way or relation) with a node of the same category inside it is left to
 * the node, and a way that is the outer ring of a relation of the same category is left to the relation; both count as
 * duplicates. Three passes over the file (relations, then ways, then nodes), keeping only the ways and nodes the
 * matching elements need, so a city's extract is read without holding all its nodes. Spring-free.
 */
final class OsmPoiReader {

	/** A point of interest: OSM element type ({@code node}, {@code way}, {@code relation}) and id, its category. */
	record Found(String type, long id, CategoryDefinition category, Map<String, Object> tags, double latitude,
			double longitude) {
	}

	/**
	 * What was read: elements of the file, points of interest by kind, and areas left out as duplicates of a node or
	 * a relation.
	 */
	record Counts(int nodesRead, int waysRead, int relationsRead, int fromNodes, int fromWays, int fromRelations,
			int duplicates) {
	}

	record Read(List<Found> pois, Counts counts) {
	}

	private record Area(String type, long id, CategoryDefinition category, Map<String, Object> tags, long[] outer,
			long[] inner) {
	}

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private OsmPoiReader() {
	}

	static Read read(File file, List<CategoryDefinition> mapped) throws IOException, javax.xml.stream.XMLStreamException {
		// 1. Relations: the matching multipolygons and the ways they are made of.
		List<Area> relations = new ArrayList<>();
		LongHashSet memberWays = new LongHashSet();
		int relationsRead = forEach(file, new SkipOptions(true, true, false), ReaderElement.Type.RELATION, e -> {
			CategoryDefinition c = e.hasTags() && e.hasTag("type", "multipolygon") ? category(e, mapped) : null;
			if (c == null) {
				return;
			}
			LongArrayList outer = new LongArrayList();
			LongArrayList inner = new LongArrayList();
			for (ReaderRelation.Member m : ((ReaderRelation) e).getMembers()) {
				if (m.getType() == ReaderElement.Type.WAY) {
					("inner".equals(m.getRole()) ? inner : outer).add(m.getRef());
					memberWays.add(m.getRef());
				}
			}
			if (!outer.isEmpty()) {
				relations.add(new Area("relation", e.getId(), c, e.getTags(), outer.toArray(), inner.toArray()));
			}
		});
		// 2. Ways: the matching ones, and the node lists of the relations' ways.
		List<Area> ways = new ArrayList<>();
		LongObjectHashMap<long[]> wayNodes = new LongObjectHashMap<>();
		LongHashSet neededNodes = new LongHashSet();
		int waysRead = forEach(file, new SkipOptions(true, false, true), ReaderElement.Type.WAY, e -> {
			CategoryDefinition c = e.hasTags() ? category(e, mapped) : null;
			boolean member = memberWays.contains(e.getId());
			if (c == null && !member) {
				return;
			}
			long[] refs = ((ReaderWay) e).getNodes().toArray();
			neededNodes.addAll(refs);
			if (member) {
				wayNodes.put(e.getId(), refs);
			}
			if (c != null) {
				ways.add(new Area("way", e.getId(), c, e.getTags(), refs, new long[0]));
			}
		});
		// 3. Nodes: the matching ones, and the places (and entrances) of the areas' nodes.
		List<Found> nodes = new ArrayList<>();
		LongObjectHashMap<double[]> places = new LongObjectHashMap<>();
		LongObjectHashMap<String> entrances = new LongObjectHashMap<>();
		int nodesRead = forEach(file, new SkipOptions(false, true, true), ReaderElement.Type.NODE, e -> {
			ReaderNode node = (ReaderNode) e;
			if (neededNodes.contains(node.getId())) {
				places.put(node.getId(), new double[] { node.getLat(), node.getLon() });
				String entrance = node.hasTags() ? node.getTag("entrance") : null;
				if (entrance != null && !"no".equals(entrance)) {
					entrances.put(node.getId(), entrance);
				}
			}
			CategoryDefinition c = node.hasTags() ? category(node, mapped) : null;
			if (c != null) {
				nodes.add(new Found("node", node.getId(), c, node.getTags(), node.getLat(), node.getLon()));
			}
		});
		// Nodes of interest by category, to find areas that are mapped as a node as well.
		Map<String, STRtree> nodesByCategory = new java.util.HashMap<>();
		for (Found n : nodes) {
			nodesByCategory.computeIfAbsent(n.category().code(), k -> new STRtree())
				.insert(new org.locationtech.jts.geom.Envelope(new Coordinate(n.longitude(), n.latitude())), n);
		}
		List<Found> pois = new ArrayList<>(nodes);
		int duplicates = 0;
		int fromRelations = 0;
		LongHashSet relationOuterWays = new LongHashSet();
		for (Area r : relations) {
			Geometry area = multipolygon(r, wayNodes, places);
			if (area == null) {
				continue;
			}
			for (long way : r.outer()) {
				relationOuterWays.add(way);
			}
			if (containsNodeOfItsCategory(area, r.category(), nodesByCategory)) {
				duplicates++;
				continue;
			}
			long[] ring = java.util.Arrays.stream(r.outer())
				.filter(wayNodes::containsKey)
				.flatMap(w -> java.util.Arrays.stream(wayNodes.get(w)))
				.toArray();
			pois.add(found(r, point(ring, area, places, entrances)));
			fromRelations++;
		}
		int fromWays = 0;
		for (Area w : ways) {
			Geometry shape = shape(w.outer(), places);
			if (shape == null) {
				continue;
			}
			boolean outerOfSameRelation = relationOuterWays.contains(w.id()) && relations.stream()
				.anyMatch(r -> r.category() == w.category() && java.util.Arrays.stream(r.outer()).anyMatch(id -> id == w.id()));
			if (outerOfSameRelation || (shape.getDimension() == 2
					&& containsNodeOfItsCategory(shape, w.category(), nodesByCategory))) {
				duplicates++;
				continue;
			}
			pois.add(found(w, point(w.outer(), shape, places, entrances)));
			fromWays++;
		}
		return new Read(pois, new Counts(nodesRead, waysRead, relationsRead, nodes.size(), fromWays, fromRelations,
				duplicates));
	}

	/** One pass over the file: every element of a type; returns how many there were. */
	private static int forEach(File file, SkipOptions skip, ReaderElement.Type type,
			java.util.function.Consumer<ReaderElement> action) throws IOException, javax.xml.stream.XMLStreamException {
		int count = 0;
		try (OSMInputFile in = new OSMInputFile(file).setWorkerThreads(1).setSkipOptions(skip).open()) {
			ReaderElement e;
			while ((e = in.getNext()) != null) {
				if (e.getType() == type) {
					count++;
					action.accept(e);
				}
			}
		}
		return count;
	}

	private static CategoryDefinition category(ReaderElement e, List<CategoryDefinition> mapped) {
		Map<String, Object> tags = e.getTags();
		for (CategoryDefinition c : mapped) {
			if (c.osmTagList().stream().anyMatch(t -> t.matches(tags))) {
				return c;
			}
		}
		return null;
	}

	private static Found found(Area a, Coordinate at) {
		return new Found(a.type(), a.id(), a.category(), a.tags(), at.y, at.x);
	}

	/** The entrance among the area's nodes ({@code main} first), else a point inside the area or on the line. */
	private static Coordinate point(long[] refs, Geometry shape, LongObjectHashMap<double[]> places,
			LongObjectHashMap<String> entrances) {
		long best = -1;
		for (long ref : refs) {
			String kind = entrances.get(ref);
			if (kind != null && (best < 0 || "main".equals(kind) && !"main".equals(entrances.get(best)))) {
				best = ref;
			}
		}
		if (best >= 0 && places.containsKey(best)) {
			double[] p = places.get(best);
			return new Coordinate(p[1], p[0]);
		}
		return shape.getInteriorPoint().getCoordinate();
	}

	/** A closed way as a polygon, an open one as a line, a single node as a point; null without known nodes. */
	private static Geometry shape(long[] refs, LongObjectHashMap<double[]> places) {
		List<Coordinate> coords = coordinates(refs, places);
		if (coords.isEmpty()) {
			return null;
		}
		if (coords.size() >= 4 && coords.get(0).equals2D(coords.get(coords.size() - 1))) {
			return GEOMETRY.createPolygon(coords.toArray(Coordinate[]::new));
		}
		if (coords.size() >= 2) {
			return GEOMETRY.createLineString(coords.toArray(Coordinate[]::new));
		}
		return GEOMETRY.createPoint(coords.get(0));
	}

	private static List<Coordinate> coordinates(long[] refs, LongObjectHashMap<double[]> places) {
		List<Coordinate> coords = new ArrayList<>(refs.length);
		for (long ref : refs) {
			double[] p = places.get(ref);
			if (p != null) {
				coords.add(new Coordinate(p[1], p[0]));
			}
		}
		return coords;
	}

	/**
	 * A multipolygon from its member ways: the outer ways joined into rings (ways may each be part of a ring), minus the
	 * inner rings. When the rings do not close, the outer ways' line work itself (a point on it is still the place).
	 */
	private static Geometry multipolygon(Area r, LongObjectHashMap<long[]> wayNodes, LongObjectHashMap<double[]> places) {
		Geometry outer = rings(r.outer(), wayNodes, places);
		if (outer == null) {
			return null;
		}
		Geometry inner = rings(r.inner(), wayNodes, places);
		if (inner == null || outer.getDimension() < 2 || inner.getDimension() < 2) {
			return outer;
		}
		try {
			Geometry area = outer.difference(inner);
			return area.isEmpty() ? outer : area;
		}
		catch (TopologyException e) {
			return outer;
		}
	}

	private static Geometry rings(long[] ways, LongObjectHashMap<long[]> wayNodes, LongObjectHashMap<double[]> places) {
		LineMerger merger = new LineMerger();
		int lines = 0;
		for (long w : ways) {
			long[] refs = wayNodes.get(w);
			List<Coordinate> coords = refs == null ? List.of() : coordinates(refs, places);
			if (coords.size() >= 2) {
				merger.add(GEOMETRY.createLineString(coords.toArray(Coordinate[]::new)));
				lines++;
			}
		}
		if (lines == 0) {
			return null;
		}
		List<Geometry> polygons = new ArrayList<>();
		List<Geometry> open = new ArrayList<>();
		for (Object o : merger.getMergedLineStrings()) {
			LineString line = (LineString) o;
			if (line.isClosed() && line.getNumPoints() >= 4) {
				polygons.add(GEOMETRY.createPolygon(line.getCoordinates()));
			}
			else {
				open.add(line);
			}
		}
		if (polygons.isEmpty()) {
			return GEOMETRY.buildGeometry(open);
		}
		try {
			return GEOMETRY.buildGeometry(polygons).union();
		}
		catch (TopologyException e) {
			return polygons.get(0);
		}
	}

	private static boolean containsNodeOfItsCategory(Geometry area, CategoryDefinition category,
			Map<String, STRtree> nodesByCategory) {
		STRtree tree = nodesByCategory.get(category.code());
		if (tree == null || area.getDimension() < 2) {
			return false;
		}
		for (Object o : tree.query(area.getEnvelopeInternal())) {
			Found n = (Found) o;
			Point p = GEOMETRY.createPoint(new Coordinate(n.longitude(), n.latitude()));
			if (area.covers(p)) {
				return true;
			}
		}
		return false;
	}
}
