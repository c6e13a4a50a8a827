package org.jinlin.demo;

import org.jinlin.support.DemoAccounts;

import org.jinlin.people.internal.ResidentDraftValidation;

import org.jinlin.shared.PersonalDataCipher;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo residents as stored by the register at start-up: encrypted, in households, with history. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoResidentsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PersonalDataCipher cipher;

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aFewThousandResidentsAreRegisteredWithHistory() {
		// Other tests in this context add residents of their own: look only at the demo's.
		long residents = count("SELECT COUNT(*) FROM resident WHERE created_by = ?", DemoResidents.ACTOR_NAME);
		assertThat(residents).isBetween(3_000L, 5_000L);
		assertThat(count("""
				SELECT COUNT(*) FROM resident_change WHERE change_type = 'REGISTERED' AND reason = ? AND changed_by = ?""",
				DemoResidents.REASON, DemoResidents.ACTOR_NAME)).isEqualTo(residents);
		assertThat(count("SELECT COUNT(*) FROM household WHERE created_by = ?", DemoResidents.ACTOR_NAME))
			.isBetween(residents / 5, residents / 2);
		assertThat(count("SELECT COUNT(DISTINCT community_id) FROM resident WHERE created_by = ?", DemoResidents.ACTOR_NAME))
			.isGreaterThan(400);
	}

	@Test
	void junmenLooksAlive() {
		long junmen = count("""
				SELECT COUNT(*) FROM resident r JOIN territory_node c ON c.id = r.community_id
				WHERE c.code = '350102004001' AND r.created_by = ?""", DemoResidents.ACTOR_NAME);
		assertThat(junmen).isBetween(300L, 310L);
		assertThat(count("""
				SELECT COUNT(*) FROM resident r JOIN territory_node c ON c.id = r.community_id
				WHERE c.code = '350102004001' AND r.tags LIKE '%LIVING_ALONE%'""")).isPositive();
	}

	@Test
	void personalDataIsEncryptedAndMatchesTheGenerator() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT r.name, r.id_number_cipher, r.id_number_masked, r.id_number_index, r.phone_masked, r.birth_date
				FROM resident r WHERE r.name = '王秀兰' AND r.created_by = ?""").param(DemoResidents.ACTOR_NAME).query().listOfRows();
		assertThat(rows).isNotEmpty();
		Map<String, Object> wang = rows.get(0);
		String id = cipher.decrypt((String) wang.get("id_number_cipher"));
		assertThat(ResidentDraftValidation.idNumberValid(id)).isTrue();
		assertThat(id).startsWith("350102");
		assertThat((String) wang.get("id_number_cipher")).doesNotContain(id.substring(6, 14));
		assertThat(wang.get("id_number_index")).isEqualTo(cipher.blindIndex(id));
		assertThat((String) wang.get("id_number_masked")).contains("*").doesNotContain(id.substring(6, 14));
	}

	@Test
	void theEightySixYearOldOfZiyangLivesAlone() {
		assertThat(count("""
				SELECT COUNT(*) FROM resident r JOIN territory_node c ON c.id = r.community_id
				WHERE c.code = '350111003001' AND r.name = '林玉珠' AND r.tags LIKE '%LIVING_ALONE%' AND r.created_by = ?""",
				DemoResidents.ACTOR_NAME)).isEqualTo(1L);
	}

	@Test
	void junmenWorkerListsHerCommunitysResidentsMasked() throws Exception {
		mvc.perform(get("/api/v1/residents").param("size", "50").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", greaterThanOrEqualTo(300)))
			.andExpect(jsonPath("$.items.length()", is(50)));
		mvc.perform(get("/api/v1/residents/count").param("tag", "LIVING_ALONE").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count", greaterThan(0)));
	}

	@Test
	void resident1IsLinkedToHerRecordAndSeesOnlyIt() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT resident_id FROM account WHERE username = 'resident1'").query(Long.class).optional().isPresent());
		long residentId = jdbc.sql("SELECT resident_id FROM account WHERE username = 'resident1'").query(Long.class).single();
		assertThat(jdbc.sql("SELECT name FROM resident WHERE id = ?").param(residentId).query(String.class).single())
			.isEqualTo("王秀兰");
		mvc.perform(get("/api/v1/residents").with(DemoAccounts.as("resident1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].name", is("王秀兰")));
	}
}
