package org.jinlin.circle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The elder's circle on the demo city, computed by a real coverage run (its own context, so no fake run replaces it):
 * every community has its elder figures next to the standard ones, never better, and the pages and API show both.
 */
@SpringBootTest(properties = "jinlin.circle.elder.walking-speed-kmh=3.0")
@AutoConfigureMockMvc
class ElderCircleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	long run;

	org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String name) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername(name));
	}

	@BeforeEach
	void finishedRun() {
		await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM circle_run WHERE status IN ('QUEUED','RUNNING')""").query(Long.class).single() == 0
				&& jdbc.sql("SELECT COUNT(*) FROM circle_run WHERE status = 'DONE'").query(Long.class).single() > 0);
		run = jdbc.sql("SELECT MAX(id) FROM circle_run WHERE status = 'DONE'").query(Long.class).single();
	}

	@Test
	void theElderProfileIsComputedForEveryCommunityAndIsNeverBetterThanTheStandardOne() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT covered, elder_covered, residents_covered_share, elder_residents_covered_share, rural
				FROM circle_community_result WHERE run_id = ?""").param(run).query().listOfRows();
		assertThat(rows).isNotEmpty();
		long covered = 0;
		long elderCovered = 0;
		for (Map<String, Object> r : rows) {
			assertThat(r.get("elder_covered")).isNotNull();
			assertThat(((Number) r.get("elder_residents_covered_share")).doubleValue())
				.isLessThanOrEqualTo(((Number) r.get("residents_covered_share")).doubleValue());
			if (Boolean.TRUE.equals(r.get("elder_covered"))) {
				assertThat(r.get("covered")).isEqualTo(true);
			}
			if (!Boolean.TRUE.equals(r.get("rural"))) {
				covered += Boolean.TRUE.equals(r.get("covered")) ? 1 : 0;
				elderCovered += Boolean.TRUE.equals(r.get("elder_covered")) ? 1 : 0;
			}
		}
		assertThat(elderCovered).isLessThanOrEqualTo(covered);
		// every walk takes at least as long at the elder pace, and the walks that are within reach take longer
		List<Map<String, Object>> times = jdbc.sql("SELECT seconds, elder_seconds FROM circle_community_time WHERE run_id = ?")
			.param(run).query().listOfRows();
		long slower = 0;
		for (Map<String, Object> t : times) {
			Number standard = (Number) t.get("seconds");
			Number elder = (Number) t.get("elder_seconds");
			if (elder != null) {
				assertThat(standard).isNotNull();
				assertThat(elder.intValue()).isGreaterThanOrEqualTo(standard.intValue());
				slower += elder.intValue() > standard.intValue() ? 1 : 0;
			}
		}
		assertThat(slower).isPositive();
		assertThat(jdbc.sql("SELECT elder_speed_kmh FROM circle_run WHERE id = ?").param(run).query(Double.class).single())
			.isEqualTo(3.0);
	}

	@Test
	void thePagesAndTheApiShowBothRatesSideBySide() throws Exception {
		String json = mvc.perform(get("/api/v1/circle/coverage").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.area.rate.rate").isNumber())
			.andExpect(jsonPath("$.area.elderRate.rate").isNumber())
			.andExpect(jsonPath("$.children[0].elderRate.communities").isNumber())
			.andExpect(jsonPath("$.run.elderSpeedKmh").value(3.0))
			.andReturn().getResponse().getContentAsString();
		double standard = JsonPath.<Number>read(json, "$.area.rate.rate").doubleValue();
		double elder = JsonPath.<Number>read(json, "$.area.elderRate.rate").doubleValue();
		assertThat(elder).isLessThanOrEqualTo(standard);

		String html = mvc.perform(get("/circle").with(signedIn("city"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(CirclePagesTests.text(html, "circle-rate")).isEqualTo(percent(standard));
		assertThat(CirclePagesTests.text(html, "circle-elder-rate")).isEqualTo(percent(elder));
		assertThat(CirclePagesTests.text(html, "circle-elder-standard")).contains(percent(standard));
		assertThat(CirclePagesTests.text(html, "circle-elder-rule")).contains("3 公里/小时").contains("台阶");
		assertThat(html).contains("class=\"text-end circle-elder-rate\"");

		String community = "350102004001";
		mvc.perform(get("/api/v1/circle/communities/" + community).with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result.covered").isBoolean())
			.andExpect(jsonPath("$.result.elderCovered").isBoolean())
			.andExpect(jsonPath("$.result.elderResidentsCoveredShare").isNumber())
			.andExpect(jsonPath("$.elderTimes").isNotEmpty());
		assertThat(mvc.perform(get("/circle/communities/" + community).with(signedIn("city"))).andReturn()
			.getResponse().getContentAsString()).contains("id=\"circle-community-elder\"")
			.contains("id=\"circle-community-elder-share\"");
	}

	@Test
	void theGapsAreListedForTheElderProfile() throws Exception {
		String standard = mvc.perform(get("/api/v1/circle/gaps").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.profile").value("STANDARD"))
			.andReturn().getResponse().getContentAsString();
		String elder = mvc.perform(get("/api/v1/circle/gaps").param("profile", "elder").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.profile").value("ELDER"))
			.andReturn().getResponse().getContentAsString();
		int standardGaps = JsonPath.<List<?>>read(standard, "$.communities").size();
		int elderGaps = JsonPath.<List<?>>read(elder, "$.communities").size();
		long elderUncovered = jdbc.sql("SELECT COUNT(*) FROM circle_community_result WHERE run_id = ? AND NOT elder_covered")
			.param(run).query(Long.class).single();
		assertThat(elderGaps).isEqualTo(elderUncovered).isGreaterThanOrEqualTo(standardGaps);
		mvc.perform(get("/api/v1/circle/gaps").param("profile", "RUNNER").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("profile"));

		String page = mvc.perform(get("/circle/gaps").param("profile", "ELDER").with(signedIn("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).containsPattern("id=\"circle-gaps-profile-ELDER\"[^>]*aria-current=\"page\"|aria-current=\"page\"[^>]*id=\"circle-gaps-profile-ELDER\"");
		assertThat(page).contains("profile=ELDER");
	}

	static String percent(double share) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
	}
}
