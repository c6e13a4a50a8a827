package org.jinlin.party.web;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The party API: coverage figures of the demo city, jurisdiction (404) and roles (403), validation (400), tasks. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PartyApiTests {

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long compoundsUnder(String code) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM territory_node c WHERE c.level = 'COMPOUND'
				AND c.path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'""").param(code).query(Long.class).single();
	}

	long orgId(String kind, String communityCode) {
		return jdbc.sql("""
				SELECT MIN(id) FROM party_org WHERE kind = ?
				AND territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'""").params(kind, communityCode)
			.query(Long.class).single();
	}

	@Test
	void gulouIsFullyCoveredAndJinanIsNot() throws Exception {
		long gulou = compoundsUnder("350102");
		assertThat(gulou).isPositive();
		mvc.perform(get("/api/v1/party/coverage").param("territory", "350102").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.compounds").value(gulou))
			.andExpect(jsonPath("$.covered").value(gulou)).andExpect(jsonPath("$.rate").value(1.0))
			.andExpect(jsonPath("$.children[0].rate").value(1.0));
		String body = mvc.perform(get("/api/v1/party/coverage").param("territory", "350100").with(DemoAccounts.as("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int jinanCompounds = ((Number) JsonPath.<java.util.List<Object>>read(body, "$.children[?(@.code == '350111')].compounds")
			.get(0)).intValue();
		int jinanCovered = ((Number) JsonPath.<java.util.List<Object>>read(body, "$.children[?(@.code == '350111')].covered")
			.get(0)).intValue();
		assertThat(jinanCompounds).isEqualTo(compoundsUnder("350111"));
		assertThat(jinanCovered).isLessThan(jinanCompounds).isGreaterThan(jinanCompounds * 8 / 10);
		double cityRate = ((Number) JsonPath.read(body, "$.rate")).doubleValue();
		assertThat(cityRate).isLessThan(1.0).isGreaterThan(0.9);
		assertThat(((Number) JsonPath.read(body, "$.compounds")).longValue()).isEqualTo(compoundsUnder("350100"));
	}

	@Test
	void anUncoveredCompoundGetsCoveredByANewBranch() throws Exception {
		String compound = jdbc.sql("""
				SELECT MIN(c.code) FROM territory_node c WHERE c.level = 'COMPOUND'
				AND c.path LIKE (SELECT path FROM territory_node WHERE code = '350111') || '%'
				AND c.id NOT IN (SELECT compound_id FROM party_org_compound)""").query(String.class).single();
		String community = compound.substring(0, 12);
		String before = mvc.perform(get("/api/v1/party/coverage").param("territory", community).with(DemoAccounts.as("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int covered = JsonPath.read(before, "$.covered");
		long committee = orgId("COMMUNITY_COMMITTEE", community);
		mvc.perform(post("/api/v1/party/organisations").with(DemoAccounts.as("city")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "新建小区党支部", "kind": "COMPOUND_BRANCH", "parentId": %d, "territoryCode": "%s",
					 "secretaryName": "林书记", "secretaryCadre": "RETIRED", "secretaryPhone": "13812345678", "memberCount": 9,
					 "compoundCodes": ["%s"]}""".formatted(committee, compound, compound)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.secretaryPhone").value("138****5678"))
			.andExpect(jsonPath("$.compounds[0].code").value(compound));
		mvc.perform(get("/api/v1/party/coverage").param("territory", community).with(DemoAccounts.as("city")))
			.andExpect(jsonPath("$.covered").value(covered + 1));
		String stored = jdbc.sql("SELECT secretary_phone_cipher FROM party_org WHERE name = '新建小区党支部'").query(String.class)
			.single();
		assertThat(stored).doesNotContain("13812345678");
	}

	@Test
	void jurisdictionRolesAndValidation() throws Exception {
		mvc.perform(get("/api/v1/party/coverage").param("territory", ZIYANG).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/party/coverage").param("territory", JUNMEN).with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/party/coverage").param("territory", JUNMEN).with(DemoAccounts.as("member1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/party/organisations/" + orgId("COMMUNITY_COMMITTEE", ZIYANG)).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/party/organisations/" + orgId("COMMUNITY_COMMITTEE", ZIYANG)).with(DemoAccounts.as("city")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.territoryCode").value(ZIYANG));
		// the committee of 军门社区 with its roster: 张敏 (member1), phones masked
		mvc.perform(get("/api/v1/party/organisations/" + orgId("COMMUNITY_COMMITTEE", JUNMEN)).with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.members[*].accountUsername", hasItem("member1")))
			.andExpect(jsonPath("$.members[0].phone").value(org.hamcrest.Matchers.matchesPattern("\\d{3}\\*{4}\\d{4}")))
			.andExpect(jsonPath("$.children[*].kind", hasItem("COMPOUND_BRANCH")))
			.andExpect(jsonPath("$.children[*].kind", hasItem("BUSINESS_DISTRICT_ORG")));
		mvc.perform(post("/api/v1/party/organisations").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"CLUB\", \"secretaryPhone\": \"12\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("territoryCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("secretaryPhone")));
		mvc.perform(post("/api/v1/party/organisations").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"紫阳商圈党委\", \"kind\": \"BUSINESS_DISTRICT_ORG\", \"territoryCode\": \"" + ZIYANG + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/party/organisations").with(DemoAccounts.as("junmen-grid1")).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/party/organisations").param("kind", "COMMUNITY_COMMITTEE").with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items[*].territoryName", not(hasItem("紫阳社区"))));
	}

	@Test
	void aMeetingTaskIsTrackedToCompletion() throws Exception {
		long task = jdbc.sql("""
				SELECT MIN(t.id) FROM party_task t WHERE t.status = 'OPEN' AND t.due_on < CURRENT_DATE
				AND t.territory_path = (SELECT path FROM territory_node WHERE code = ?)""").param(JUNMEN).query(Long.class).single();
		mvc.perform(get("/api/v1/party/tasks/overdue").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) task)));
		mvc.perform(post("/api/v1/party/tasks/" + task + "/done").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \" \"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
		mvc.perform(post("/api/v1/party/tasks/" + task + "/done").with(DemoAccounts.as("junmen-grid1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/party/tasks/" + task + "/done").with(DemoAccounts.as("volunteer1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/party/tasks/" + task + "/done").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"电梯加装方案已报街道\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.completedBy").value("junmen"));
		mvc.perform(post("/api/v1/party/tasks/" + task + "/done").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"again\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/party/tasks/overdue").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) task))));
	}

	@Test
	void aMeetingIsRecordedWithResolutionsAndTasks() throws Exception {
		long committee = orgId("COMMUNITY_COMMITTEE", JUNMEN);
		long unit = jdbc.sql("SELECT MIN(id) FROM party_unit WHERE territory_path = (SELECT path FROM territory_node WHERE code = ?)")
			.param(JUNMEN).query(Long.class).single();
		mvc.perform(post("/api/v1/party/meetings").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"committeeId": %d, "heldOn": "2026-05-20", "agenda": "停车难问题", "attendees": "军门社区党委、共建单位",
					 "resolutions": [{"content": "错时共享停车位", "tasks": [{"title": "开放单位停车场", "ownerUnitId": %d,
					 "dueOn": "2026-06-30"}, {"title": "bad", "ownerName": "社区", "dueOn": "soon"}]}]}""".formatted(committee, unit)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("resolutions[0].tasks[1].dueOn"));
		mvc.perform(post("/api/v1/party/meetings").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"committeeId": %d, "heldOn": "2026-05-20", "agenda": "停车难问题", "attendees": "军门社区党委、共建单位",
					 "resolutions": [{"content": "错时共享停车位", "tasks": [{"title": "开放单位停车场", "ownerUnitId": %d,
					 "dueOn": "2026-06-30"}]}]}""".formatted(committee, unit)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.resolutions[0].tasks[0].status").value("OPEN"))
			.andExpect(jsonPath("$.resolutions[0].tasks[0].ownerUnitId").value(unit));
		mvc.perform(post("/api/v1/party/meetings").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"committeeId": %d, "heldOn": "2026-05-20", "agenda": "x", "attendees": "y"}"""
				.formatted(orgId("COMMUNITY_COMMITTEE", ZIYANG))))
			.andExpect(status().isNotFound());
	}

	@Test
	void alliancesShowOnlyUnitsOfTheJurisdiction() throws Exception {
		mvc.perform(get("/api/v1/party/alliances").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].units.length()").value(5));
		long ziyangUnit = jdbc.sql("SELECT MIN(id) FROM party_unit WHERE territory_path = (SELECT path FROM territory_node WHERE code = ?)")
			.param(ZIYANG).query(Long.class).single();
		mvc.perform(get("/api/v1/party/units/" + ziyangUnit).with(DemoAccounts.as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/party/units/" + ziyangUnit).with(DemoAccounts.as("city"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.commitments.length()").value(2));
		mvc.perform(get("/api/v1/party/committee-members").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
	}
}
