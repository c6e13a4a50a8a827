package org.jinlin.circle.facilities;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;

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
 * read with GraphHopper's {@link OSMInputFile} (nodes only): every tagged node matching a REGISTRY category's OSM
 * tags (the first category in catalogue order wins) becomes a facility with source OSM, placed in the nearest
 * community; a node whose place lies outside the importer's jurisdiction is skipped. City officials and
 * administrators import city-wide: points with no community nearby go to their own node. Idempotent by OSM node
 * id: a second run updates what changed and creates nothing twice. One transaction, one {@link FacilitiesChanged}.
 */
@Service
@RequiredArgsConstructor
class OsmPoiImport {

	private static final Logger log = LoggerFactory.getLogger(OsmPoiImport.class);

	/** What an import did. */
	record Result(int nodesRead, int matched, int created, int updated, int unchanged, int skipped,
			Map<String, Integer> byCategory, Map<String, Integer> skippedBy) {
	}

	private record Poi(long osmId, CategoryDefinition category, CircleFacilityDraft draft) {
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
		int[] read = { 0 };
		List<Poi> pois = read(fileName, bytes, mapped, read);
		Map<Long, CircleFacilityRepository.Stored> existing = store.byOsmIds(pois.stream().map(Poi::osmId).toList());
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
			CircleFacilityRepository.Stored before = existing.get(poi.osmId());
			if (before == null) {
				store.insert(v, CircleFacilityRepository.Origin.OSM, poi.osmId(), actor.name());
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
		log.info("OSM POI import by {}: {} nodes, {} matched, {} created, {} updated, {} unchanged, {} skipped", actor.name(),
				read[0], pois.size(), created, updated, unchanged, skipped);
		return new Result(read[0], pois.size(), created, updated, unchanged, skipped, byCategory, skippedBy);
	}

	private static boolean same(CircleFacilityRepository.Stored s, CircleFacilityRepository.Values v) {
		return java.util.Objects.equals(s.name(), v.name()) && s.category().equals(v.category())
				&& java.util.Objects.equals(s.address(), v.address()) && java.util.Objects.equals(s.latitude(), v.latitude())
				&& java.util.Objects.equals(s.longitude(), v.longitude()) && s.territoryId() == v.territory().id()
				&& java.util.Objects.equals(s.operator(), v.operator()) && java.util.Objects.equals(s.phone(), v.phone())
				&& java.util.Objects.equals(s.openingHours(), v.openingHours()) && s.status() == v.status();
	}

	private List<Poi> read(String fileName, byte[] bytes, List<CategoryDefinition> mapped, int[] read) {
		String name = fileName == null ? "extract.osm.pbf" : fileName.toLowerCase(Locale.ROOT);
		String suffix = name.endsWith(".osm") ? ".osm" : name.endsWith(".xml") ? ".xml" : ".osm.pbf";
		Path tmp = null;
		List<Poi> pois = new ArrayList<>();
		try {
			tmp = Files.createTempFile("circle-osm-", suffix);
			Files.write(tmp, bytes);
			File file = tmp.toFile();
			try (OSMInputFile in = new OSMInputFile(file).setWorkerThreads(1)
				.setSkipOptions(new SkipOptions(false, true, true))) {
				in.open();
				ReaderElement e;
				while ((e = in.getNext()) != null) {
					if (e.getType() != ReaderElement.Type.NODE) {
						continue;
					}
					read[0]++;
					if (!e.hasTags()) {
						continue;
					}
					ReaderNode node = (ReaderNode) e;
					Map<String, Object> tags = node.getTags();
					for (CategoryDefinition c : mapped) {
						if (c.osmTagList().stream().anyMatch(t -> t.matches(tags))) {
							pois.add(new Poi(node.getId(), c, draft(node, tags, c)));
							break;
						}
					}
				}
			}
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

	private static CircleFacilityDraft draft(ReaderNode node, Map<String, Object> tags, CategoryDefinition c) {
		String name = first(tags, "name:zh", "name", "name:en", "brand");
		if (name == null) {
			name = c.nameZh() + " #" + node.getId();
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
		return new CircleFacilityDraft(cut(name, 100), c.code(), cut(address, 200), node.getLat(), node.getLon(), "WGS84", null,
				cut(first(tags, "operator"), 100), phone, cut(first(tags, "opening_hours"), 100), "OPERATING", null);
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
