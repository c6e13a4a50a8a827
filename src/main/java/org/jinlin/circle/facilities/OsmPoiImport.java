package org.jinlin.circle.facilities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;


import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports points of interest from an OpenStreetMap extract ({@code .osm.pbf}, also {@code .osm}/{@code .osm.gz}),
 * read by {@link OsmPoiReader} with GraphHopper's {@link com.graphhopper.reader.osm.OSMInputFile}: every tagged node,
 * way (a shop mapped as an area) and multipolygon relation matching a REGISTRY category's OSM tags (the first category
 * in catalogue order wins) becomes a facility with source OSM, an area at its entrance or a point inside it, placed in
 * the nearest community; a place mapped both as a node and as an area is imported once (the node). A point whose place
 * lies outside the importer's jurisdiction is skipped. City officials and administrators import city-wide: points with
 * no community nearby go to their own node. Idempotent by OSM element (type and id): a second run updates what
 * changed and creates nothing twice. One transaction, one {@link FacilitiesChanged}.
 */
@Service
@RequiredArgsConstructor
class OsmPoiImport {

	private static final Logger log = LoggerFactory.getLogger(OsmPoiImport.class);

	/**
	 * What an import did. {@code matched} points of interest: {@code fromNodes} + {@code fromWays} (areas mapped as
	 * ways) + {@code fromRelations} (multipolygons); {@code duplicates}: areas left out because the same place is
	 * mapped as a node (or the way is the outline of a relation) of the same category.
	 */
	record Result(int nodesRead, int matched, int created, int updated, int unchanged, int skipped,
			Map<String, Integer> byCategory, Map<String, Integer> skippedBy, int waysRead, int relationsRead,
			int fromNodes, int fromWays, int fromRelations, int duplicates) {
	}

	private record Poi(String osmType, long osmId, CategoryDefinition category, CircleFacilityDraft draft) {

		String key() {
			return osmType + "/" + osmId;
		}
	}

	private final CircleFacilityRepository store;

	private final CircleFacilityChecks checks;

	private final Territories territories;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	@Transactional
	Result run(String fileName, byte[] bytes) {
		Actor actor = CircleFacilityAccess.writer();
		if (bytes == null || bytes.length == 0) {
			throw ValidationFailedException.field("file", messages.message("circlefacilities.osm.empty"));
		}
		CircleFacilityChecks.Context ctx = checks.context(actor);
		TerritoryNode own = territories.lookup(actor.territoryId()).orElse(null);
		if (own != null && (own.level() == TerritoryLevel.CITY || actor.has(Role.ADMINISTRATOR))) {
			ctx.fallback = own;
		}
		List<CategoryDefinition> mapped = ctx.byCode.values().stream()
			.filter(c -> !c.fromCareFacilities() && !c.osmTagList().isEmpty())
			.sorted(java.util.Comparator.comparingInt(CategoryDefinition::sortOrder).thenComparing(CategoryDefinition::code))
			.toList();
		OsmPoiReader.Counts[] read = { null };
		List<Poi> pois = read(fileName, bytes, mapped, read);
		Map<String, CircleFacilityRepository.Stored> existing = store.byOsmElements(pois.stream().map(Poi::osmId).toList());
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Map<String, Integer> byCategory = new TreeMap<>();
		Map<String, Integer> skippedBy = new TreeMap<>();
		for (Poi poi : pois) {
			CircleFacilityChecks.Outcome o = checks.check(poi.draft(), ctx);
			if (!o.valid()) {
				skippedBy.merge(o.problems().get(0).code(), 1, Integer::sum);
				continue;
			}
			CircleFacilityRepository.Values v = o.values();
			CircleFacilityRepository.Stored before = existing.get(poi.key());
			if (before == null) {
				store.insert(v, CircleFacilityRepository.Origin.OSM, poi.osmType(), poi.osmId(), actor.name());
				created++;
			}
			else if (!actor.covers(before.territoryPath())) {
				skippedBy.merge("circlefacilities.error.outsideJurisdiction", 1, Integer::sum);
				continue;
			}
			else if (same(before, v)) {
				unchanged++;
			}
			else {
				store.update(before.id(), before.version(), v, actor.name());
				updated++;
			}
			byCategory.merge(v.category(), 1, Integer::sum);
		}
		int skipped = skippedBy.values().stream().mapToInt(Integer::intValue).sum();
		if (created + updated > 0) {
			events.publishEvent(new FacilitiesChanged("OSM import: " + created + " created, " + updated + " updated"));
		}
		OsmPoiReader.Counts counts = read[0];
		log.info("OSM POI import by {}: {} nodes, {} ways, {} relations read, {} matched ({} nodes, {} ways, {} relations, "
				+ "{} duplicates left out), {} created, {} updated, {} unchanged, {} skipped", actor.name(),
				counts.nodesRead(), counts.waysRead(), counts.relationsRead(), pois.size(), counts.fromNodes(),
				counts.fromWays(), counts.fromRelations(), counts.duplicates(), created, updated, unchanged, skipped);
		return new Result(counts.nodesRead(), pois.size(), created, updated, unchanged, skipped, byCategory, skippedBy,
				counts.waysRead(), counts.relationsRead(), counts.fromNodes(), counts.fromWays(), counts.fromRelations(),
				counts.duplicates());
	}

