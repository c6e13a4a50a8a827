package org.jinlin.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Escalation with short timeouts (acknowledge within 2 s, arrive within 3 s): nobody answers, and the alarm goes
 * along the whole chain — the nearest responder, the next, the community head, the street duty officer — each
 * asked in turn, then everybody again; a responder who does not arrive in time is escalated above.
 */
@SpringBootTest(properties = { "jinlin.alarms.ack-timeout=PT2S", "jinlin.alarms.arrival-deadline=PT3S",
		"jinlin.timers.polling-interval=PT0.3S" })
@AutoConfigureMockMvc
class AlarmEscalationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void quiet() {
		jdbc.sql("UPDATE alarm SET status = 'RESOLVED', outcome = 'OTHER', resolved_at = CURRENT_TIMESTAMP WHERE status <> 'RESOLVED'").update();
		jdbc.sql("UPDATE alarm_responder SET duty_status = 'ON_DUTY'").update();
	}

	long helpButton() throws Exception {
		String body = mvc.perform(post("/api/v1/alarms").with(DemoAccounts.as("resident1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SOS\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	int level(long id) {
		return jdbc.sql("SELECT escalation_level FROM alarm WHERE id = ?").param(id).query(Integer.class).single();
	}

	List<String> asked(long id) {
		return jdbc.sql("SELECT recipient FROM alarm_feed WHERE alarm_id = ? AND kind = 'ASKED' ORDER BY id").param(id)
			.query(String.class).list();
	}

	@Test
	void nobodyAnswersAndTheAlarmGoesAlongTheWholeChain() throws Exception {
		long raised = System.nanoTime();
		long id = helpButton();
		assertThat(asked(id)).containsExactly("junmen-grid1");
		await().atMost(Duration.ofSeconds(15)).until(() -> level(id) >= 1);
		assertThat(asked(id)).containsExactly("junmen-grid1", "volunteer1");
		await().atMost(Duration.ofSeconds(15)).until(() -> level(id) >= 2);
		assertThat(asked(id)).containsExactly("junmen-grid1", "volunteer1", "junmen");
		await().atMost(Duration.ofSeconds(15)).until(() -> level(id) >= 3);
		assertThat(asked(id)).containsExactly("junmen-grid1", "volunteer1", "junmen", "dongjie");
		// Three timeouts of 2 s cannot pass in less than 6 s: each level waited for its timeout.
		assertThat(Duration.ofNanos(System.nanoTime() - raised)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
		// Past the end of the chain everybody is asked again, and again, until someone answers: never dropped.
		await().atMost(Duration.ofSeconds(15)).until(() -> asked(id).size() >= 8);
		assertThat(jdbc.sql("SELECT status FROM alarm WHERE id = ?").param(id).query(String.class).single()).isEqualTo("NOTIFIED");
		assertThat(level(id)).isEqualTo(3);
		// Each escalation was told to the desk, and published for other modules.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_step WHERE alarm_id = ? AND kind = 'ESCALATED'").param(id)
			.query(Long.class).single()).isEqualTo(3);

		// The street duty officer finally takes it: the escalation stops.
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(DemoAccounts.as("dongjie"))).andExpect(status().isOk());
		int asks = asked(id).size();
		// Nobody is asked again for longer than a timeout: the condition holds throughout.
		await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> asked(id).size() == asks);
		assertThat(asked(id)).hasSize(asks);
	}

	@Test
	void aResponderWhoDoesNotArriveInTimeIsEscalatedAbove() throws Exception {
		long id = helpButton();
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT arrival_overdue FROM alarm WHERE id = ?").param(id)
			.query(Boolean.class).single());
		assertThat(level(id)).isEqualTo(1);
		assertThat(asked(id)).contains("volunteer1");
		assertThat(jdbc.sql("SELECT status FROM alarm WHERE id = ?").param(id).query(String.class).single()).isEqualTo("ACKNOWLEDGED");
		// Arriving late still closes the loop and stops the reminders.
		mvc.perform(post("/api/v1/alarms/" + id + "/arrive").with(DemoAccounts.as("junmen-grid1"))).andExpect(status().isOk());
		int l = level(id);
		await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> level(id) == l);
		assertThat(level(id)).isEqualTo(l);
	}

	@Test
	void anAcknowledgedAlarmDoesNotEscalateForAcknowledgement() throws Exception {
		long id = helpButton();
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/alarms/" + id + "/arrive").with(DemoAccounts.as("junmen-grid1"))).andExpect(status().isOk());
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> level(id) == 0);
		assertThat(level(id)).isZero();
		assertThat(asked(id)).containsExactly("junmen-grid1");
	}
}
