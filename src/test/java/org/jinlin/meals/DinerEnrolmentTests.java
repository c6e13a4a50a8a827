package org.jinlin.meals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.meals.internal.DinerEnrolment;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Enrolment on the demo city: staff enrol an elder of their jurisdiction (category from the register, diets
 * encrypted), she enrols herself in the app; pause and resume (no subsidy while paused); the audited reveal of her
 * diets; the six-monthly re-check.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DinerEnrolmentTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DinerEnrolment enrolment;

	@Autowired
	ApplicationEvents events;

	@Autowired
	UserDetailsService users;

	/** A page request signed in as in a browser session. */
	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** An elder of 军门社区 (60 or over) who is not enrolled yet. */
	long unenrolledElder(int nth) {
		return jdbc.sql("""
				SELECT r.id FROM resident r WHERE r.territory_path LIKE (SELECT path FROM territory_node WHERE code = '350102004001') || '%'
				AND r.status = 'ACTIVE' AND r.birth_date <= ? AND NOT EXISTS (SELECT 1 FROM meal_diner d WHERE d.resident_id = r.id)
				ORDER BY r.id""").param(LocalDate.now(ZONE).minusYears(61)).query(Long.class).list().get(nth);
	}

	long wang() {
		return jdbc.sql("SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
			.query(Long.class)
			.single();
	}

	ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
			String json) throws Exception {
		return mvc.perform(request.with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void staffEnrolAnElderOfTheirJurisdiction() throws Exception {
		long resident = unenrolledElder(0);
		String body = api(post("/api/v1/meals/diners"), "junmen",
				"{\"residentId\":" + resident + ",\"diets\":[\"DIABETIC\",\"SOFT\"],\"allergies\":\"花生\",\"homeDelivery\":true}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.residentId", is((int) resident)))
			.andExpect(jsonPath("$.diets", containsInAnyOrder("DIABETIC", "SOFT", "ALLERGIES")))
			.andExpect(jsonPath("$.homeDelivery", is(true)))
			.andExpect(jsonPath("$.communityCode", is("350102004001")))
			.andExpect(jsonPath("$.name", not(containsString("花生"))))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(body).doesNotContain("花生");
		assertThat(jdbc.sql("SELECT diets FROM meal_diner WHERE id = ?").param(id).query(String.class).single())
			.doesNotContain("花生").doesNotContain("DIABETIC");
		assertThat(jdbc.sql("SELECT eligibility_checked_on FROM meal_diner WHERE id = ?").param(id).query(LocalDate.class).single())
			.isEqualTo(LocalDate.now(ZONE));
		assertThat(jdbc.sql("SELECT place_id FROM meal_diner WHERE id = ?").param(id).query(Long.class).single()).isNotNull();
		assertThat(events.stream(DinerEnrolled.class).filter(e -> e.dinerId() == id)).hasSize(1);
		// twice: 409; the list shows her
		api(post("/api/v1/meals/diners"), "junmen", "{\"residentId\":" + resident + "}").andExpect(status().isConflict());
		mvc.perform(get("/meals/diners/" + id).with(page("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("糖尿病餐")))
			.andExpect(content().string(not(containsString("花生"))));
	}

	@Test
	void badEnrolmentsAreFieldErrorsAndWriteNothing() throws Exception {
		long diners = jdbc.sql("SELECT COUNT(*) FROM meal_diner").query(Long.class).single();
		api(post("/api/v1/meals/diners"), "junmen", "{\"resumeOn\":\"2026-01-01\"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("residentId", "pausedFrom")));
		long young = jdbc.sql("SELECT id FROM resident WHERE birth_date > ? AND status = 'ACTIVE' AND territory_path LIKE "
				+ "(SELECT path FROM territory_node WHERE code = '350102004001') || '%' ORDER BY id LIMIT 1")
			.param(LocalDate.now(ZONE).minusYears(59)).query(Long.class).single();
		api(post("/api/v1/meals/diners"), "junmen", "{\"residentId\":" + young + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("residentId")))
			.andExpect(jsonPath("$.errors[0].message", is("未满 60 周岁，不能登记助餐")));
		// an elder of another street is not in junmen's jurisdiction: the same answer as an unknown one
		long elsewhere = jdbc.sql("SELECT resident_id FROM meal_diner WHERE card_number = 'GL0001'").query(Long.class).single();
		api(post("/api/v1/meals/diners"), "junmen", "{\"residentId\":" + elsewhere + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", is("查无此居民，或不在您的辖区内")));
		api(post("/api/v1/meals/diners"), "junmen", "{\"residentId\":999999999}").andExpect(status().isBadRequest());
		// the page: the form again with the field message
		mvc.perform(post("/meals/diners").with(page("junmen")).with(csrf()).param("residentId", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("格式不正确")));
		mvc.perform(post("/meals/diners").with(page("junmen")).with(csrf()).param("residentId", "" + young))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("未满 60 周岁")));
		api(post("/api/v1/meals/diners"), "canteen1", "{\"residentId\":" + young + "}").andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_diner").query(Long.class).single()).isEqualTo(diners);
	}

	@Test
	void aPausedDinerGetsNoSubsidyAndResumes() throws Exception {
		long diner = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'JM0005'").query(Long.class).single();
		LocalDate today = LocalDate.now(ZONE);
		api(put("/api/v1/meals/diners/" + diner), "junmen",
				"{\"diets\":[\"LOW_SALT\"],\"pausedFrom\":\"" + today + "\",\"resumeOn\":\"" + today.plusDays(3) + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pausedToday", is(true)))
			.andExpect(jsonPath("$.diets", containsInAnyOrder("LOW_SALT")));
		mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.CANTEEN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dinerId\":" + diner + ",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subsidy").value(0.0));
		api(put("/api/v1/meals/diners/" + diner), "junmen",
				"{\"pausedFrom\":\"" + today + "\",\"resumeOn\":\"" + today + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("resumeOn")));
		api(put("/api/v1/meals/diners/" + diner), "junmen", "{\"diets\":[\"LOW_SALT\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pausedToday", is(false)));
		mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.CANTEEN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dinerId\":" + diner + ",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subsidy").value(org.hamcrest.Matchers.greaterThan(0.0)));
		// another jurisdiction's diner: 404
		long elsewhere = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'GL0001'").query(Long.class).single();
		api(put("/api/v1/meals/diners/" + elsewhere), "junmen", "{}").andExpect(status().isNotFound());
	}

	@Test
	void wangManagesHerOwnEnrolmentAndKeepsHerAllergies() throws Exception {
		long wang = wang();
		mvc.perform(get("/meals/me").with(page("resident1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"diner-status\"")));
		api(put("/api/v1/meals/diners/" + wang), "resident1", "{\"diets\":[\"LOW_SALT\"],\"homeDelivery\":false}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.diets", containsInAnyOrder("LOW_SALT")));
		long other = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'JM0002'").query(Long.class).single();
		api(put("/api/v1/meals/diners/" + other), "resident1", "{}").andExpect(status().isNotFound());
		api(post("/api/v1/meals/diners"), "resident1", "{}").andExpect(status().isConflict());
		mvc.perform(get("/meals/diners").with(page("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void aResidentLinkedToTheRegisterEnrolsHerself() throws Exception {
		long elder = unenrolledElder(1);
		Long linked = jdbc.sql("SELECT resident_id FROM account WHERE username = 'resident1'").query(Long.class).single();
		jdbc.sql("UPDATE account SET resident_id = ? WHERE username = 'resident1'").param(elder).update();
		try {
			mvc.perform(post("/meals/me").with(page("resident1")).with(csrf())
				.param("diets", "MINCED").param("homeDelivery", "true"))
				.andExpect(status().is3xxRedirection());
			assertThat(jdbc.sql("SELECT home_delivery FROM meal_diner WHERE resident_id = ?").param(elder)
				.query(Boolean.class).single()).isTrue();
			mvc.perform(get("/meals/me").with(page("resident1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("碎食")));
		}
		finally {
			jdbc.sql("UPDATE account SET resident_id = ? WHERE username = 'resident1'").param(linked).update();
		}
	}

	@Test
	void staffRevealHerDietsWithAPurposeAndItIsAudited() throws Exception {
		long diner = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'JM0006'").query(Long.class).single();
		mvc.perform(get("/meals/diners/" + diner).with(page("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("有过敏")))
			.andExpect(content().string(not(containsString("id=\"diner-allergies\""))));
		mvc.perform(post("/meals/diners/" + diner + "/diets").with(page("junmen")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("必填")));
		mvc.perform(post("/meals/diners/" + diner + "/diets").with(page("junmen")).with(csrf())
			.param("purpose", "核对送餐"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"diner-allergies\"")))
			.andExpect(content().string(containsString("花生")));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE subject_type = 'DINER' AND subject_id = ? AND actor = 'junmen'")
			.param(Long.toString(diner)).query(Long.class).single() == 1);
		mvc.perform(post("/meals/diners/" + diner + "/diets").with(page("canteen1")).with(csrf())
			.param("purpose", "看看"))
			.andExpect(status().isForbidden());
		long elsewhere = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'GL0001'").query(Long.class).single();
		mvc.perform(get("/meals/diners/" + elsewhere).with(page("junmen"))).andExpect(status().isNotFound());
	}

	@Test
	void theSixMonthlyRecheckUpdatesAChangedCategoryAndFlagsOnesPastDue() throws Exception {
		long diner = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'JM0007'").query(Long.class).single();
		LocalDate today = LocalDate.now(ZONE);
		jdbc.sql("UPDATE meal_diner SET category = 'SPECIAL_HARDSHIP', eligibility_checked_on = ? WHERE id = ?")
			.params(today.minusMonths(7), diner).update();
		String register = JsonPath.read(api(get("/api/v1/meals/diners/" + diner), "junmen", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recheckPastDue", is(true)))
			.andReturn().getResponse().getContentAsString(), "$.category");
		mvc.perform(get("/meals/diners?size=100").with(page("junmen")))
			.andExpect(content().string(containsString("复核逾期")));
		assertThat(register).isNotEqualTo("SPECIAL_HARDSHIP");
		assertThat(enrolment.recheck(today)).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT category FROM meal_diner WHERE id = ?").param(diner).query(String.class).single())
			.isEqualTo(register);
		assertThat(jdbc.sql("SELECT eligibility_checked_on FROM meal_diner WHERE id = ?").param(diner).query(LocalDate.class)
			.single()).isEqualTo(today);
		assertThat(events.stream(DinerCategoryChanged.class).filter(e -> e.dinerId() == diner))
			.singleElement()
			.satisfies(e -> assertThat(e.previous()).isEqualTo(DinerCategory.SPECIAL_HARDSHIP))
			.satisfies(e -> assertThat(e.current().name()).isEqualTo(register));
		// a second run the same day finds nothing due for her
		enrolment.recheck(today);
		assertThat(events.stream(DinerCategoryChanged.class).filter(e -> e.dinerId() == diner)).hasSize(1);
	}
}
