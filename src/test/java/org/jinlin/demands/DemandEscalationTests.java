package org.jinlin.demands;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import org.jinlin.demands.internal.DemandTimers;

import java.time.Duration;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Escalation with a shortened deadline (every deadline is two seconds here): an unsigned demand climbs
 * grid → community → street → district, each level is told, and it stops at the district; a signed demand
 * that is not handled in time is escalated to the community for supervision.
 */
@SpringBootTest(properties = { "jinlin.demands.deadline-override=PT2S", "jinlin.timers.polling-interval=PT0.3S" })
@AutoConfigureMockMvc
class DemandEscalationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	final JsonMapper json = JsonMapper.builder().build();

	long raise() throws Exception {
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		String body = json.writeValueAsString(Map.of("categoryCode", "sanitation", "description", "escalation probe",
				"locationNodeId", building));
		String created = mvc.perform(post("/api/v1/demands").with(httpBasic("resident1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	long handlerNode(long id) {
		return jdbc.sql("SELECT handler_node_id FROM demand WHERE id = ?").param(id).query(Long.class).single();
	}

	long node(String code) {
		return territories.lookupByCode(code).orElseThrow().id();
	}

	@Test
	void anUnsignedDemandClimbsTheTreeAndEachLevelIsTold() throws Exception {
		long id = raise();
		assertThat(handlerNode(id)).isEqualTo(node("350102004001G01"));

		await().atMost(Duration.ofSeconds(20)).until(() -> handlerNode(id) == node("350102004001"));
		assertThat(notified(id, node("350102004001"))).isTrue();
		await().atMost(Duration.ofSeconds(20)).until(() -> handlerNode(id) == node("350102004000"));
		assertThat(notified(id, node("350102004000"))).isTrue();
		await().atMost(Duration.ofSeconds(20)).until(() -> handlerNode(id) == node("350102"));
		assertThat(notified(id, node("350102"))).isTrue();

		// At the district it stops climbing: one last reminder at most, then no more timers.
		await().atMost(Duration.ofSeconds(20)).until(() -> escalations(id) >= 3 && pendingTimers(id) == 0);
		int settled = escalations(id);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> escalations(id) == settled);
		assertThat(escalations(id)).isEqualTo(settled).isLessThanOrEqualTo(4);
		assertThat(jdbc.sql("SELECT status FROM demand WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("DISPATCHED");
		assertThat(jdbc.sql("SELECT signed_on_time FROM demand WHERE id = ?").param(id).query(Boolean.class).optional())
			.isEmpty();
	}

	@Test
	void aSignedDemandNotHandledInTimeIsEscalatedForSupervisionAndSignedLate() throws Exception {
		long id = raise();
		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT escalated_node_id FROM demand WHERE id = ?").param(id).query(Long.class)
				.optional().orElse(-1L) == node("350102004001"));
		assertThat(handlerNode(id)).as("the grid keeps handling it").isEqualTo(node("350102004001G01"));
		assertThat(jdbc.sql("SELECT supervised FROM demand WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
		assertThat(notified(id, node("350102004001"))).isTrue();
	}

	boolean notified(long id, long nodeId) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_notification WHERE demand_id = ? AND recipient_node_id = ? AND kind = 'ESCALATED'")
			.params(id, nodeId).query(Long.class).single() > 0;
	}

	int escalations(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'ESCALATED'").param(id)
			.query(Integer.class).single();
	}

	long pendingTimers(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
			.params(DemandTimers.DEADLINE, id + "-%").query(Long.class).single();
	}
}
