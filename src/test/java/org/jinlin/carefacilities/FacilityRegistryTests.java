package org.jinlin.carefacilities;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The facility registry over the API: register, read, update with versions, delete; validation and jurisdiction. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class FacilityRegistryTests {


	static final String VALID = """
			{"name": "军门社区长者助餐点", "kind": "ELDER_CANTEEN", "territoryCode": "350102004001", "address": "杨桥东路8号",
			 "latitude": 26.0853, "longitude": 119.3012, "operator": "军门社区居民委员会", "services": ["MEALS", "CLEANING"],
			 "bedsTotal": 10, "bedsOccupied": 7, "familyCareBeds": 2, "inclusiveBeds": 3, "servedAreaCodes": ["350102004001"]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	long facilities() {
		return jdbc.sql("SELECT COUNT(*) FROM care_facility").query(Long.class).single();
	}

	long register(String user, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andExpect(header().exists("Location"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void aCommunityWorkerRegistersInHerCommunityAndStaffAboveSeeIt() throws Exception {
		long id = register("junmen", VALID);
		mvc.perform(get("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("军门社区长者助餐点"))
			.andExpect(jsonPath("$.kind").value("ELDER_CANTEEN"))
			.andExpect(jsonPath("$.territoryCode").value("350102004001"))
			.andExpect(jsonPath("$.territoryName").value("军门社区"))
			.andExpect(jsonPath("$.services", containsInAnyOrder("MEALS", "CLEANING")))
			.andExpect(jsonPath("$.bedsOccupied").value(7))
			.andExpect(jsonPath("$.status").value("OPERATING"))
			.andExpect(jsonPath("$.servedAreas[0].code").value("350102004001"))
			.andExpect(jsonPath("$.updatedBy").value("junmen"))
			.andExpect(jsonPath("$.version").value(0));
		mvc.perform(get("/api/v1/eldercare/facilities").param("q", "长者助餐点").param("kind", "ELDER_CANTEEN")
			.with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0)); // a grid sees only its own grid
		mvc.perform(get("/api/v1/eldercare/facilities").param("q", "长者助餐点").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
	}

	@Test
	void invalidFieldsAre400WithFieldErrorsAndNothingIsWritten() throws Exception {
		long before = facilities();
		mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as("gulou"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "", "kind": "HOSPITAL", "territoryCode": "350111003001", "latitude": 91, "longitude": 119.3,
					 "services": ["MEALS", "FLYING"], "bedsTotal": 10, "bedsOccupied": 12, "familyCareBeds": -1,
					 "inclusiveBeds": 11, "status": "OPEN", "servedAreaCodes": ["350102004000", "350111003001", "nope"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind", "territoryCode", "latitude",
					"services", "bedsOccupied", "familyCareBeds", "inclusiveBeds", "status", "servedAreaCodes",
					"servedAreaCodes", "servedAreaCodes")))
			.andExpect(jsonPath("$.errors[?(@.field == 'bedsOccupied')].message").value(hasItem("在用床位不能多于床位数")));
		mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "x", "kind": "SERVICE_STATION", "territoryCode": "350102004001", "latitude": 26.1}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("longitude"));
		assertThat(facilities()).isEqualTo(before);
	}

	@Test
	void writesNeedAWritingRoleInsideTheJurisdiction() throws Exception {
		long before = facilities();
		mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as("resident1"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isForbidden());
		// junmen may not place a facility in the neighbouring community.
		mvc.perform(post("/api/v1/eldercare/facilities").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID.replace("\"territoryCode\": \"350102004001\"",
					"\"territoryCode\": \"350102004002\"")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("territoryCode"));
		assertThat(facilities()).isEqualTo(before);
	}

	@Test
	void aJinanOfficialGets404ForAGulouFacility() throws Exception {
		long gulouFacility = jdbc.sql("SELECT MIN(id) FROM care_facility WHERE territory_path LIKE (SELECT path FROM territory_node WHERE code = '350102') || '%'")
			.query(Long.class).single();
		TerritoryNode jinan = territories.lookupByCode("350111").orElseThrow();
		var jinanOfficial = FacilityTestSupport.as("jinan-official", Role.DISTRICT_OFFICIAL, jinan);
		mvc.perform(get("/api/v1/eldercare/facilities/" + gulouFacility).with(jinanOfficial))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(put("/api/v1/eldercare/facilities/" + gulouFacility).with(jinanOfficial)
			.contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/eldercare/facilities/" + gulouFacility).with(jinanOfficial))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/eldercare/facilities").param("territory", "350102").with(jinanOfficial))
			.andExpect(status().isNotFound());
		String list = mvc.perform(get("/api/v1/eldercare/facilities").param("size", "200").with(jinanOfficial))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("晋安区").doesNotContain("鼓楼区");
		mvc.perform(get("/api/v1/eldercare/facilities/" + gulouFacility).with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk());
	}

	@Test
	void updatesCarryTheVersionAndAStaleOneIs409() throws Exception {
		long id = register("junmen", VALID);
		String changed = VALID.replace("\"bedsOccupied\": 7", "\"bedsOccupied\": 9").replace("}", ", \"version\": 0}");
		mvc.perform(put("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(changed))
			.andExpect(status().isOk()).andExpect(jsonPath("$.bedsOccupied").value(9)).andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("gulou"))
			.contentType(MediaType.APPLICATION_JSON).content(changed))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(put("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
		mvc.perform(delete("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isNotFound()); // a grid worker's jurisdiction is her grid
		mvc.perform(delete("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theListFiltersByKindTerritoryAndTextAndExportsToExcel() throws Exception {
		mvc.perform(get("/api/v1/eldercare/facilities").param("kind", "SERVICE_STATION").param("territory", "350102004001")
			.with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].kind").value("SERVICE_STATION"))
			.andExpect(jsonPath("$.items[0].territoryCode").value("350102004001"));
		mvc.perform(get("/api/v1/eldercare/facilities").param("kind", "NOPE").with(DemoAccounts.as("gulou")))
			.andExpect(status().isBadRequest());
		byte[] xlsx = mvc.perform(get("/api/v1/eldercare/facilities/export.xlsx").param("kind", "CARE_INSTITUTION")
			.with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(xlsx).startsWith('P', 'K');
		mvc.perform(get("/api/v1/eldercare/facilities/export.xlsx").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
	}
}
