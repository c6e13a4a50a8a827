package org.jinlin.consultation;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A consultation over the API, from topic to published result: 四议两公开 with a party members' meeting that fails
 * its quorum and is held again, votes exceeding those present refused, stages in order, nothing published before the
 * decision; then progress, the result, residents' ratings, the public board signed out and the figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ConsultationFlowTests {

	static final String JUNMEN = "350102004001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
			String json) throws Exception {
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request.with(DemoAccounts.as(user)));
	}

	long committeeTopic(String title) throws Exception {
		String body = call(post("/api/v1/consultation/topics"), "junmen", """
				{"title": "%s", "description": "楼道加装照明，费用由维修资金列支", "source": "COMMITTEE", "community": "%s"}"""
			.formatted(title, JUNMEN))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ELIGIBLE"))
			.andExpect(jsonPath("$.source").value("COMMITTEE"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	ResultActions sitting(long id, int seq, int expected, int present, int yes, int no, int abstain, String decision)
			throws Exception {
		return call(post("/api/v1/consultation/topics/" + id + "/stages/" + seq + "/sittings"), "junmen", """
				{"heldAt": "2026-01-05T02:00:00Z", "expected": %d, "present": %d, "votesFor": %d, "votesAgainst": %d,
				 "votesAbstain": %d, "minutes": "会议记录", "decision": %s}"""
			.formatted(expected, present, yes, no, abstain, decision == null ? "null" : "\"" + decision + "\""));
	}

	long sittings(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM consultation_sitting WHERE topic_id = ?").param(id).query(Long.class).single();
	}

	int figure(String path) throws Exception {
		String body = call(get("/api/v1/consultation/figures"), "junmen", null).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		Object v = JsonPath.read(body, "$" + path + "");
		return v == null ? 0 : ((Number) v).intValue();
	}

	int completedCommitteeTopics() throws Exception {
		String body = call(get("/api/v1/consultation/figures"), "junmen", null).andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Number>> all = JsonPath.read(body, "$.bySourceAndStatus");
		Map<String, Number> committee = all.getOrDefault("COMMITTEE", Map.of());
		return committee.getOrDefault("COMPLETED", 0).intValue();
	}

	@Test
	void fourDeliberationsTwoPublicationsFromTopicToPublishedResult() throws Exception {
		int quorumFailures = figure(".quorumFailures");
		int satisfied = figure(".satisfaction.SATISFIED");
		int completed = completedCommitteeTopics();
		long id = committeeTopic("军门社区老旧小区楼道照明改造");
		call(put("/api/v1/consultation/topics/" + id + "/arrangement"), "junmen", """
				{"form": "REPRESENTATIVES_MEETING", "fourTwo": true, "venue": "军门社区协商议事室",
				 "participants": [{"kind": "REPRESENTATIVE", "name": "林代表", "role": "居民代表"},
				                  {"kind": "UNIT", "name": "鼓楼供电所", "role": "共建单位"},
				                  {"kind": "EXPERT", "name": "陈工", "role": "电气工程师"}]}""")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FIXED"))
			.andExpect(jsonPath("$.procedureCode").value("FOUR_TWO"));
		call(post("/api/v1/consultation/topics/" + id + "/materials"), "junmen", "{\"text\": \"改造方案与预算\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.materialsSentAt").exists());

		// stages go in order; nothing is published before the decision
		sitting(id, 1, 9, 7, 6, 1, 0, null).andExpect(status().isConflict());
		call(post("/api/v1/consultation/topics/" + id + "/decision/publication"), "junmen", null)
			.andExpect(status().isConflict());
		sitting(id, 0, 7, 7, 0, 0, 0, null).andExpect(status().isOk());
		sitting(id, 1, 9, 7, 6, 1, 0, null).andExpect(status().isOk());

		// the party members' meeting: 18 of 30 is short of two-thirds, so it fails and the next stage waits
		sitting(id, 2, 30, 18, 18, 0, 0, null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FIXED"));
		sitting(id, 3, 45, 40, 30, 8, 2, "同意改造").andExpect(status().isConflict());
		// votes beyond those present are refused, and nothing is written
		long before = sittings(id);
		sitting(id, 2, 30, 24, 20, 4, 1, null).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("votesFor"))
			.andExpect(jsonPath("$.errors[0].code").value("consultation.stage.votes-exceed-present"));
		assertThat(sittings(id)).isEqualTo(before);
		// held again with a quorum
		sitting(id, 2, 30, 24, 20, 3, 1, null).andExpect(status().isOk());

		// the residents' representatives decide: more than present refused, then passed
		sitting(id, 3, 45, 40, 41, 0, 0, "同意改造").andExpect(status().isBadRequest());
		sitting(id, 3, 45, 40, 30, 8, 2, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("consultation.sitting.decision-required"));
		sitting(id, 3, 45, 40, 30, 8, 2, "同意楼道照明改造，三个月内完工").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECIDED")).andExpect(jsonPath("$.publishDueAt").exists());

		call(get("/api/v1/consultation/topics/" + id), "gulou", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.stages[2].status").value("PASSED"))
			.andExpect(jsonPath("$.stages[2].sittings.length()").value(2))
			.andExpect(jsonPath("$.stages[2].sittings[0].quorumMet").value(false))
			.andExpect(jsonPath("$.stages[2].sittings[1].passed").value(true))
			.andExpect(jsonPath("$.participants.length()").value(3));

		// the result cannot come before the decision is published
		call(post("/api/v1/consultation/topics/" + id + "/result"), "junmen", "{\"text\": \"已完工\"}")
			.andExpect(status().isConflict());
		call(post("/api/v1/consultation/topics/" + id + "/decision/publication"), "junmen", null)
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
		call(post("/api/v1/consultation/topics/" + id + "/progress"), "junmen",
				"{\"note\": \"灯具已采购\", \"evidence\": \"采购单 2026-01-10\"}")
			.andExpect(status().isOk());
		// residents rate only a published result
		call(put("/api/v1/consultation/topics/" + id + "/rating"), "resident1", "{\"choice\": \"SATISFIED\"}")
			.andExpect(status().isConflict());
		call(post("/api/v1/consultation/topics/" + id + "/result"), "junmen", "{\"text\": \"32 盏灯已装好并验收\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
		call(put("/api/v1/consultation/topics/" + id + "/rating"), "resident1", "{\"choice\": \"BASICALLY_SATISFIED\"}")
			.andExpect(status().isOk());
		call(put("/api/v1/consultation/topics/" + id + "/rating"), "resident1", "{\"choice\": \"SATISFIED\"}")
			.andExpect(status().isOk());
		call(get("/api/v1/consultation/topics/" + id), "resident1", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.ratings.SATISFIED").value(1))
			.andExpect(jsonPath("$.ratings.BASICALLY_SATISFIED").value(0))
			.andExpect(jsonPath("$.mine.rating").value("SATISFIED"));

		// the public board, signed out
		mvc.perform(get("/public/consultation/" + JUNMEN)).andExpect(status().isOk())
			.andExpect(content().string(containsString("同意楼道照明改造，三个月内完工")))
			.andExpect(content().string(containsString("32 盏灯已装好并验收")));

		assertThat(figure(".quorumFailures")).isEqualTo(quorumFailures + 1);
		assertThat(figure(".satisfaction.SATISFIED")).isEqualTo(satisfied + 1);
		assertThat(completedCommitteeTopics()).isEqualTo(completed + 1);
		call(get("/api/v1/consultation/topics?quorumFailed=true"), "junmen", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem((int) id)));
	}

	@Test
	void officialsReadOnlyOtherJurisdictionsSeeNothing() throws Exception {
		long id = committeeTopic("社区停车管理");
		call(get("/api/v1/consultation/topics/" + id), "dongjie", null).andExpect(status().isOk());
		call(put("/api/v1/consultation/topics/" + id + "/arrangement"), "gulou", "{\"form\": \"COUNCIL\"}")
			.andExpect(status().isForbidden());
		call(get("/api/v1/consultation/topics/" + id), "volunteer1", null).andExpect(status().isForbidden());
		call(put("/api/v1/consultation/topics/" + id + "/arrangement"), "junmen", "{\"form\": \"NOPE\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem("form")));
		call(post("/api/v1/consultation/topics"), "junmen", "{\"title\": \"x\", \"source\": \"UNIT\", \"community\": \"350111003001\"}")
			.andExpect(status().isBadRequest()); // no unit named
		call(post("/api/v1/consultation/topics"), "junmen",
				"{\"title\": \"x\", \"source\": \"COMMITTEE\", \"community\": \"350111003001\"}")
			.andExpect(status().isNotFound()); // another street's community
	}

	@Test
	void residentsProposeSupportAndVoteSecretlyOnline() throws Exception {
		String body = call(post("/api/v1/consultation/topics"), "resident1",
				"{\"title\": \"小区增设电动车充电桩\", \"description\": \"楼下电动车乱停\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.source").value("RESIDENT"))
			.andExpect(jsonPath("$.status").value("PROPOSED")).andExpect(jsonPath("$.supporters").value(1))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		// staff see it in their list; a proposal still gathering supporters cannot be fixed
		call(get("/api/v1/consultation/topics?source=RESIDENT"), "junmen", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem((int) id)));
		call(put("/api/v1/consultation/topics/" + id + "/arrangement"), "junmen", "{\"form\": \"ONLINE\"}")
			.andExpect(status().isConflict());
		jdbc.sql("UPDATE consultation_topic SET status = 'ELIGIBLE' WHERE id = ?").param(id).update();
		call(put("/api/v1/consultation/topics/" + id + "/arrangement"), "junmen", "{\"form\": \"ONLINE\"}")
			.andExpect(status().isOk());
		call(put("/api/v1/consultation/topics/" + id + "/ballot"), "resident1", "{\"choice\": \"FOR\"}")
			.andExpect(status().isConflict()); // not open yet
		call(post("/api/v1/consultation/topics/" + id + "/vote/open"), "junmen", null).andExpect(status().isOk());
		call(put("/api/v1/consultation/topics/" + id + "/ballot"), "junmen", "{\"choice\": \"FOR\"}")
			.andExpect(status().isForbidden());
		call(put("/api/v1/consultation/topics/" + id + "/ballot"), "resident1", "{\"choice\": \"FOR\"}")
			.andExpect(status().isOk());
		// secret: the ballot carries no voter, and it cannot be changed
		call(put("/api/v1/consultation/topics/" + id + "/ballot"), "resident1", "{\"choice\": \"AGAINST\"}")
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM consultation_ballot WHERE topic_id = ? AND account IS NOT NULL").param(id)
			.query(Long.class).single()).isZero();
		call(get("/api/v1/consultation/topics/" + id), "resident1", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.mine.voted").value(true)).andExpect(jsonPath("$.mine.canVote").value(false))
			.andExpect(content().string(not(containsString("\"choice\""))));
		call(post("/api/v1/consultation/topics/" + id + "/vote/close"), "junmen", "{\"decision\": \"同意增设充电桩\"}")
			.andExpect(status().isOk());
		call(get("/api/v1/consultation/topics/" + id), "junmen", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.stages[0].sittings[0].online").value(true))
			.andExpect(jsonPath("$.stages[0].sittings[0].present").value(1))
			.andExpect(jsonPath("$.stages[0].sittings[0].votesFor").value(1));
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	org.springframework.test.web.servlet.request.RequestPostProcessor page(String user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername(user));
	}

	@org.junit.jupiter.api.Test
	void theFiguresPageAndItsWorkbookRenderForStaff() throws Exception {
		mvc.perform(get("/consultation/figures").with(page("junmen")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"figures-table\"")));
		mvc.perform(get("/consultation/figures/export.xlsx").with(page("junmen")))
			.andExpect(status().isOk());
		mvc.perform(get("/consultation/figures").with(page("resident1"))).andExpect(status().isForbidden());
	}
}
