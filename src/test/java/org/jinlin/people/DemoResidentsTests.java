package org.jinlin.people;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo residents as stored by the register at start-up: encrypted, in households, with history. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoResidentsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aFewThousandResidentsAreRegisteredWithHistory() {
		long residents = count("SELECT COUNT(*) FROM resident");
		assertThat(residents).isBetween(3_000L, 5_000L);
		assertThat(count("SELECT COUNT(*) FROM resident_change WHERE change_type = 'REGISTERED' AND reason = ?",
				DemoResidents.REASON)).isEqualTo(residents);
		assertThat(count("SELECT COUNT(*) FROM resident WHERE status = 'ACTIVE'")).isEqualTo(residents);
		assertThat(count("SELECT COUNT(DISTINCT household_id) FROM resident")).isEqualTo(count("SELECT COUNT(*) FROM household"));
		assertThat(count("SELECT COUNT(DISTINCT community_id) FROM resident")).isGreaterThan(400);
	}

	@Test
	void junmenLooksAlive() {
		long junmen = count("""
				SELECT COUNT(*) FROM resident r JOIN territory_node c ON c.id = r.community_id WHERE c.code = '350102004001'""");
		assertThat(junmen).isBetween(300L, 310L);
		assertThat(count("""
				SELECT COUNT(*) FROM resident r JOIN territory_node c ON c.id = r.community_id
				WHERE c.code = '350102004001' AND r.tags LIKE '%LIVING_ALONE%'""")).isPositive();
	}

	@Test
	void personalDataIsEncryptedAndMatchesTheGenerator() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT r.name, r.id_number_cipher, r.id_number_masked, r.id_number_index, r.phone_masked, r.birth_date
				FROM resident r WHERE r.name = '王秀兰'""").query().listOfRows();
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
				WHERE c.code = '350111003001' AND r.name = '林玉珠' AND r.tags LIKE '%LIVING_ALONE%'""")).isEqualTo(1L);
	}
}