	private static boolean same(CircleFacilityRepository.Stored s, CircleFacilityRepository.Values v) {
		return java.util.Objects.equals(s.name(), v.name()) && s.category().equals(v.category())
				&& java.util.Objects.equals(s.address(), v.address()) && java.util.Objects.equals(s.latitude(), v.latitude())
				&& java.util.Objects.equals(s.longitude(), v.longitude()) && s.territoryId() == v.territory().id()
				&& java.util.Objects.equals(s.operator(), v.operator()) && java.util.Objects.equals(s.phone(), v.phone())
				&& java.util.Objects.equals(s.openingHours(), v.openingHours()) && s.status() == v.status();
	}

	private List<Poi> read(String fileName, byte[] bytes, List<CategoryDefinition> mapped, OsmPoiReader.Counts[] counts) {
		String name = fileName == null ? "extract.osm.pbf" : fileName.toLowerCase(Locale.ROOT);
		String suffix = name.endsWith(".osm") ? ".osm" : name.endsWith(".xml") ? ".xml" : ".osm.pbf";
		Path tmp = null;
		List<Poi> pois = new ArrayList<>();
		try {
			tmp = Files.createTempFile("circle-osm-", suffix);
			Files.write(tmp, bytes);
			OsmPoiReader.Read read = OsmPoiReader.read(tmp.toFile(), mapped);
			for (OsmPoiReader.Found f : read.pois()) {
				pois.add(new Poi(f.type(), f.id(), f.category(), draft(f)));
			}
			counts[0] = read.counts();
		}
		catch (IllegalArgumentException | IOException | javax.xml.stream.XMLStreamException | IllegalStateException e) {
			log.info("Unreadable OSM extract {}: {}", fileName, e.toString());
			throw ValidationFailedException.field("file", messages.message("circlefacilities.osm.unreadable"));
		}
		finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				}
				catch (IOException ignored) {
					// a temp file left behind is harmless
				}
			}
		}
		return pois;
	}

	private static CircleFacilityDraft draft(OsmPoiReader.Found poi) {
		Map<String, Object> tags = poi.tags();
		CategoryDefinition c = poi.category();
		String name = first(tags, "name:zh", "name", "name:en", "brand");
		if (name == null) {
			name = c.nameZh() + " #" + poi.id();
		}
		String street = first(tags, "addr:street");
		String number = first(tags, "addr:housenumber");
		String address = street == null ? first(tags, "addr:full")
				: street + (number == null ? "" : " " + number);
		String phone = first(tags, "phone", "contact:phone");
		if (phone != null) {
			phone = phone.split(";")[0].strip();
			if (!CircleFacilityChecks.PHONE.matcher(phone).matches()) {
				phone = null;
			}
		}
		return new CircleFacilityDraft(cut(name, 100), c.code(), cut(address, 200), poi.latitude(), poi.longitude(), "WGS84",
				null, cut(first(tags, "operator"), 100), phone, cut(first(tags, "opening_hours"), 100), "OPERATING", null);
	}

	private static String first(Map<String, Object> tags, String... keys) {
		for (String k : keys) {
			Object v = tags.get(k);
			if (v != null && !v.toString().isBlank()) {
				return v.toString().strip();
			}
		}
		return null;
	}

	private static String cut(String s, int max) {
		if (s == null || s.codePointCount(0, s.length()) <= max) {
			return s;
		}
		return s.substring(0, s.offsetByCodePoints(0, max));
	}

	static Map<String, Integer> ordered(Map<String, Integer> m) {
		return new LinkedHashMap<>(m);
	}
}
