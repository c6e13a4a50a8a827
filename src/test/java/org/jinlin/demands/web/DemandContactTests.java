package org.jinlin.demands.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jinlin.support.DemoAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.people.ResidentContact;
import org.jinlin.people.ResidentRegister;
import org.jinlin.territory.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Show contact" on a demand: staff of the demand's area see the resident's full name and phone from the register
 * (or the phone the caller gave), once, with an audit row and a timeline step; another community's worker gets
 * 404 as for the demand itself, the resident who raised it 403, and nothing is recorded for a refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemandContactTests {

	static final String JUNMEN_BUILDING = "350102004001G01C01B01";

	static final String OTHER_STREET_BUILDING = "350102002001G01C01B01";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	@Autowired
	ResidentRegister residents;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	long building(String code) {
		return territories.lookupByCode(code).orElseThrow().id();
	}

	/** A resident of the building's community with a phone in the register. */
	long residentWithPhoneNear(String buildingCode) {
		String community = territories.lookupByCode(buildingCode.substring(0, 12)).orElseThrow().path();
		return jdbc.sql("""
				SELECT id FROM resident WHERE territory_path LIKE ? AND status = 'ACTIVE' AND phone_cipher IS NOT NULL
				ORDER BY id FETCH FIRST 1 ROWS ONLY""").param(community + "%").query(Long.class).single();
	}

	long raise(String by, String json) throws Exception {
		String body = mvc.perform(post("/api/v1/demands").with(as(by)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	long raiseOnBehalf(String by, String buildingCode, long residentId) throws Exception {
		return raise(by, """
				{"categoryCode":"sanitation","description":"楼道垃圾三天没人清","channel":"PHONE_CALL",
				 "locationNodeId":%d,"residentId":%d}""".formatted(building(buildingCode), residentId));
	}

	long auditRows(long demandId, String actor) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE subject_type = 'DEMAND' AND subject_id = ? AND actor = ?
				  AND action = 'PERSONAL_DATA_VIEWED'""").params(Long.toString(demandId), actor).query(Long.class).single();
	}

	@Test
	void staffOfTheAreaSeeNameAndPhoneFromTheRegisterAndTheViewIsAudited() throws Exception {
		long residentId = residentWithPhoneNear(JUNMEN_BUILDING);
		ResidentContact expected = residents.lookupContact(residentId).orElseThrow();
		long id = raiseOnBehalf("junmen", JUNMEN_BUILDING, residentId);

		// masked until asked
		mvc.perform(get("/demands/" + id).with(page("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-show-contact\"")))
			.andExpect(content().string(not(containsString(expected.phone()))));
		assertThat(auditRows(id, "junmen")).isZero();

		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(expected.name()))
			.andExpect(jsonPath("$.phone").value(expected.phone()));

		await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(id, "junmen") == 1);
		String detail = jdbc.sql("SELECT detail FROM audit_event WHERE subject_type = 'DEMAND' AND subject_id = ?")
			.param(Long.toString(id)).query(String.class).single();
		assertThat(detail).doesNotContain(expected.phone()).doesNotContain(expected.name());
		mvc.perform(get("/demands/" + id).with(page("junmen")))
			.andExpect(content().string(containsString("查看了居民联系方式")));
	}

	@Test
	void theDeskButtonFetchesTheContactAsAnHtmxFragment() throws Exception {
		long residentId = residentWithPhoneNear(JUNMEN_BUILDING);
		ResidentContact expected = residents.lookupContact(residentId).orElseThrow();
		long id = raiseOnBehalf("junmen", JUNMEN_BUILDING, residentId);

		mvc.perform(post("/demands/" + id + "/contact").header("HX-Request", "true").with(page("junmen")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-contact\"")))
			.andExpect(content().string(containsString(expected.name())))
			.andExpect(content().string(containsString("href=\"tel:" + expected.phone() + "\"")))
			.andExpect(content().string(not(containsString("<html"))));
		// without htmx the whole page comes back with the contact
		mvc.perform(post("/demands/" + id + "/contact").with(page("junmen")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-detail\"")))
			.andExpect(content().string(containsString("href=\"tel:" + expected.phone() + "\"")));
		await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(id, "junmen") == 2);
	}

	@Test
	void aCallersOwnPhoneComesFirst() throws Exception {
		long id = raise("junmen", """
				{"categoryCode":"sanitation","description":"小区门口垃圾满了","channel":"PHONE_CALL","locationNodeId":%d,
				 "contactName":"李大爷","contactPhone":"13900003333"}""".formatted(building(JUNMEN_BUILDING)));
		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("13900003333"))
			.andExpect(jsonPath("$.name").value("李**"));
		await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(id, "junmen") == 1);
	}

	@Test
	void anotherCommunitysWorkerGetsNotFoundAndNothingIsRecorded() throws Exception {
		long id = raiseOnBehalf("gulou", OTHER_STREET_BUILDING, residentWithPhoneNear(OTHER_STREET_BUILDING));
		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/demands/" + id + "/contact").header("HX-Request", "true").with(page("junmen")).with(csrf()))
			.andExpect(status().isNotFound());
		// the district official over both may
		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("gulou"))).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(id, "gulou") == 1);
		assertThat(auditRows(id, "junmen")).isZero();
	}

	@Test
	void theResidentWhoRaisedItIsRefused() throws Exception {
		long id = raise("resident1", """
				{"categoryCode":"sanitation","description":"楼下垃圾桶满了"}""");
		mvc.perform(get("/api/v1/demands/" + id).with(as("resident1"))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("resident1")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/demands/" + id + "/contact").with(as("junmen"))).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).until(() -> auditRows(id, "junmen") == 1);
		assertThat(auditRows(id, "resident1")).isZero();
	}
}
