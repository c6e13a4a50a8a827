package org.jinlin.circle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * The basemap endpoint on the demo city: for a box and a zoom it returns the register's communities, the walking
 * network's streets and the register's buildings inside the box (streets and buildings only when zoomed in), at most
 * the limits per kind, cached by the browser; a malformed or too large box is a 400 problem+json in the caller's
 * language; signed out it is the login page; no tile server is named on any page when none is configured.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BasemapTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A box of about 600 m around a demo building. */
	String boxAroundABuilding() {
		Map<String, Object> b = jdbc.sql("SELECT latitude, longitude FROM territory_node WHERE level = 'BUILDING'"
				+ " AND latitude IS NOT NULL ORDER BY code LIMIT 1").query().singleRow();
		double lat = ((Number) b.get("latitude")).doubleValue();
		double lon = ((Number) b.get("longitude")).doubleValue();
		return (lon - 0.003) + "," + (lat - 0.003) + "," + (lon + 0.003) + "," + (lat + 0.003);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> features(MvcResult result) throws Exception {
		Map<String, Object> fc = JSON.readValue(result.getResponse().getContentAsString(), Map.class);
		assertThat(fc.get("type")).isEqualTo("FeatureCollection");
		return (List<Map<String, Object>>) fc.get("features");
	}

	static long count(List<Map<String, Object>> features, String kind) {
		return features.stream().filter(f -> kind.equals(((Map<?, ?>) f.get("properties")).get("kind"))).count();
	}

	@SuppressWarnings("unchecked")
	static void allPointsInside(List<Map<String, Object>> features, String bbox) {
		String[] b = bbox.split(",");
		double w = Double.parseDouble(b[0]), s = Double.parseDouble(b[1]), e = Double.parseDouble(b[2]),
				n = Double.parseDouble(b[3]);
		for (Map<String, Object> f : features) {
			Map<String, Object> g = (Map<String, Object>) f.get("geometry");
			if ("Point".equals(g.get("type"))) {
				List<Number> c = (List<Number>) g.get("coordinates");
				assertThat(c.get(0).doubleValue()).isBetween(w - 1e-6, e + 1e-6);
				assertThat(c.get(1).doubleValue()).isBetween(s - 1e-6, n + 1e-6);
			}
		}
	}

	@Test
	void zoomedInItDrawsCommunitiesStreetsAndBuildingsOfTheBoxCachedByTheBrowser() throws Exception {
		String bbox = boxAroundABuilding();
		MvcResult result = mvc
			.perform(get("/maps/basemap").param("bbox", bbox).param("zoom", "16")
				.with(user(users.loadUserByUsername(DemoAccounts.RESIDENT))))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=3600")))
			.andReturn();
		List<Map<String, Object>> features = features(result);
		assertThat(count(features, "building")).isPositive();
		assertThat(count(features, "street")).isPositive();
		allPointsInside(features, bbox);
		// only public geography: no names on buildings, no people
		features.stream()
			.filter(f -> "building".equals(((Map<?, ?>) f.get("properties")).get("kind")))
			.forEach(f -> assertThat(((Map<?, ?>) f.get("properties")).keySet().toString()).isEqualTo("[kind]"));
	}

	@Test
	void zoomedOutItDrawsOnlyCommunitiesAndNeverMoreThanTheLimits() throws Exception {
		// the whole of the city's centre at zoom 12: communities only, each with its name
		List<Map<String, Object>> city = features(mvc
			.perform(get("/maps/basemap").param("bbox", "119.1,25.9,119.6,26.3").param("zoom", "12")
				.with(user(users.loadUserByUsername(DemoAccounts.CITY))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(count(city, "community")).isPositive().isEqualTo(city.size()).isLessThanOrEqualTo(Basemap.MAX_COMMUNITIES);
		assertThat(city).allSatisfy(f -> assertThat(((Map<?, ?>) f.get("properties")).get("name")).isNotNull());
		// zoom 13 over the centre: streets, at most the limit, and still no buildings
		List<Map<String, Object>> wide = features(mvc
			.perform(get("/maps/basemap").param("bbox", "119.2,26.0,119.4,26.15").param("zoom", "13")
				.with(user(users.loadUserByUsername(DemoAccounts.CITY))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(count(wide, "street")).isPositive().isLessThanOrEqualTo(Basemap.MAX_STREETS);
		assertThat(count(wide, "building")).isZero();
	}

	@Test
	void aBadOrTooLargeBoxIsAProblemInTheCallersLanguage() throws Exception {
		for (String[] bad : new String[][] { { "119.2,26.0,119.4", "16" }, { "east,26.0,119.4,26.2", "16" },
				{ "119.4,26.0,119.2,26.2", "16" }, { "119.2,26.0,119.4,26.2", "30" }, { "119.2,26.0,119.4,26.2", "17" },
				{ "110,20,120,30", "5" } }) {
			String body = mvc
				.perform(get("/maps/basemap").param("bbox", bad[0]).param("zoom", bad[1])
					.with(user(users.loadUserByUsername(DemoAccounts.RESIDENT))))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(body).as("%s at %s", bad[0], bad[1]).contains("\"status\":400").contains("地图范围无效");
		}
		mvc.perform(get("/maps/basemap").param("lang", "en").with(user(users.loadUserByUsername(DemoAccounts.RESIDENT))))
			.andExpect(status().isBadRequest())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("The map area is invalid"));
	}

	@Test
	void signedOutItIsTheLoginPage() throws Exception {
		mvc.perform(get("/maps/basemap").param("bbox", boxAroundABuilding()).param("zoom", "16"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/login")));
	}

	@Test
	void withoutATileServiceNoPageNamesATileServerAndTheMapSettingsAreOnEveryPage() throws Exception {
		MvcResult page = mvc.perform(get("/demands/new").with(user(users.loadUserByUsername(DemoAccounts.RESIDENT))))
			.andExpect(status().isOk())
			.andReturn();
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("name=\"jl-map\"").contains("data-crs=\"WGS84\"").contains("data-basemap=\"/maps/basemap\"")
			.doesNotContain("data-tiles=")
			.doesNotContainIgnoringCase("openstreetmap");
		assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("img-src 'self' data: blob:;")
			.doesNotContain("openstreetmap");
	}
}
