package org.jinlin.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarm desk through its API with the default (long) timeouts: the device contract, idempotency, repeated
 * presses joining one alarm, the responder's steps and the state machine's 409s, two responders acknowledging at
 * once, validation and jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlarmDeskTests {

	static final String PENDANT = "DEMO-PENDANT-0001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	/** A district official of 晋安区, created once per context. */
	org.springframework.test.web.servlet.request.RequestPostProcessor jinan() throws Exception {
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'jinan-official'").query(Long.class).single() == 0) {
			mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"username":"jinan-official","displayName":"晋安区民政局","role":"DISTRICT_OFFICIAL","territoryCode":"350111","password":"Jin-an-2026-x"}"""))
				.andExpect(status().isCreated());
		}
		return httpBasic("jinan-official", "Jin-an-2026-x");
	}

	@BeforeEach
	void quiet() {
		// Every test starts with no open alarm and the same responders on duty.
		jdbc.sql("UPDATE alarm SET status = 'RESOLVED', outcome = 'OTHER', resolved_at = CURRENT_TIMESTAMP WHERE status <> 'RESOLVED'").update();
		jdbc.sql("UPDATE alarm_responder SET duty_status = 'ON_DUTY'").update();
	}

	MockHttpServletRequestBuilder device(MockHttpServletRequestBuilder b) {
		return b.header("X-Api-Key", DemoAccounts.DEVICE_KEY);
	}

	String body(Map<String, ?> m) throws Exception {
		return json.writeValueAsString(m);
	}

	MvcResult pendant(String kind, String key) throws Exception {
		Map<String, Object> m = new java.util.HashMap<>(Map.of("deviceId", PENDANT, "kind", kind, "occurredAt", java.time.Instant.now().toString()));
		if (key != null) {
			m.put("idempotencyKey", key);
		}
		return mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON).content(body(m))).andReturn();
	}

	long id(MvcResult r) throws Exception {
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	long helpButton() throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/alarms").with(DemoAccounts.as("resident1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SOS\"}"))
			.andExpect(status().isCreated()).andReturn();
		return id(r);
	}

	@Test
	void aDeviceRaisesAnAlarmAndTheNearestOnDutyResponderIsAsked() throws Exception {
		MvcResult r = pendant("FALL", "fall-1");
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		assertThat((String) JsonPath.read(r.getResponse().getContentAsString(), "$.status")).isEqualTo("NOTIFIED");
		long id = id(r);
		mvc.perform(device(get("/api/v1/alarms/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.status").value("NOTIFIED"))
			.andExpect(jsonPath("$.escalationLevel").value(0))
			.andExpect(jsonPath("$.kind").value("FALL"))
			.andExpect(jsonPath("$.channel").value("DEVICE"))
			.andExpect(jsonPath("$.chain[0].username").value("junmen-grid1"))
			.andExpect(jsonPath("$.chain[0].role").value("RESPONDER"))
			.andExpect(jsonPath("$.chain[2].role").value("COMMUNITY_HEAD"))
			.andExpect(jsonPath("$.chain[3].role").value("STREET_DUTY_OFFICER"))
			.andExpect(jsonPath("$.askedNow").value("军门社区 第1网格 陈网格员"))
			.andExpect(jsonPath("$.timeline[0].kind").value("RAISED"));
		// The grid worker's feed has the request to respond; the family is queued for the desk to call.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_feed WHERE alarm_id = ? AND recipient = 'junmen-grid1' AND kind = 'ASKED'")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_family_notice WHERE alarm_id = ?").param(id).query(Long.class).single())
			.isPositive();
		// And an ack timer is waiting in the database.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'alarm-ack-timeout' AND task_instance = ?")
			.param(id + "-0").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSameIdempotencyKeyReturnsTheSameAlarm() throws Exception {
		MvcResult first = pendant("SOS", "press-42");
		MvcResult again = pendant("SOS", "press-42");
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(201);
		assertThat(id(again)).isEqualTo(id(first));
		assertThat((String) JsonPath.read(again.getResponse().getContentAsString(), "$.outcome")).isEqualTo("REPLAYED");
		assertThat(jdbc.sql("SELECT presses FROM alarm WHERE id = ?").param(id(first)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void repeatedPressesJoinTheOpenAlarm() throws Exception {
		long first = helpButton();
		MvcResult second = pendant("SOS", null);
		MvcResult third = pendant("SOS", null);
		assertThat(second.getResponse().getStatus()).isEqualTo(200);
		assertThat(id(second)).isEqualTo(first);
		assertThat(id(third)).isEqualTo(first);
		assertThat((String) JsonPath.read(third.getResponse().getContentAsString(), "$.outcome")).isEqualTo("JOINED");
		assertThat(jdbc.sql("SELECT presses FROM alarm WHERE id = ?").param(first).query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm WHERE status <> 'RESOLVED'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void concurrentPressesStillOpenOneAlarm() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Long>> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(pool.submit(() -> {
				go.await();
				return id(pendant("SOS", null));
			}));
		}
		go.countDown();
		java.util.Set<Long> distinct = new java.util.HashSet<>();
		for (Future<Long> f : ids) {
			distinct.add(f.get());
		}
		pool.shutdown();
		assertThat(distinct).hasSize(1);
		assertThat(jdbc.sql("SELECT presses FROM alarm WHERE id = ?").param(distinct.iterator().next()).query(Integer.class).single())
			.isEqualTo(6);
	}

	@Test
	void twoRespondersAcknowledgingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
		long id = helpButton();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<MvcResult>> results = new ArrayList<>();
		for (String who : List.of("junmen-grid1", "volunteer1")) {
			results.add(pool.submit(() -> {
				go.await();
				return mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(DemoAccounts.as(who))).andReturn();
			}));
		}
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		String loserBody = null;
		for (Future<MvcResult> f : results) {
			MvcResult r = f.get();
			statuses.add(r.getResponse().getStatus());
			if (r.getResponse().getStatus() == 409) {
				loserBody = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
				assertThat(r.getResponse().getContentType()).contains("application/problem+json");
			}
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		String winner = jdbc.sql("SELECT responder_name FROM alarm WHERE id = ?").param(id).query(String.class).single();
		assertThat(loserBody).contains(winner);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_step WHERE alarm_id = ? AND kind = 'ACKNOWLEDGED'").param(id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theResponderAcknowledgesGoesArrivesAndResolvesAndIllegalStepsAre409() throws Exception {
		long id = helpButton();
		var grid = DemoAccounts.as("junmen-grid1");
		// Arriving before anyone took the alarm is not a step of this state machine.
		mvc.perform(post("/api/v1/alarms/" + id + "/arrive").with(grid)).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(grid)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED")).andExpect(jsonPath("$.responder").value("军门社区 第1网格 陈网格员"));
		// Someone else cannot report arrival for the responder.
		mvc.perform(post("/api/v1/alarms/" + id + "/arrive").with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/alarms/" + id + "/en-route").with(grid)).andExpect(jsonPath("$.status").value("EN_ROUTE"));
		mvc.perform(post("/api/v1/alarms/" + id + "/arrive").with(grid)).andExpect(jsonPath("$.status").value("ARRIVED"));
		mvc.perform(post("/api/v1/alarms/" + id + "/resolve").with(grid).contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"NOPE\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("outcome"));
		mvc.perform(post("/api/v1/alarms/" + id + "/resolve").with(grid).contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"HANDLED_AT_HOME\",\"note\":\"血压偏高，已联系女儿\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.outcome").value("HANDLED_AT_HOME"));
		mvc.perform(post("/api/v1/alarms/" + id + "/resolve").with(grid).contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"HANDLED_AT_HOME\"}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(grid)).andExpect(status().isConflict());
		// Every step is on the timeline with who did it.
		mvc.perform(get("/api/v1/alarms/" + id).with(grid))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'ACKNOWLEDGED')].actor").value("junmen-grid1"))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'ARRIVED')].actor").value("junmen-grid1"))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'RESOLVED')].actor").value("junmen-grid1"))
			.andExpect(jsonPath("$.acknowledgedAt").isNotEmpty()).andExpect(jsonPath("$.arrivedAt").isNotEmpty());
		// Its timers are spent: a late timer finds a newer sequence and does nothing.
		assertThat(jdbc.sql("SELECT escalation_level FROM alarm WHERE id = ?").param(id).query(Integer.class).single()).isZero();
	}

	@Test
	void staffLogAPhoneCallForAnElderInTheirArea() throws Exception {
		long elder = jdbc.sql("SELECT elder_id FROM alarm WHERE raised_by = 'system:demo' FETCH FIRST 1 ROWS ONLY")
			.query(Long.class).optional().orElseGet(() -> {
				try {
					return jdbc.sql("SELECT elder_id FROM alarm WHERE id = ?").param(helpButton()).query(Long.class).single();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
		quiet();
		mvc.perform(post("/api/v1/alarms").with(DemoAccounts.as("gulou")).contentType(MediaType.APPLICATION_JSON)
				.content(body(Map.of("elderId", elder, "kind", "OTHER", "note", "老人来电说头晕"))))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT channel FROM alarm WHERE elder_id = ? AND status <> 'RESOLVED'").param(elder)
			.query(String.class).single()).isEqualTo("PHONE_CALL");
		// 晋安区's official cannot see a 鼓楼区 elder, nor raise for one.
		mvc.perform(post("/api/v1/alarms").with(jinan()).contentType(MediaType.APPLICATION_JSON)
				.content(body(Map.of("elderId", elder, "kind", "OTHER"))))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void badInputIsAClearErrorAndWritesNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM alarm").query(Long.class).single();
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"" + PENDANT + "\",\"kind\":\"EARTHQUAKE\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SOS\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("elderId"));
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"NO-SUCH-DEVICE\",\"kind\":\"SOS\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deviceId"));
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"" + PENDANT + "\",\"kind\":\"SOS\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"" + PENDANT + "\",\"kind\":\"SOS\",\"occurredAt\":\"yesterday\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(device(post("/api/v1/alarms")).contentType(MediaType.APPLICATION_JSON).content("{\"elderId\":999999999,\"kind\":\"SOS\"}"))
			.andExpect(status().isNotFound());
		// An Open311 key cannot raise alarms; an unknown alarm is 404.
		mvc.perform(post("/api/v1/alarms").header("X-Api-Key", DemoAccounts.OPEN311_KEY).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"" + PENDANT + "\",\"kind\":\"SOS\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(device(get("/api/v1/alarms/99999999"))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anAlarmIsHiddenOutsideTheJurisdiction() throws Exception {
		long id = helpButton();
		mvc.perform(get("/api/v1/alarms/" + id).with(jinan())).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/alarms/" + id + "/acknowledge").with(jinan()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/alarms/" + id).with(DemoAccounts.as("gulou"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/alarms/" + id).with(DemoAccounts.as("resident1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/alarms/" + id).with(DemoAccounts.as("canteen1"))).andExpect(status().isNotFound());
	}

	@Test
	void theMonthlyReportCountsAgainstTheTelecareTargets() throws Exception {
		String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		mvc.perform(get("/api/v1/alarms/report").param("month", month).param("territory", "350102").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alarms").isNumber())
			.andExpect(jsonPath("$.target60s").value(0.975))
			.andExpect(jsonPath("$.target180s").value(0.99));
		mvc.perform(get("/api/v1/alarms/report").param("month", "2026-13").with(DemoAccounts.as("gulou")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/alarms/report").param("territory", "350102").with(jinan()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/alarms/report").with(DemoAccounts.as("resident1"))).andExpect(status().isForbidden());
	}
}
