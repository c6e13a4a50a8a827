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

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

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

		// shops mapped as areas count too, each once
		assertThat((Integer) first.get("fromWays")).isPositive();
		assertThat((Integer) first.get("matched")).isEqualTo((Integer) first.get("fromNodes")
				+ (Integer) first.get("fromWays") + (Integer) first.get("fromRelations"));
		assertThat((Integer) first.get("waysRead")).isGreaterThan(1_000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM' AND osm_type = 'way'")
			.query(Long.class).single()).isPositive();

		Map<String, Object> second = run("admin");
		assertThat(second.get("created")).isEqualTo(0);
		assertThat(second.get("updated")).isEqualTo(0);
		assertThat(second.get("unchanged")).isEqualTo(created);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM'").query(Long.class).single())
			.isEqualTo(created);
	}

	Map<String, Object> runSynthetic() throws Exception {
		String body = mvc.perform(multipart("/api/v1/circle/facilities/osm-imports")
			.file(new MockMultipartFile("file", "areas.osm", "application/xml",
					SyntheticOsm.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.with(DemoAccounts.as("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	@Test
	void shopsMappedAsAreasBecomeFacilitiesOnceEach() throws Exception {
		Map<String, Object> first = runSynthetic();
		assertThat(first).containsEntry("matched", 5).containsEntry("created", 5).containsEntry("fromNodes", 1)
			.containsEntry("fromWays", 2).containsEntry("fromRelations", 2).containsEntry("duplicates", 2)
			.containsEntry("waysRead", 8).containsEntry("relationsRead", 2);
		var rows = jdbc.sql("SELECT name, osm_type, osm_id, latitude, longitude FROM circle_facility WHERE source = 'OSM'")
			.query((rs, n) -> Map.of("name", rs.getString(1), "type", rs.getString(2) + "/" + rs.getLong(3), "lat",
					rs.getDouble(4), "lon", rs.getDouble(5)))
			.list();
		assertThat(rows).extracting(r -> r.get("name")).containsExactlyInAnyOrder(SyntheticOsm.NODE_MARKET,
				SyntheticOsm.AREA_MARKET, SyntheticOsm.ENTRANCE_PHARMACY, SyntheticOsm.RELATION_MARKET,
				SyntheticOsm.RELATION_PHARMACY);
		assertThat(rows).extracting(r -> r.get("type")).containsExactlyInAnyOrder("node/1", "way/20", "way/30",
				"relation/40", "relation/50");
		assertThat(rows).filteredOn(r -> r.get("name").equals(SyntheticOsm.ENTRANCE_PHARMACY))
			.singleElement()
			.satisfies(r -> assertThat(r).containsEntry("lat", SyntheticOsm.ENTRANCE_LAT).containsEntry("lon",
					SyntheticOsm.ENTRANCE_LON));
		// a second import changes nothing; way 20 is not node 20's facility nor relation 40's
		Map<String, Object> second = runSynthetic();
		assertThat(second).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 5);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE source = 'OSM'").query(Long.class).single())
			.isEqualTo(5);
		// the import page reports each kind
		String page = mvc.perform(multipart("/circle/facilities/osm-import")
			.file(new MockMultipartFile("file", "areas.osm", "application/xml",
					SyntheticOsm.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername("admin")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("兴趣点来自节点 1 个、面（线）2 个、多边形关系 2 个").contains("跳过重复的面 2 个");
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
