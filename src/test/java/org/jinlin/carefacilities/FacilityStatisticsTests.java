package org.jinlin.carefacilities;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.jinlin.demo.DemoCareFacilities;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/eldercare/statistics}: the demo city shows Fuzhou's published figures computed from the
 * facility records and the territory's elderly population; districts and communities add up; only
 * operating facilities count; callers outside the territory get 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FacilityStatisticsTests {


	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	/** Issue 4 acceptance: Fuzhou 350100 shows the published figures. */
	@Test
	void fuzhouShowsThePublishedFigures() throws Exception {
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350100").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territory").value("350100"))
			.andExpect(jsonPath("$.careInstitutions").value(162))
			.andExpect(jsonPath("$.dayCareCentres").value(101))
			.andExpect(jsonPath("$.serviceStations").value(470))
			.andExpect(jsonPath("$.ruralHappinessHomes").value(1838))
			.andExpect(jsonPath("$.elderCanteens").value(70))
			.andExpect(jsonPath("$.beds").value(52000))
			.andExpect(jsonPath("$.familyCareBeds").value(4000))
			.andExpect(jsonPath("$.inclusiveBeds").value(1000))
			.andExpect(jsonPath("$.elderlyPopulation").value(1313000))
			.andExpect(jsonPath("$.bedsPerThousandElderly").value(39.6))
			.andExpect(jsonPath("$.serviceCoverageRate").value(1.0));
	}

	@Test
	void theFiguresComeFromTheRecordsNotConstants() {
		long operatingStations = jdbc.sql("SELECT COUNT(*) FROM care_facility WHERE kind = 'SERVICE_STATION' AND status = 'OPERATING'")
			.query(Long.class).single();
		long allStations = jdbc.sql("SELECT COUNT(*) FROM care_facility WHERE kind = 'SERVICE_STATION'").query(Long.class).single();
		assertThat(operatingStations).isEqualTo(470);
		assertThat(allStations).as("suspended stations exist and are left out").isGreaterThan(operatingStations);
		long inclusiveAboveTotal = jdbc.sql("SELECT COUNT(*) FROM care_facility WHERE inclusive_beds > beds_total OR beds_occupied > beds_total")
			.query(Long.class).single();
		assertThat(inclusiveAboveTotal).isZero();
		// Happiness homes sit only in villages of the county areas.
		List<String> homeDistricts = jdbc.sql("""
				SELECT DISTINCT d.code FROM care_facility f JOIN territory_node c ON c.id = f.territory_id
				JOIN territory_node d ON f.territory_path LIKE d.path || '%' AND d.level = 'DISTRICT'
				WHERE f.kind = 'RURAL_HAPPINESS_HOME'""").query(String.class).list();
		assertThat(homeDistricts).isSubsetOf(DemoCareFacilities.HAPPINESS_DISTRICTS);
		long homesOutsideVillages = jdbc.sql("""
				SELECT COUNT(*) FROM care_facility f JOIN territory_node c ON c.id = f.territory_id
				WHERE f.kind = 'RURAL_HAPPINESS_HOME' AND (c.rural = FALSE OR c.level <> 'COMMUNITY')""").query(Long.class).single();
		assertThat(homesOutsideVillages).isZero();
	}

	@Test
	void districtsAddUpToTheCityAndEachIsFullyCovered() throws Exception {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		long institutions = 0;
		long stations = 0;
		long homes = 0;
		long beds = 0;
		long family = 0;
		for (TerritoryNode d : territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path())) {
			String body = mvc.perform(get("/api/v1/eldercare/statistics").param("territory", d.code())
				.with(DemoAccounts.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			Map<String, Object> s = JsonPath.read(body, "$");
			institutions += ((Number) s.get("careInstitutions")).longValue();
			stations += ((Number) s.get("serviceStations")).longValue();
			homes += ((Number) s.get("ruralHappinessHomes")).longValue();
			beds += ((Number) s.get("beds")).longValue();
			family += ((Number) s.get("familyCareBeds")).longValue();
			assertThat(((Number) s.get("serviceCoverageRate")).doubleValue()).as(d.name()).isEqualTo(1.0);
			assertThat(((Number) s.get("elderlyPopulation")).longValue()).isEqualTo(d.elderlyPopulation());
			if (!DemoCareFacilities.HAPPINESS_DISTRICTS.contains(d.code())) {
				assertThat(((Number) s.get("ruralHappinessHomes")).longValue()).as(d.name()).isZero();
			}
		}
		assertThat(institutions).isEqualTo(162);
		assertThat(stations).isEqualTo(470);
		assertThat(homes).isEqualTo(1838);
		assertThat(beds).isEqualTo(52000);
		assertThat(family).isEqualTo(4000);
	}

	@Test
	void gulouDistrictFiguresMatchItsRecords() throws Exception {
		TerritoryNode gulou = territories.lookupByCode("350102").orElseThrow();
		long institutions = count("CARE_INSTITUTION", gulou.path());
		long stations = count("SERVICE_STATION", gulou.path());
		long beds = jdbc.sql("SELECT COALESCE(SUM(beds_total), 0) FROM care_facility WHERE status = 'OPERATING' AND territory_path LIKE ?")
			.param(gulou.path() + "%").query(Long.class).single();
		long communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, gulou.path()).size();
		double perThousand = Math.round(beds * 10_000.0 / gulou.elderlyPopulation()) / 10.0;
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350102").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territoryName").value("鼓楼区"))
			.andExpect(jsonPath("$.careInstitutions").value(institutions))
			.andExpect(jsonPath("$.serviceStations").value(stations))
			.andExpect(jsonPath("$.ruralHappinessHomes").value(0))
			.andExpect(jsonPath("$.beds").value(beds))
			.andExpect(jsonPath("$.elderlyPopulation").value(128000))
			.andExpect(jsonPath("$.bedsPerThousandElderly").value(perThousand))
			.andExpect(jsonPath("$.communities").value(communities))
			.andExpect(jsonPath("$.communitiesServed").value(communities))
			.andExpect(jsonPath("$.serviceCoverageRate").value(1.0));
		assertThat(institutions).isPositive();
		assertThat(stations).isGreaterThanOrEqualTo(communities);
	}

	@Test
	@Transactional
	void aCommunityCountsOnlyOperatingFacilitiesAndLosesCoverageWithoutOne() throws Exception {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350102004001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territoryName").value("军门社区"))
			.andExpect(jsonPath("$.communities").value(1))
			.andExpect(jsonPath("$.serviceCoverageRate").value(1.0))
			.andExpect(jsonPath("$.elderlyPopulation").value(junmen.elderlyPopulation()));
		// Suspend every covering facility that serves 军门社区: the community is no longer covered and its station not counted.
		List<Long> serving = jdbc.sql("""
				SELECT f.id FROM care_facility f JOIN facility_served_area a ON a.facility_id = f.id
				WHERE a.territory_id = ? AND f.kind IN ('SERVICE_STATION', 'DAY_CARE_CENTRE', 'RURAL_HAPPINESS_HOME')
				AND f.status = 'OPERATING'""").param(junmen.id()).query(Long.class).list();
		long stationsHere = count("SERVICE_STATION", junmen.path());
		assertThat(serving).isNotEmpty();
		for (Long id : serving) {
			String json = mvc.perform(get("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("gulou")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			Map<String, Object> f = JsonPath.read(json, "$");
			String draft = """
					{"name": %s, "kind": "%s", "territoryCode": "%s", "bedsTotal": %s, "bedsOccupied": %s,
					 "familyCareBeds": %s, "inclusiveBeds": %s, "status": "SUSPENDED", "servedAreaCodes": %s, "version": %s}"""
				.formatted(quote(f.get("name")), f.get("kind"), f.get("territoryCode"), f.get("bedsTotal"), f.get("bedsOccupied"),
						f.get("familyCareBeds"), f.get("inclusiveBeds"),
						JsonPath.read(json, "$.servedAreas[*].code").toString(), f.get("version"));
			mvc.perform(put("/api/v1/eldercare/facilities/" + id).with(DemoAccounts.as("gulou"))
				.contentType(MediaType.APPLICATION_JSON).content(draft)).andExpect(status().isOk());
		}
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350102004001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serviceCoverageRate").value(0.0))
			.andExpect(jsonPath("$.communitiesServed").value(0))
			.andExpect(jsonPath("$.serviceStations").value(stationsHere - serving.stream()
				.filter(id -> jdbc.sql("SELECT kind FROM care_facility WHERE id = ?").param(id).query(String.class).single()
					.equals("SERVICE_STATION") && jdbc.sql("SELECT territory_path FROM care_facility WHERE id = ?").param(id)
					.query(String.class).single().startsWith(junmen.path()))
				.count()));
	}

	@Test
	void callersOutsideTheTerritoryGet404() throws Exception {
		TerritoryNode jinan = territories.lookupByCode("350111").orElseThrow();
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350102")
			.with(FacilityTestSupport.as("jinan-official", Role.DISTRICT_OFFICIAL, jinan)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350111")
			.with(FacilityTestSupport.as("jinan-official", Role.DISTRICT_OFFICIAL, jinan)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.territoryName").value("晋安区"));
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350100").with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350111003001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
	}

	@Test
	void unknownCodeIs404AndMissingParameter400() throws Exception {
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "999999").with(DemoAccounts.as("admin")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/eldercare/statistics").with(DemoAccounts.as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "").with(DemoAccounts.as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/eldercare/statistics").param("territory", "350100").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOpenApiDescriptionStatesTheCoverageRateScale() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/eldercare/statistics")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("serviceCoverageRate is a NUMBER FROM 0 TO 1")));
	}

	private long count(String kind, String path) {
		return jdbc.sql("SELECT COUNT(*) FROM care_facility WHERE status = 'OPERATING' AND kind = ? AND territory_path LIKE ?")
			.params(kind, path + "%").query(Long.class).single();
	}

	private static String quote(Object s) {
		return "\"" + s.toString().replace("\"", "\\\"") + "\"";
	}
}
