package org.jinlin.audit;

import org.jinlin.support.DemoAccounts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.jinlin.territory.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A real view of a resident's full personal data through the people API is in the audit log, without the data. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	/** A valid GB 11643 ID number (checksum digit included). */
	static String idNumber(LocalDate birth, int sequence) {
		String body = "350102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	@Test
	void revealIsAuditedForTheDistrictButNotForOthers() throws Exception {
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		String id = idNumber(LocalDate.of(1941, 3, 9), 7 + (int) (System.nanoTime() % 400) * 2);
		String created = mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"name":"审计测试","gender":"MALE","birthDate":"1941-03-09","idNumber":"%s","phone":"13912345678",
						 "buildingId":%d,"unit":"1","room":"101","tags":[],"channel":"PHONE_CALL","reason":"电话登记"}"""
					.formatted(id, building)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long residentId = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/v1/residents/{id}/reveal", residentId).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"办理高龄补贴核实身份\"}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'PERSONAL_DATA_VIEWED' AND subject_id = ?")
			.param(Long.toString(residentId)).query(Long.class).single() == 1);
		String detail = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'PERSONAL_DATA_VIEWED' AND subject_id = ?")
			.param(Long.toString(residentId)).query(String.class).single();
		assertThat(detail).contains("办理高龄补贴核实身份").doesNotContain(id).doesNotContain("13912345678");
		mvc.perform(get("/api/v1/audit-events?action=PERSONAL_DATA_VIEWED&actor=junmen&size=200").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].subjectId", hasItem(Long.toString(residentId))));
		// A district official of 晋安区 (created here) does not see 鼓楼区's entries.
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"jinan-official","displayName":"晋安区民政局","role":"DISTRICT_OFFICIAL","territoryCode":"350111","password":"Jin-an-2026-x"}"""))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/audit-events?action=PERSONAL_DATA_VIEWED&size=200").with(httpBasic("jinan-official", "Jin-an-2026-x")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].subjectId", not(hasItem(Long.toString(residentId)))));
	}
}
