package org.jinlin.circle.facilities;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry over the API: create (coordinates converted to WGS-84, the nearest community found), validation with
 * field errors and nothing written, jurisdiction (404 outside, 403 for residents), versions, close and delete, the
 * catalogue and what the coverage reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@RecordApplicationEvents
class CircleFacilityApiTests {


	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	FacilityLocations locations;

	@Autowired
	CategoryCatalogue catalogue;

	static String pharmacy(String territory, double lat, double lon, String crs) {
		return """
				{"name": "测试大药房", "category": "PHARMACY", "address": "杨桥东路8号", "latitude": %s, "longitude": %s,
				 "coordinateSystem": "%s", "territoryCode": %s, "operator": "测试医药公司", "phone": "0591-87654321",
				 "openingHours": "08:00-22:00"}""".formatted(lat, lon, crs, territory == null ? "null" : "\"" + territory + "\"");
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM circle_facility").query(Long.class).single();
	}

	long create(String user, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void createsWithGcj02CoordinatesConvertedToWgs84() throws Exception {
		events.clear();
		long id = create("junmen", pharmacy(JUNMEN, 26.0830, 119.3060, "GCJ02"));
		double[] wgs = CoordinateSystems.toWgs84(CoordinateSystem.GCJ02, 26.0830, 119.3060);
		String body = mvc.perform(get("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.coordinateSystem").value("GCJ02"))
			.andExpect(jsonPath("$.enteredLatitude").value(26.0830))
			.andExpect(jsonPath("$.territoryCode").value(JUNMEN))
			.andExpect(jsonPath("$.phone").value("0591-87654321"))
			.andExpect(jsonPath("$.source").value("MANUAL"))
			.andReturn().getResponse().getContentAsString();
		double lat = ((Number) JsonPath.read(body, "$.latitude")).doubleValue();
		double lon = ((Number) JsonPath.read(body, "$.longitude")).doubleValue();
		assertThat(lat).isCloseTo(wgs[0], within(1e-6));
		assertThat(lon).isCloseTo(wgs[1], within(1e-6));
		assertThat(Math.abs(lon - 119.3060)).as("GCJ-02 is shifted by hundreds of metres").isGreaterThan(0.002);
		assertThat(events.stream(FacilitiesChanged.class)).hasSize(1);
		assertThat(locations.operating()).anyMatch(p -> p.key().equals("circle:" + id) && p.category().equals("PHARMACY"));
	}

	@Test
	void withoutTerritoryCodeTheNearestCommunityIsUsed() throws Exception {
		var junmen = jdbc.sql("SELECT latitude, longitude FROM territory_node WHERE code = ?").param(JUNMEN)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).single();
		long id = create("junmen", pharmacy(null, junmen[0] + 0.0002, junmen[1] - 0.0002, "WGS84"));
		mvc.perform(get("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.territoryCode").value(JUNMEN));
		// near 紫阳社区: outside 军门社区's jurisdiction
		var ziyang = jdbc.sql("SELECT latitude, longitude FROM territory_node WHERE code = ?").param(ZIYANG)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).single();
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(pharmacy(null, ziyang[0], ziyang[1], "WGS84")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("territoryCode")));
	}

	@Test
	void invalidInputIsA400WithFieldErrorsAndNothingWritten() throws Exception {
		long before = count();
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name": " ", "category": "NOPE", "latitude": 95, "longitude": 119.3, "coordinateSystem": "UTM",
					 "phone": "call me", "status": "MAYBE", "territoryCode": "350102004001"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("name", "category", "latitude", "coordinateSystem", "phone", "status")));
		// elder canteens come from the care facilities: never entered here
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(pharmacy(JUNMEN, 26.08, 119.30, "WGS84").replace("\"PHARMACY\"", "\"ELDER_CANTEEN\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("name", "category", "territoryCode")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anotherCommunitysFacilityIsNotFoundAndResidentsAreForbidden() throws Exception {
		long ziyang = create("admin", pharmacy(ZIYANG, 26.10, 119.33, "WGS84").replace("测试大药房", "紫阳测试药房"));
		mvc.perform(get("/api/v1/circle/facilities/" + ziyang).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/circle/facilities/" + ziyang).with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(pharmacy(JUNMEN, 26.08, 119.30, "WGS84")))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/circle/facilities/" + ziyang).with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/facilities?q=紫阳测试药房").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/circle/facilities?q=紫阳测试药房").with(DemoAccounts.as("city")))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/circle/facilities?territory=" + ZIYANG).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/facilities").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("resident1"))
			.contentType(MediaType.APPLICATION_JSON).content(pharmacy(JUNMEN, 26.08, 119.30, "WGS84")))
			.andExpect(status().isForbidden());
		// a grid worker reads but does not write
		mvc.perform(post("/api/v1/circle/facilities").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content(pharmacy(JUNMEN, 26.08, 119.30, "WGS84")))
			.andExpect(status().isForbidden());
	}

	@Test
	void listsMaskPhonesUpdatesCheckVersionsAndClosedFacilitiesLeaveTheCoverage() throws Exception {
		long id = create("junmen", pharmacy(JUNMEN, 26.0853, 119.3012, "WGS84"));
		mvc.perform(get("/api/v1/circle/facilities?q=测试大药房&category=PHARMACY").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].phone").value("059******4321"));
		String changed = pharmacy(JUNMEN, 26.0853, 119.3012, "WGS84").replace("测试大药房", "测试大药房（新）").replace("}",
				", \"version\": 0}");
		mvc.perform(put("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(changed))
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(changed))
			.andExpect(status().isConflict());
		assertThat(locations.operating()).anyMatch(p -> p.key().equals("circle:" + id));
		mvc.perform(post("/api/v1/circle/facilities/" + id + "/close").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		assertThat(locations.operating()).noneMatch(p -> p.key().equals("circle:" + id));
		mvc.perform(delete("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/circle/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
	}

	@Test
	void coverageReadsRegistryAndCareFacilitiesWithoutReEntering() {
		List<PlacedFacility> all = locations.operating();
		long canteens = jdbc.sql("SELECT COUNT(*) FROM care_facility WHERE kind IN ('ELDER_CANTEEN', 'DAY_CARE_CENTRE', 'DEMONSTRATION_POINT') "
				+ "AND status = 'OPERATING' "
				+ "AND latitude IS NOT NULL").query(Long.class).single();
		assertThat(canteens).isPositive();
		assertThat(all.stream().filter(p -> p.category().equals("ELDER_CANTEEN"))).hasSize((int) canteens)
			.allMatch(p -> p.key().startsWith("care:"));
		assertThat(all.stream().filter(p -> p.category().equals("ELDERLY_CARE"))).isNotEmpty();
		assertThat(all).filteredOn(p -> p.key().startsWith("circle:")).isNotEmpty();
		assertThat(all.stream().map(PlacedFacility::key).distinct().count()).isEqualTo(all.size());
	}

	@Test
	void theCatalogueIsSeededAndEditableByCityOfficials() throws Exception {
		assertThat(catalogue.required()).extracting(FacilityCategory::code).containsExactly("CONVENIENCE_STORE",
				"VEGETABLE_MARKET", "BREAKFAST", "BARBER_BEAUTY", "REPAIR", "PHARMACY", "ELDER_CANTEEN");
		mvc.perform(get("/api/v1/circle/facilities/categories").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'ELDER_CANTEEN')].source").value(hasItem("CARE_FACILITIES")))
			.andExpect(jsonPath("$[?(@.code == 'CONVENIENCE_STORE')].osmTags").value(hasItem("shop=convenience;shop=kiosk")));
		String edit = """
				{"nameZh": "超市", "nameEn": "Supermarket", "tier": "BASIC", "required": true, "sortOrder": 15,
				 "osmTags": "shop=supermarket; shop=department_store", "version": 0}""";
		mvc.perform(put("/api/v1/circle/facilities/categories/SUPERMARKET").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(edit))
			.andExpect(status().isForbidden());
		events.clear();
		mvc.perform(put("/api/v1/circle/facilities/categories/SUPERMARKET").with(DemoAccounts.as("city"))
			.contentType(MediaType.APPLICATION_JSON).content(edit))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.osmTags").value("shop=supermarket;shop=department_store"));
		assertThat(events.stream(FacilitiesChanged.class)).hasSize(1);
		assertThat(catalogue.required()).extracting(FacilityCategory::code).contains("SUPERMARKET");
		assertThat(catalogue.all().get(1).code()).isEqualTo("SUPERMARKET");
		mvc.perform(put("/api/v1/circle/facilities/categories/SUPERMARKET").with(DemoAccounts.as("city"))
			.contentType(MediaType.APPLICATION_JSON).content(edit.replace("shop=supermarket; shop=department_store", "shop;").replace("\"version\": 0", "\"version\": 1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("osmTags")));
		mvc.perform(post("/api/v1/circle/facilities/categories").with(DemoAccounts.as("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"code": "TEA_HOUSE", "nameZh": "茶馆", "nameEn": "Tea house", "tier": "QUALITY", "required": false,
					 "sortOrder": 300, "osmTags": "amenity=cafe"}"""))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/circle/facilities/categories").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$[*].code").value(hasItem("TEA_HOUSE")));
		mvc.perform(get("/api/v1/circle/facilities/categories").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/circle/facilities/counts").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code").value(hasItem("ELDER_CANTEEN")))
			.andExpect(jsonPath("$[*].code").value(not(hasItem("NOPE"))));
	}
}
