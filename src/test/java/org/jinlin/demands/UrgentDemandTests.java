package org.jinlin.demands;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
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
 * 电梯故障 with 有人被困: an emergency with deadlines in minutes, the grid and the community told at once, banners for
 * the resident (call 119 and 120) and the worker (confirm help is on the way), and an alarm on the desk when the
 * resident is a registered elder (王阿姨, resident1) — none for anyone else. 无人被困 stays an ordinary lift demand.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UrgentDemandTests {

	static final String JUNMEN_BUILDING = "350102004001G01C01B01";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	String raise(String by, String json) throws Exception {
		return mvc.perform(post("/api/v1/demands").with(as(by)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
	}

	static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	static Instant instant(String body, String path) {
		return Instant.parse(JsonPath.read(body, path));
	}

	static Duration between(String body, String from, String to) {
		return Duration.between(instant(body, from), instant(body, to));
	}

	List<String> notifications(long demandId) {
		return jdbc.sql("SELECT kind || ':' || recipient_node_id FROM demand_notification WHERE demand_id = ?")
			.param(demandId).query(String.class).list();
	}

	/** Alarms the desk got for a demand (new, or joined to the elder's open one). */
	long alarmSteps(long demandId) {
		return jdbc.sql("SELECT COUNT(*) FROM alarm_step WHERE actor = 'system:demands' AND detail LIKE ?")
			.param("%demand " + demandId + " %").query(Long.class).single();
	}

	/** Whether the alarm desk's listener has finished with the demand's event (whatever it decided). */
	boolean alarmDeskHandled(long demandId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%UrgentDemands%'
				  AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
			.param("%\"demandId\":" + demandId + ",%").query(Long.class).single() == 1;
	}

	@Test
	void someoneTrappedMakesAnElderlyResidentsDemandAnEmergencyAndRaisesAnAlarm() throws Exception {
		String raised = raise("resident1", """
				{"categoryCode":"elevator","description":"电梯停在两层之间，我被关在里面了","answers":{"trapped":["yes"]}}""");
		long id = id(raised);
		assertThat((String) JsonPath.read(raised, "$.urgency")).isEqualTo("EMERGENCY");
		assertThat(between(raised, "$.raisedAt", "$.signDueAt")).isBetween(Duration.ofMinutes(5),
				Duration.ofMinutes(5).plusSeconds(30));

		// the grid and the community at once
		long grid = territories.lookupByCode("350102004001G01").orElseThrow().id();
		long community = territories.lookupByCode("350102004001").orElseThrow().id();
		assertThat(notifications(id)).contains("URGENT:" + grid, "URGENT:" + community);

		// the resident is told to call 119 and 120; the worker to confirm help is on the way
		mvc.perform(get("/demands/mine/" + id).with(page("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"urgent-banner\"")))
			.andExpect(content().string(containsString("href=\"tel:119\"")))
			.andExpect(content().string(containsString("href=\"tel:120\"")));
		mvc.perform(get("/demands/" + id).with(page("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"urgent-banner\"")))
			.andExpect(content().string(containsString("确认救援已在路上")))
			.andExpect(content().string(containsString("5 分钟内签收")));

		// signed for: 60 minutes to handle, day or night
		String signed = mvc.perform(post("/api/v1/demands/" + id + "/sign").with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(between(signed, "$.signedAt", "$.handleDueAt")).isBetween(Duration.ofMinutes(60),
				Duration.ofMinutes(60).plusSeconds(30));

		// 王阿姨 is in the elderly register: an alarm on the desk of her community (a new one, or her open alarm if
		// she pressed help in the last ten minutes, as another press joins it)
		await().atMost(Duration.ofSeconds(30)).until(() -> alarmSteps(id) == 1);
		var step = jdbc.sql("SELECT alarm_id, kind FROM alarm_step WHERE actor = 'system:demands' AND detail LIKE ?")
			.param("%demand " + id + " %").query((rs, n) -> List.of(rs.getLong(1), rs.getString(2))).single();
		long alarm = (Long) step.get(0);
		if ("RAISED".equals(step.get(1))) {
			assertThat(jdbc.sql("SELECT channel FROM alarm WHERE id = ?").param(alarm).query(String.class).single())
				.isEqualTo("DEMAND");
		}
		else {
			assertThat(step.get(1)).isEqualTo("PRESSED_AGAIN");
		}
		long elder = jdbc.sql("SELECT id FROM elder WHERE resident_id = (SELECT resident_id FROM demand WHERE id = ?)")
			.param(id).query(Long.class).single();
		assertThat(jdbc.sql("SELECT elder_id FROM alarm WHERE id = ?").param(alarm).query(Long.class).single())
			.isEqualTo(elder);
		String desk = mvc.perform(get("/api/v1/alarms").with(as("junmen"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Number>>read(desk, "$[*].id")).extracting(Number::longValue).contains(alarm);
	}

	@Test
	void staffConfirmOnceThatHelpIsOnTheWayAndTheResidentIsTold() throws Exception {
		long id = id(raise("resident1", """
				{"categoryCode":"elevator","description":"电梯困人，门打不开","answers":{"trapped":["yes"]}}"""));
		String urgent = mvc.perform(get("/api/v1/demands/" + id + "/urgent").with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(urgent, "$.callNumbers")).containsExactly("119", "120");
		assertThat((Integer) JsonPath.read(urgent, "$.signMinutes")).isEqualTo(5);
		assertThat(urgent).doesNotContain("confirmedAt"); // nobody has confirmed yet

		// the resident cannot confirm her own rescue; an account that cannot see the demand does not learn it exists
		mvc.perform(post("/api/v1/demands/" + id + "/confirm-help").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/demands/" + id + "/confirm-help").with(as("canteen1"))).andExpect(status().isNotFound());

		String confirmed = mvc.perform(post("/api/v1/demands/" + id + "/confirm-help").with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(confirmed, "$.confirmedAt")).isNotBlank();
		assertThat((String) JsonPath.read(confirmed, "$.confirmedBy")).isEqualTo("junmen");
		// once only
		mvc.perform(post("/api/v1/demands/" + id + "/confirm-help").with(as("junmen-grid1")))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'HELP_CONFIRMED'")
			.param(id).query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_notification WHERE demand_id = ? AND kind = 'HELP_CONFIRMED'")
			.param(id).query(Long.class).single()).isOne();

		mvc.perform(get("/demands/mine/" + id).with(page("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"help-confirmed\"")));
		mvc.perform(get("/demands/" + id).with(page("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"help-confirmed\"")))
			.andExpect(content().string(not(containsString("id=\"confirm-help\""))));
	}

	@Test
	void theDeskConfirmsHelpFromTheBannerAndAnOrdinaryDemandHasNothingToConfirm() throws Exception {
		long urgent = id(raise("resident1", """
				{"categoryCode":"elevator","description":"有人困在电梯里","answers":{"trapped":["yes"]}}"""));
		mvc.perform(get("/demands/" + urgent).with(page("junmen")))
			.andExpect(content().string(containsString("id=\"confirm-help\"")));
		mvc.perform(post("/demands/" + urgent + "/confirm-help").with(page("junmen")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT actor FROM demand_step WHERE demand_id = ? AND kind = 'HELP_CONFIRMED'")
			.param(urgent).query(String.class).single()).isEqualTo("junmen");

		long ordinary = id(raise("resident1", """
				{"categoryCode":"elevator","description":"电梯按钮不亮","answers":{"trapped":["no"]}}"""));
		mvc.perform(get("/api/v1/demands/" + ordinary + "/urgent").with(as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/demands/" + ordinary + "/confirm-help").with(as("junmen")))
			.andExpect(status().isConflict());
	}

	@Test
	void aResidentOutsideTheElderlyRegisterGetsNoAlarm() throws Exception {
		String community = territories.lookupByCode("350102004001").orElseThrow().path();
		long resident = jdbc.sql("""
				SELECT id FROM resident WHERE territory_path LIKE ? AND status = 'ACTIVE'
				  AND id NOT IN (SELECT resident_id FROM elder) ORDER BY id FETCH FIRST 1 ROWS ONLY""")
			.param(community + "%").query(Long.class).single();
		String raised = raise("junmen", """
				{"categoryCode":"elevator","description":"来电：电梯困人","channel":"PHONE_CALL","locationNodeId":%d,
				 "residentId":%d,"answers":{"trapped":["yes"]}}""".formatted(
						territories.lookupByCode(JUNMEN_BUILDING).orElseThrow().id(), resident));
		long id = id(raised);
		assertThat((String) JsonPath.read(raised, "$.urgency")).isEqualTo("EMERGENCY");
		assertThat(between(raised, "$.raisedAt", "$.signDueAt")).isLessThan(Duration.ofMinutes(6));

		await().atMost(Duration.ofSeconds(30)).until(() -> alarmDeskHandled(id));
		assertThat(alarmSteps(id)).isZero();
	}

	@Test
	void nobodyTrappedIsAnOrdinaryLiftDemand() throws Exception {
		String raised = raise("resident1", """
				{"categoryCode":"elevator","description":"电梯有异响","answers":{"trapped":["no"]}}""");
		long id = id(raised);
		// the category's own deadline: one working hour, never five minutes
		assertThat(between(raised, "$.raisedAt", "$.signDueAt")).isGreaterThanOrEqualTo(Duration.ofMinutes(60));
		assertThat(notifications(id)).noneMatch(n -> n.startsWith("URGENT"));
		mvc.perform(get("/demands/mine/" + id).with(page("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"urgent-banner\""))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%UrgentDemandRaised%' "
				+ "AND serialized_event LIKE ?").param("%\"demandId\":" + id + ",%").query(Long.class).single()).isZero();
	}
}
