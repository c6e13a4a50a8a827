package org.jinlin.demands;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.jinlin.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Handling on the front line through the API: return and overrule, dispatch to a person, extension asked
 * and approved by a superior, supervision, rework after an unsatisfied rating, a follow-up call, merging
 * duplicates, a grid worker claiming a demand sent to her community, and deliberation of a public matter
 * before handling starts. The rating window closes the demand by itself (ten seconds here: long enough for the
 * follow-up call on a busy machine, short enough to wait for).
 */
@SpringBootTest(properties = { "jinlin.demands.evaluation-window=PT10S", "jinlin.timers.polling-interval=PT0.3S" })
@AutoConfigureMockMvc
class DemandHandlingTests {


	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	final JsonMapper json = JsonMapper.builder().build();

	long building() {
		return territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
	}

	long raise(String category, String user) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("categoryCode", category, "description", "handling " + category,
				"locationNodeId", building()));
		if (!"resident1".equals(user)) {
			body.put("channel", "DOOR_TO_DOOR");
		}
		String created = mvc.perform(post("/api/v1/demands").with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	ResultActions act(String user, long id, String action, String body) throws Exception {
		return mvc.perform(post("/api/v1/demands/" + id + "/" + action).with(httpBasic(user, PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body));
	}

	String statusOf(long id) {
		return jdbc.sql("SELECT status FROM demand WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aReturnedDemandIsOverruledOrDispatchedToAVolunteer() throws Exception {
		long id = raise("sanitation", "resident1");
		act("junmen-grid1", id, "return", "{\"reason\":\"NOT_OUR_RESPONSIBILITY\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		act("junmen-grid1", id, "return", "{\"reason\":\"NOT_OUR_RESPONSIBILITY\",\"note\":\"属于物业\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
		// The grid worker is no dispatcher; the community worker is, and sees it in her queue.
		act("junmen-grid1", id, "overrule", "{\"note\":\"x\"}").andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/demands/queue").with(httpBasic("junmen", PASSWORD)))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("RETURNED"));
		act("junmen", id, "overrule", "{\"note\":\"楼道属于网格巡查范围\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPATCHED")).andExpect(jsonPath("$.handlerName").value("第1网格"));

		act("junmen", id, "dispatch", "{\"assignee\":\"volunteer1\",\"note\":\"请志愿者协助\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("volunteer1"));
		mvc.perform(get("/api/v1/demands/queue").with(httpBasic("volunteer1", PASSWORD)))
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
		act("volunteer1", id, "sign", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		act("junmen", id, "dispatch", "{\"assignee\":\"volunteer1\",\"territoryCode\":\"350102004001\"}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void anExtensionIsApprovedBySuperiorsOnlyAndSupervisionTellsTheHandler() throws Exception {
		long id = raise("sanitation", "junmen");
		act("junmen-grid1", id, "sign", null).andExpect(status().isOk());
		String due = JsonPath.read(mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("junmen", PASSWORD)))
			.andReturn().getResponse().getContentAsString(), "$.handleDueAt");
		act("junmen-grid1", id, "extensions", "{\"workingDays\":40,\"reason\":\"等配件\"}").andExpect(status().isBadRequest());
		act("junmen-grid1", id, "extensions", "{\"workingDays\":3,\"reason\":\"等配件\"}").andExpect(status().isOk());
		act("junmen-grid1", id, "extensions", "{\"workingDays\":3,\"reason\":\"再等等\"}").andExpect(status().isConflict());
		act("junmen-grid1", id, "extensions/decision", "{\"approve\":true}").andExpect(status().isForbidden());
		act("junmen", id, "extensions/decision", "{\"approve\":true,\"note\":\"同意\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.handleDueAt").value(org.hamcrest.Matchers.not(due)));
		act("junmen", id, "supervise", "{\"instruction\":\"本周内办结\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.supervised").value(true));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_notification WHERE demand_id = ? AND kind = 'SUPERVISED'").param(id)
			.query(Long.class).single()).isPositive();
	}

	@Test
	void unsatisfiedSendsItBackForReworkAndTheWindowClosesItAutomatically() throws Exception {
		long id = raise("sanitation", "resident1");
		act("junmen-grid1", id, "sign", null).andExpect(status().isOk());
		act("junmen-grid1", id, "resolve", "{\"outcome\":\"RESOLVED\",\"reply\":\"已处理\"}").andExpect(status().isOk());
		act("resident1", id, "rating", "{\"rating\":\"UNSATISFIED\",\"comment\":\"还有垃圾\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS")).andExpect(jsonPath("$.reworkCount").value(1));
		act("junmen-grid1", id, "resolve", "{\"outcome\":\"RESOLVED\",\"reply\":\"已再次清理\"}").andExpect(status().isOk());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).until(() -> "CLOSED".equals(statusOf(id)));
		assertThat(jdbc.sql("SELECT rework_count FROM demand WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
		act("resident1", id, "rating", "{\"rating\":\"SATISFIED\"}").andExpect(status().isConflict());
	}

	@Test
	void staffRecordAFollowUpCallForResidentsWithoutTheApp() throws Exception {
		long id = raise("sanitation", "junmen");
		act("junmen-grid1", id, "sign", null).andExpect(status().isOk());
		act("junmen-grid1", id, "resolve", "{\"outcome\":\"EXPLAINED\",\"reply\":\"已解释\"}").andExpect(status().isOk());
		act("resident1", id, "follow-up", "{\"rating\":\"SATISFIED\"}").andExpect(status().isNotFound());
		act("junmen", id, "follow-up", "{\"rating\":\"BASICALLY_SATISFIED\",\"comment\":\"电话回访\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.rating").value("BASICALLY_SATISFIED"));
		assertThat(jdbc.sql("SELECT channel FROM demand_rating WHERE demand_id = ?").param(id).query(String.class).single())
			.isEqualTo("FOLLOW_UP_CALL");
	}

	@Test
	void duplicatesAreMergedAndAGridWorkerClaimsACommunityDemandInHerGrid() throws Exception {
		long first = raise("noise", "junmen");
		long second = raise("noise", "junmen");
		// noise goes to the community by default; the grid worker of the place claims it.
		mvc.perform(get("/api/v1/demands/" + first).with(httpBasic("junmen", PASSWORD)))
			.andExpect(jsonPath("$.handlerLevel").value("COMMUNITY"));
		mvc.perform(get("/api/v1/demands/similar?category=noise&location=" + building()).with(httpBasic("resident1", PASSWORD)))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + first + ")]").exists())
			.andExpect(jsonPath("$[0].raiserLabel").doesNotExist());
		act("junmen-grid1", second, "merge", "{\"intoId\":" + first + "}").andExpect(status().isForbidden());
		act("junmen", second, "merge", "{\"intoId\":" + second + "}").andExpect(status().isBadRequest());
		act("junmen", second, "merge", "{\"intoId\":" + first + ",\"note\":\"重复\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("MERGED")).andExpect(jsonPath("$.mergedIntoId").value(first));
		act("junmen-grid1", first, "claim", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.handlerLevel").value("GRID")).andExpect(jsonPath("$.assignee").value("junmen-grid1"));
		act("junmen", first, "claim", null).andExpect(status().isForbidden());
	}

	@Test
	void aPublicMatterIsDeliberatedAndItsDecisionPublishedBeforeHandling() throws Exception {
		long id = raise("property", "junmen");
		act("junmen", id, "public-matter", "{\"note\":\"加装电梯涉及全楼住户\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DELIBERATING"));
		act("junmen", id, "sign", null).andExpect(status().isConflict());
		act("resident1", id, "stance", "{\"stance\":\"SUPPORT\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.support").value(1));
		act("resident1", id, "stance", "{\"stance\":\"OPPOSE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.support").value(0)).andExpect(jsonPath("$.oppose").value(1));
		act("resident1", id, "comments", "{\"text\":\"希望尽快\",\"showName\":true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.comments[0].displayName").value("王**"));
		// without choosing to show her name, her comment is a resident's (no name at all)
		act("resident1", id, "comments", "{\"text\":\"同意\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.comments[1].displayName").value(""));
		act("junmen", id, "meetings", "{\"heldAt\":\"2026-11-20T19:00:00+08:00\",\"agenda\":\"加装电梯\","
				+ "\"expectedParticipants\":30,\"presentParticipants\":20,\"decision\":\"同意加装\",\"votesFor\":15,"
				+ "\"votesAgainst\":4,\"votesAbstain\":2}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("votesFor"));
		String meeting = act("junmen", id, "meetings", "{\"heldAt\":\"2026-11-20T19:00:00+08:00\",\"agenda\":\"加装电梯\","
				+ "\"expectedParticipants\":30,\"presentParticipants\":21,\"decision\":\"同意加装\",\"votesFor\":15,"
				+ "\"votesAgainst\":4,\"votesAbstain\":2}").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long meetingId = ((Number) JsonPath.read(meeting, "$.id")).longValue();
		act("junmen", id, "meetings/" + meetingId + "/publish", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPATCHED"));
		act("resident1", id, "stance", "{\"stance\":\"SUPPORT\"}").andExpect(status().isConflict());
		mvc.perform(get("/api/v1/demands/" + id + "/timeline").with(httpBasic("resident1", PASSWORD)))
			.andExpect(jsonPath("$[?(@.kind == 'DECISION_PUBLISHED')].publicNote").value(org.hamcrest.Matchers.hasItem(
					org.hamcrest.Matchers.containsString("同意加装"))));
	}
}
