package org.jinlin.circle.facilities;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jinlin.shared.spreadsheet.Cells;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of Points into the rows the shared import jobs process: one CSV row per feature
 * (feature n is CSV row n + 1; {@link CircleFacilityImport} reports it as row n), the properties by name
 * ({@code name, category, address, territoryCode, operator, phone, openingHours, status}; other properties are
 * ignored) and the Point's coordinates as latitude/longitude. A feature without a Point geometry carries the reason
 * in a hidden column, reported as the column {@code geometry}. A file that is not a FeatureCollection is refused as
 * a whole.
 */
final class GeoJsonFacilities {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Column<String> GEOMETRY_ERROR = Column.of("geometryError", "geometryError", "geometryError",
			Cells.text(200));

	/** Text columns with the keys of {@link CircleFacilitySheet}, parsed per cell by the importer, then the geometry error. */
	static final SpreadsheetSchema SCHEMA;

	static {
		List<Column<?>> cols = new ArrayList<>();
		for (Column<?> c : CircleFacilitySheet.columns()) {
			cols.add(Column.of(c.key(), c.key(), c.key(), Cells.text(100_000)));
		}
		cols.add(GEOMETRY_ERROR);
		SCHEMA = SpreadsheetSchema.of(cols);
	}

	/** Thrown for a file that is not a GeoJSON FeatureCollection; the message is a message code. */
	static final class NotGeoJson extends RuntimeException {

		NotGeoJson(String code) {
			super(code);
		}
	}

	private GeoJsonFacilities() {
	}

	static boolean isGeoJson(String fileName) {
		String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		return n.endsWith(".geojson") || n.endsWith(".json");
	}

	static byte[] toCsv(byte[] geoJson) {
		JsonNode root;
		try {
			root = JSON.readTree(geoJson);
		}
		catch (JacksonException e) {
			throw new NotGeoJson("circlefacilities.import.notJson");
		}
		if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
				|| !root.path("features").isArray()) {
			throw new NotGeoJson("circlefacilities.import.notFeatureCollection");
		}
		List<String> keys = CircleFacilitySheet.columns().stream().map(Column::key).toList();
		Map<String, String> byLowerKey = new HashMap<>();
		keys.forEach(k -> byLowerKey.put(k.toLowerCase(Locale.ROOT), k));
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			List<String> header = new ArrayList<>(keys);
			header.add(GEOMETRY_ERROR.key());
			csv.printRecord(header);
			for (JsonNode feature : root.path("features")) {
				Map<String, String> values = new HashMap<>();
				JsonNode props = feature.path("properties");
				if (props.isObject()) {
					for (Map.Entry<String, JsonNode> e : props.properties()) {
						String key = byLowerKey.get(e.getKey().toLowerCase(Locale.ROOT));
						if (key != null && !e.getValue().isNull() && !e.getValue().isContainer()) {
							values.put(key, e.getValue().asString(""));
						}
					}
				}
				values.remove("latitude");
				values.remove("longitude");
				String geometryError = null;
				JsonNode geometry = feature.path("geometry");
				if (!"Point".equals(geometry.path("type").asString(""))) {
					geometryError = "circlefacilities.import.geometryPoint";
				}
				else {
					JsonNode c = geometry.path("coordinates");
					if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
						geometryError = "circlefacilities.import.geometryCoordinates";
					}
					else {
						values.put("longitude", c.get(0).asString());
						values.put("latitude", c.get(1).asString());
					}
				}
				List<String> record = new ArrayList<>();
				for (String k : keys) {
					String v = values.getOrDefault(k, "");
					record.add(v.strip());
				}
				record.add(geometryError == null ? "" : geometryError);
				// a blank CSV row would be skipped and shift the feature numbers
				if (record.stream().allMatch(String::isEmpty)) {
					record.set(record.size() - 1, "circlefacilities.import.geometryPoint");
				}
				csv.printRecord(record);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
