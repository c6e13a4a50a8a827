package org.jinlin.eldercare.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.demo.DemoEldercare;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.support.DemoAccounts;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The elders API against the demo city: jurisdiction, masking, assessments, visits, birthdays, encryption, audit. */
@SpringBootTest
@AutoConfigureMockMvc
class ElderApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	@Autowired
	ElderRegister register;

	@Autowired
	CareTasks tasks;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	/** A signed-in 晋安区 official (no such demo account). */
	RequestPostProcessor jinan() {
		TerritoryNode node = territories.lookupByCode("350111").orElseThrow();
		Actor actor = new Actor(990L, "jinan-official", Set.of(Role.DISTRICT_OFFICIAL), node.id(), node.path(), null, null);
		return authentication(new TestingAuthenticationToken(new TestPrincipal(actor), null, "ROLE_DISTRICT_OFFICIAL"));
	}

	long wang() {
		return register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow().elderId();
	}

	long elderIn(String communityCode) {
		return jdbc.sql("SELECT MIN(id) FROM elder WHERE community_code = ? AND status = 'ACTIVE' AND name <> '王秀兰'")
			.param(communityCode).query(Long.class).single();
	}

	/** A valid GB 11643 ID number (checksum included). */
	static String idNumber(LocalDate birth, int sequence) {
		String body = "350102" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	static String scores(int each) {
		return CareRules.ITEMS.stream().map(i -> String.valueOf(Math.min(each, i.max()))).collect(Collectors.joining(","));
	}

	@Test
	void aCommunityWorkerListsOnlyHerCommunitysEldersWithTheContractFields() throws Exception {
		mvc.perform(get("/api/v1/elders?size=200").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", greaterThan(10)))
			.andExpect(jsonPath("$.items[*].communityCode", everyItem(is("350102004001"))))
			.andExpect(jsonPath("$.items[0].id").isNumber())
			.andExpect(jsonPath("$.items[0].name").isString())
			.andExpect(jsonPath("$.items[0].age", greaterThan(59)))
			.andExpect(jsonPath("$.items[0].livingAlone").isBoolean())
			.andExpect(jsonPath("$.items[0].riskLevel").isString())
			.andExpect(jsonPath("$.items[*].name", hasItem("王秀兰")));
		mvc.perform(get("/api/v1/elders?risk=LOW&size=200").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].riskLevel", everyItem(is("LOW"))));
		mvc.perform(get("/api/v1/elders?community=350111003001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", is(0)));
		mvc.perform(get("/api/v1/elders?page=1&size=5").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page", is(1)))
			.andExpect(jsonPath("$.items.length()", is(5)));
	}

	@Test
	void jurisdictionAndRoles() throws Exception {
		long gulouElder = wang();
		mvc.perform(get("/api/v1/elders/" + gulouElder).with(jinan())).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/elders/" + gulouElder + "/visits").with(jinan()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"HOME_VISIT\",\"findings\":\"x\"}")).andExpect(status().isNotFound());
		long ziyang = elderIn("350111003001");
		mvc.perform(get("/api/v1/elders/" + ziyang).with(jinan())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/elders/" + ziyang).with(DemoAccounts.as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/elders").with(DemoAccounts.as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/elders").with(DemoAccounts.as("canteen1"))).andExpect(status().isForbidden());
		// volunteer1 is 王阿姨's buddy: sees her, and only her
		mvc.perform(get("/api/v1/elders").with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].id", is((int) gulouElder)));
		mvc.perform(get("/api/v1/elders/" + elderIn("350102004001")).with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/elders").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void theProfileIsMaskedAndHealthIsRevealedOnlyWithAnAuditEntry() throws Exception {
		long id = wang();
		String json = mvc.perform(get("/api/v1/elders/" + id).with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name", is("王秀兰")))
			.andExpect(jsonPath("$.contacts.length()", is(2)))
			.andExpect(jsonPath("$.contacts[0].phoneMasked").value(org.hamcrest.Matchers.matchesPattern("1\\d\\d\\*{4}\\d{4}")))
			.andExpect(jsonPath("$.devices[0].deviceId", is("DEMO-PENDANT-0001")))
			.andExpect(jsonPath("$.hasHealthData", is(true)))
			.andReturn().getResponse().getContentAsString();
		String clearPhone = register.emergencyContacts(id).get(0).phone();
		assertThat(json).doesNotContain("高血压").doesNotContain("青霉素").doesNotContain(clearPhone);

		String purpose = "上门走访前了解用药 " + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x");
		mvc.perform(post("/api/v1/elders/" + id + "/health/reveal").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("purpose")));
		mvc.perform(post("/api/v1/elders/" + id + "/health/reveal").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"" + purpose + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conditions", hasItem("高血压")))
			.andExpect(jsonPath("$.allergies", hasItem("青霉素")));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE actor = 'junmen-grid1' AND subject_type = 'ELDER'
				  AND subject_id = ? AND detail LIKE ?""").params(Long.toString(id), "%HEALTH%" + purpose + "%")
			.query(Long.class).single() == 1);
	}

	@Test
	void sensitiveDataIsEncryptedAtRest() throws Exception {
		long id = elderIn("350102004001");
		mvc.perform(put("/api/v1/elders/" + id + "/care").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"livingSituation":"ALONE","mobility":"WALKING_AID","conditions":["阿尔茨海默病早期"],
					 "medicines":["多奈哌齐 每晚1次"],"allergies":["头孢类抗生素"],"doorAccessNotes":"钥匙在楼下王婶家"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.livingAlone", is(true)));
		mvc.perform(put("/api/v1/elders/" + id + "/contacts").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"name\":\"测试女儿\",\"relation\":\"女儿\",\"phone\":\"13712345678\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contacts[0].phoneMasked", is("137****5678")));
		String raw = jdbc.sql("""
				SELECT conditions_cipher || '|' || medicines_cipher || '|' || allergies_cipher || '|' || door_access_cipher
				FROM elder WHERE id = ?""").param(id).query(String.class).single();
		assertThat(raw).doesNotContain("阿尔茨海默").doesNotContain("多奈哌齐").doesNotContain("头孢").doesNotContain("王婶");
		String phone = jdbc.sql("SELECT phone_cipher FROM elder_contact WHERE elder_id = ?").param(id).query(String.class).single();
		assertThat(phone).doesNotContain("13712345678").doesNotContain("12345678");
		assertThat(register.emergencyContacts(id).get(0).phone()).isEqualTo("13712345678");

		mvc.perform(put("/api/v1/elders/" + id + "/contacts").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("[{\"name\":\"\",\"relation\":\"女儿\",\"phone\":\"123\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("contacts[0].phone")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contacts[0].name")));
	}

	@Test
	void anAssessmentComputesTheLevelAndRejectsBadScores() throws Exception {
		long id = elderIn("350102004001");
		String body = mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[" + scores(2) + "],\"dementia\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.dementia", is(true)))
			.andReturn().getResponse().getContentAsString();
		int total = JsonPath.read(body, "$.total");
		int base = JsonPath.read(body, "$.baseLevel");
		assertThat(base).isEqualTo(CareRules.level(total));
		assertThat((int) JsonPath.read(body, "$.level")).isEqualTo(Math.min(4, base + 1));
		mvc.perform(get("/api/v1/elders/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.abilityLevel", is(Math.min(4, base + 1))))
			.andExpect(jsonPath("$.reassessmentDue", is(LocalDate.now(CareRules.ZONE).plusMonths(6).toString())));

		mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[1,2,3]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field", is("scores")));
		String tooHigh = IntStream.range(0, 26).mapToObj(i -> i == 18 ? "3" : "0").collect(Collectors.joining(","));
		mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[" + tooHigh + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("scores[18]")));
		mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("volunteer1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[" + scores(2) + "]}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("dongjie"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[" + scores(2) + "]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void twoFallsInThirtyDaysRaiseTheLevel() throws Exception {
		long id = jdbc.sql("SELECT MAX(id) FROM elder WHERE community_code = '350102004001'").query(Long.class).single();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/api/v1/elders/" + id + "/risk-events").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"FALL\",\"occurredOn\":\"" + LocalDate.now(CareRules.ZONE).minusDays(3 + i) + "\"}"))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/api/v1/elders/" + id + "/assessments").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"scores\":[" + scores(4) + "]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total", is(90)))
			.andExpect(jsonPath("$.baseLevel", is(0)))
			.andExpect(jsonPath("$.riskEvents", is(2)))
			.andExpect(jsonPath("$.level", is(1)));
	}

	@Test
	void aVisitMovesTheNextVisitAndOverdueListsOnlyOverdue() throws Exception {
		String overdue = mvc.perform(get("/api/v1/elders/visits/overdue").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Integer> ids = JsonPath.read(overdue, "$[*].elderId");
		assertThat(ids).isNotEmpty();
		List<Integer> days = JsonPath.read(overdue, "$[*].daysOverdue");
		assertThat(days).allMatch(d -> d > 0);
		long id = ids.get(0);
		mvc.perform(post("/api/v1/elders/" + id + "/visits").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOME_VISIT\",\"findings\":\"\"}"))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
		mvc.perform(post("/api/v1/elders/" + id + "/visits").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOME_VISIT\",\"findings\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("findings")));
		mvc.perform(post("/api/v1/elders/" + id + "/visits").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"PHONE_CHECK_IN\",\"findings\":\"电话问候，老人一切安好\",\"followUp\":false}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind", is("PHONE_CHECK_IN")))
			.andExpect(jsonPath("$.visitor", is("junmen")));
		mvc.perform(get("/api/v1/elders/" + id).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.visitOverdue", is(false)));
		String after = mvc.perform(get("/api/v1/elders/visits/overdue").with(DemoAccounts.as("junmen")))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(after, "$[*].elderId")).doesNotContain((int) id);
		// the buddy records a phone check-in for 王阿姨
		mvc.perform(post("/api/v1/elders/" + wang() + "/visits").with(DemoAccounts.as("volunteer1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PHONE_CHECK_IN\",\"findings\":\"电话问候\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void birthdaysAndTheBirthdayTaskCreatedOnce() throws Exception {
		LocalDate today = LocalDate.now(CareRules.ZONE);
		long id = elderIn("350102004001");
		LocalDate birth = today.plusDays(3).minusYears(75);
		jdbc.sql("UPDATE elder SET birth_date = ? WHERE id = ?").params(birth, id).update();
		tasks.createBirthdayTasks(today);
		assertThat(tasks.createBirthdayTasks(today)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM elder_task WHERE elder_id = ? AND kind = 'BIRTHDAY_VISIT'").param(id)
			.query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/api/v1/elders/birthdays?days=7").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.elderId == " + id + ")].inDays", hasItem(3)))
			.andExpect(jsonPath("$[?(@.elderId == " + id + ")].taskOpen", hasItem(true)))
			.andExpect(jsonPath("$[?(@.elderId == " + id + ")].turning", hasItem(75)));
		mvc.perform(get("/api/v1/elders/birthdays?days=30").with(DemoAccounts.as("junmen"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/elders/birthdays?days=10").with(DemoAccounts.as("junmen")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("days")));
		mvc.perform(post("/api/v1/elders/" + id + "/visits").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"BIRTHDAY_VISIT\",\"findings\":\"送上生日蛋糕\"}"))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT status FROM elder_task WHERE elder_id = ?").param(id).query(String.class).single())
			.isEqualTo("DONE");
	}

	@Test
	void devicesAreUnique() throws Exception {
		long id = elderIn("350102004001");
		mvc.perform(post("/api/v1/elders/" + id + "/devices").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"deviceId\":\"DEMO-PENDANT-0001\",\"kind\":\"PENDANT\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("deviceId")));
		mvc.perform(post("/api/v1/elders/" + id + "/devices").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"deviceId\":\"TEST-FALL-42\",\"kind\":\"FALL_DETECTOR\"}"))
			.andExpect(status().isOk());
		assertThat(register.locateByDevice("TEST-FALL-42").orElseThrow().elderId()).isEqualTo(id);
	}

	@Test
	void aResidentRegisteredAtSeventyGetsAProfile() throws Exception {
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		LocalDate birth = LocalDate.now(CareRules.ZONE).minusYears(70).minusDays(10);
		String id = idNumber(birth, 320);
		String created = mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"新登记老人","gender":"FEMALE","birthDate":"%s","idNumber":"%s","phone":"13912340000",
					 "buildingId":%d,"unit":"1","room":"102","tags":["LIVING_ALONE"],"channel":"PHONE_CALL"}"""
				.formatted(birth, id, building)))
			.andReturn().getResponse().getContentAsString();
		assertThat(created).contains("\"id\"");
		long residentId = ((Number) JsonPath.read(created, "$.id")).longValue();
		await().atMost(Duration.ofSeconds(10)).until(() -> register.locateByResident(residentId).isPresent());
		long elderId = register.locateByResident(residentId).orElseThrow().elderId();
		mvc.perform(get("/api/v1/elders/" + elderId).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.livingSituation", is("ALONE")))
			.andExpect(jsonPath("$.age", is(70)));
	}
}
