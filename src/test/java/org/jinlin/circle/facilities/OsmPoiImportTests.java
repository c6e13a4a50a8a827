package org.jinlin.circle.facilities;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POIs of the shipped Andorra extract: counts per category, idempotent re-import, jurisdiction of the importer. */
@SpringBootTest
@AutoConfigureMockMvc
class OsmPoiImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM circle_facility WHERE source = 'OSM'").update();
	}

	Map<String, Object> run(String user) throws Exception {
		byte[] pbf = new ClassPathResource("osm/andorra.osm.pbf").getContentAsByteArray();
		String body = mvc.perform(multipart("/api/v1/circle/facilities/osm-imports")
			.file(new MockMultipartFile("file", "andorra.osm.pbf", "application/octet-stream", pbf))
			.with(DemoAccounts.as(user)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	@Test
	@SuppressWarnings("unchecked")
	void andorraPoisAreImportedOnceCityWide() throws Exception {
		Map<String, Object> first = run("admin");
		int created = (Integer) first.get("created");
		Map<String, Integer> byCategory = (Map<String, Integer>) first.get("byCategory");
		assertThat((Integer) first.get("nodesRead")).isGreaterThan(50_000);
		assertThat(byCategory).containsKeys("PHARMACY", "SUPERMARKET", "BARBER_BEAUTY");
		assertThat(byCategory.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(created);
		assertThat(created).isEqualTo((Integer) first.get("matched") - (Integer) first.get("skipped"));
		for (Map.Entry<String, Integer> e : byCategory.entrySet()) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM' AND category = ?").param(e.getKey())
				.query(Long.class).single()).as(e.getKey()).isEqualTo(e.getValue().longValue());
		}
		// far from any community of the city: placed at the city node of the importing administrator
		assertThat(jdbc.sql("SELECT DISTINCT territory_id FROM circle_facility WHERE source = 'OSM'").query(Long.class).list())
			.containsExactly(jdbc.sql("SELECT id FROM territory_node WHERE code = '350100'").query(Long.class).single());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM' AND osm_id IS NULL").query(Long.class)
			.single()).isZero();

		Map<String, Object> second = run("admin");
		assertThat(second.get("created")).isEqualTo(0);
		assertThat(second.get("updated")).isEqualTo(0);
		assertThat(second.get("unchanged")).isEqualTo(created);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM'").query(Long.class).single())
			.isEqualTo(created);
	}

	@Test
	void aCommunityWorkerImportsNothingOutsideTheCommunity() throws Exception {
		Map<String, Object> result = run("junmen");
		assertThat(result.get("created")).isEqualTo(0);
		assertThat((Integer) result.get("skipped")).isEqualTo((Integer) result.get("matched")).isPositive();
		mvc.perform(multipart("/api/v1/circle/facilities/osm-imports")
			.file(new MockMultipartFile("file", "x.osm.pbf", "application/octet-stream", "not a pbf".getBytes()))
			.with(DemoAccounts.as("admin")))
			.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/circle/facilities/osm-imports")
			.file(new MockMultipartFile("file", "x.osm.pbf", "application/octet-stream", "x".getBytes()))
			.with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
	}
}
