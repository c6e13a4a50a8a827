package org.jinlin.circle.facilities;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.jinlin.support.DemoAccounts;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.support.ImportJobPolling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports of .csv, .xlsx and GeoJSON with the coordinate system chosen per file: all or nothing, errors by row and
 * column (GeoJSON: feature number and property name).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CircleFacilityImportTests {

	static final Duration MAX = Duration.ofSeconds(60);

	static final String JUNMEN = "350102004001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM circle_facility WHERE name LIKE '导入测试%'").update();
	}

	static RequestPostProcessor junmen() {
		return DemoAccounts.as("junmen");
	}

	String start(String fileName, byte[] bytes, String crs) throws Exception {
		var response = mvc.perform(multipart("/api/v1/circle/facilities/imports")
			.file(new MockMultipartFile("file", fileName, MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes))
			.param("coordinateSystem", crs).with(junmen()).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	long imported() {
		return jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE name LIKE '导入测试%'").query(Long.class).single();
	}

	/** The error report as rows of [row, column, header, value, reason]. */
	List<List<String>> errors(String id) throws Exception {
		String csv = mvc.perform(get("/api/v1/imports/" + id + "/errors.csv").with(junmen())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		try (var parser = org.apache.commons.csv.CSVParser.parse(csv.replace("\uFEFF", ""),
				org.apache.commons.csv.CSVFormat.EXCEL)) {
			return parser.getRecords().stream().skip(1).map(r -> r.toList()).toList();
		}
	}

	@Test
	void csvInGcj02IsConvertedToWgs84() throws Exception {
		String csv = """
				名称,类别,地址,纬度,经度,所在辖区编码,经营者,联系电话,营业时间,状态
				导入测试便利店,便利店,杨桥东路1号,26.0830,119.3060,350102004001,,0591-87650001,07:00-23:00,
				导入测试药房,PHARMACY,杨桥东路2号,26.0862,119.3090,,,,,运营中
				""";
		String id = start("shops.csv", csv.getBytes(StandardCharsets.UTF_8), "GCJ02");
		Map<String, Object> job = ImportJobPolling.await(mvc, id, junmen(), MAX);
		assertThat(job.get("status")).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(imported()).isEqualTo(2);
		Map<String, Object> shop = jdbc.sql("SELECT * FROM circle_facility WHERE name = '导入测试便利店'").query().singleRow();
		double[] wgs = CoordinateSystems.toWgs84(CoordinateSystem.GCJ02, 26.0830, 119.3060);
		assertThat(((Number) shop.get("LATITUDE")).doubleValue()).isCloseTo(wgs[0], within(1e-6));
		assertThat(((Number) shop.get("LONGITUDE")).doubleValue()).isCloseTo(wgs[1], within(1e-6));
		assertThat(shop.get("COORDINATE_SYSTEM")).isEqualTo("GCJ02");
		assertThat(shop.get("SOURCE")).isEqualTo("IMPORT");
		// the row without a territory code went to the community nearest its (converted) location: 军门社区
		String path = jdbc.sql("SELECT territory_path FROM circle_facility WHERE name = '导入测试药房'").query(String.class).single();
		assertThat(path).isEqualTo(jdbc.sql("SELECT path FROM territory_node WHERE code = ?").param(JUNMEN).query(String.class).single());
	}

	@Test
	void xlsxWithErrorsNamesRowAndColumnAndWritesNothing() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, "s", List.of("名称", "类别", "地址", "纬度", "经度", "所在辖区编码", "联系电话"),
				List.<List<?>>of(Arrays.asList("导入测试好店", "早餐店", "x", "26.08", "119.30", JUNMEN, null),
						Arrays.asList("导入测试坏类别", "咖啡店", "x", "26.08", "119.30", JUNMEN, null),
						Arrays.asList("导入测试辖区外", "早餐店", "x", "26.08", "119.30", "350111003001", null),
						Arrays.asList("导入测试坏电话", "早餐店", "x", "26.08", "abc", JUNMEN, "phone?"))
					.iterator());
		String id = start("shops.xlsx", out.toByteArray(), "WGS84");
		Map<String, Object> job = ImportJobPolling.await(mvc, id, junmen(), MAX);
		assertThat(job.get("status")).isEqualTo("FAILED");
		List<List<String>> errors = errors(id);
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 3)).containsExactly("3", "B", "类别"));
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 3)).containsExactly("4", "F", "所在辖区编码"));
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 3)).containsExactly("5", "E", "经度"));
		assertThat(errors).noneMatch(e -> e.get(0).equals("2"));
		assertThat(imported()).isZero();
	}

	static final String GEOJSON = """
			{"type": "FeatureCollection", "features": [
			 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.3125, 26.0888]},
			  "properties": {"name": "导入测试理发店", "category": "BARBER_BEAUTY", "address": "杨桥东路9号", "territoryCode": "350102004001",
			                 "phone": "0591-87650002", "extra": "ignored"}},
			 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.3135, 26.0898]},
			  "properties": {"name": "导入测试维修点", "category": "维修点", "territoryCode": "350102004001"}}
			]}""";

	@Test
	void geoJsonInBd09IsImported() throws Exception {
		String id = start("shops.geojson", GEOJSON.getBytes(StandardCharsets.UTF_8), "BD09");
		Map<String, Object> job = ImportJobPolling.await(mvc, id, junmen(), MAX);
		assertThat(job.get("status")).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(imported()).isEqualTo(2);
		double lat = jdbc.sql("SELECT latitude FROM circle_facility WHERE name = '导入测试理发店'").query(Double.class).single();
		assertThat(lat).isCloseTo(CoordinateSystems.toWgs84(CoordinateSystem.BD09, 26.0888, 119.3125)[0], within(1e-6));
	}

	@Test
	void geoJsonErrorsNameFeatureAndPropertyAndNothingIsWritten() throws Exception {
		String bad = GEOJSON.replace("\"type\": \"Point\", \"coordinates\": [119.3135, 26.0898]",
				"\"type\": \"LineString\", \"coordinates\": [[119.3135, 26.0898], [119.3, 26.0]]")
			.replace("\"category\": \"BARBER_BEAUTY\"", "\"category\": \"CAFE\"")
			.replace("\"phone\": \"0591-87650002\"", "\"phone\": \"call me\"");
		String id = start("bad.json", bad.getBytes(StandardCharsets.UTF_8), "WGS84");
		Map<String, Object> job = ImportJobPolling.await(mvc, id, junmen(), MAX);
		assertThat(job.get("status")).isEqualTo("FAILED");
		List<List<String>> errors = errors(id);
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 2)).containsExactly("1", "category"));
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 2)).containsExactly("1", "phone"));
		assertThat(errors).anySatisfy(e -> assertThat(e.subList(0, 2)).containsExactly("2", "geometry"));
		assertThat(imported()).isZero();
	}

	@Test
	void notAFeatureCollectionIsRefusedAtOnce() throws Exception {
		mvc.perform(multipart("/api/v1/circle/facilities/imports")
			.file(new MockMultipartFile("file", "x.geojson", "application/geo+json", "{\"type\": \"Point\"}".getBytes()))
			.with(junmen()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/v1/circle/facilities/imports")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", "名称,类别\n导入测试,便利店\n".getBytes(StandardCharsets.UTF_8)))
			.param("coordinateSystem", "UTM").with(junmen()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("coordinateSystem"));
		mvc.perform(multipart("/api/v1/circle/facilities/imports")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", "名称,类别\n导入测试,便利店\n".getBytes(StandardCharsets.UTF_8)))
			.with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
	}
}
