package org.jinlin.alarms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The alarm pages as the demo accounts use them: the elder's help button and its live status, the desk's queue and
 * event stream, one alarm with the protocol and the responder's buttons (and the 409 when someone else took it),
 * the phone-call form, the duty roster and the monthly report with its Excel export; jurisdiction throughout.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlarmPagesTests {

	static final String PENDANT = "DEMO-PENDANT-0001";

	static final String GRID_WORKER = "军门社区 第1网格 陈网格员";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ElderRegister elders;

	@BeforeEach
	void quiet() {
		// Every test starts with no open alarm (a new press would join one) and the demo responders on duty.
		jdbc.sql("UPDATE alarm SET status = 'RESOLVED', outcome = 'OTHER', resolved_at = CURRENT_TIMESTAMP WHERE status <> 'RESOLVED'").update();
		jdbc.sql("UPDATE alarm_responder SET duty_status = 'ON_DUTY'").update();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** An account created once per context through the accounts API. */
	RequestPostProcessor account(String username, String role, String territoryCode) throws Exception {
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(username).query(Long.class).single() == 0) {
			mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"role\":\"" + role
							+ "\",\"territoryCode\":\"" + territoryCode + "\",\"password\":\"Pages-2026-x\"}"))
				.andExpect(status().isCreated());
		}
		return as(username);
	}

	/** A district official of 晋安区: sees nothing of 鼓楼区. */
	RequestPostProcessor jinan() throws Exception {
		return account("jinan-pages", "DISTRICT_OFFICIAL", "350111");
	}

	long pendant(String kind) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/alarms").header("X-Api-Key", DemoAccounts.DEVICE_KEY).contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceId\":\"" + PENDANT + "\",\"kind\":\"" + kind + "\"}"))
			.andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	/**
	 * Follows a redirect in the same session (sessions live in the database, so the flash message travels with the
	 * session cookie, as in a browser).
	 */
	org.springframework.test.web.servlet.ResultActions follow(MvcResult redirect, RequestPostProcessor who) throws Exception {
		var get = get(redirect.getResponse().getRedirectedUrl().replaceAll("#.*", "")).with(who);
		for (jakarta.servlet.http.Cookie c : redirect.getResponse().getCookies()) {
			get.cookie(c);
		}
		return mvc.perform(get);
	}

	long wangElderId() {
		return elders.locateByDevice(PENDANT).orElseThrow().elderId();
	}

	// ================================================================== the help page

	@Test
	void theElderPressesHelpAndSeesTheStatusChangeAsTheWorkerComes() throws Exception {
		mvc.perform(get("/help").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"help-button\"")))
			.andExpect(content().string(containsString("呼叫帮助")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		// without a CSRF token the press is refused
		mvc.perform(post("/help").with(as("resident1"))).andExpect(status().isForbidden());

		MvcResult pressed = mvc.perform(post("/help").with(as("resident1")).with(csrf()).param("requestKey", "help-test-1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "alarms.pages.help.raised"))
			.andReturn();
		String location = pressed.getResponse().getRedirectedUrl();
		assertThat(location).matches("/help\\?alarm=\\d+");
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		// the same form sent twice is the same alarm
		mvc.perform(post("/help").with(as("resident1")).with(csrf()).param("requestKey", "help-test-1"))
			.andExpect(redirectedUrl(location));
		assertThat(jdbc.sql("SELECT channel FROM alarm WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("HELP_BUTTON");

		mvc.perform(get(location).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已呼叫，正在通知社区工作人员")))
			.andExpect(content().string(containsString("hx-get=\"/help/status/" + id + "\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 3s\"")))
			.andExpect(content().string(containsString("id=\"help-alarm-" + id + "\"")));

		mvc.perform(post("/alarms/" + id + "/acknowledge").with(as("junmen-grid1")).with(csrf()))
			.andExpect(redirectedUrl("/alarms/" + id));
		mvc.perform(get("/help/status/" + id).with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(GRID_WORKER + "已接单，正在赶来")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(post("/alarms/" + id + "/arrive").with(as("junmen-grid1")).with(csrf()));
		mvc.perform(get("/help/status/" + id).with(as("resident1")))
			.andExpect(content().string(containsString(GRID_WORKER + "已到达")));
		mvc.perform(post("/alarms/" + id + "/resolve").with(as("junmen-grid1")).with(csrf()).param("outcome", "HANDLED_AT_HOME"));
		// once resolved, polling stops
		mvc.perform(get("/help/status/" + id).with(as("resident1")))
			.andExpect(content().string(containsString("已处理完毕")))
			.andExpect(content().string(not(containsString("hx-trigger"))));
		// another resident's alarm status is not hers to see
		mvc.perform(get("/help/status/" + id).with(account("resident-no-care", "RESIDENT", "350102004001")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/help").param("lang", "en").with(as("resident1")))
			.andExpect(content().string(containsString("Call for help")));
	}

	@Test
	void aResidentWithoutACareProfileIsToldToCallTheHotline() throws Exception {
		RequestPostProcessor noProfile = account("resident-no-care", "RESIDENT", "350102004001");
		long before = jdbc.sql("SELECT COUNT(*) FROM alarm").query(Long.class).single();
		mvc.perform(get("/help").with(noProfile))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"help-no-profile\"")))
			.andExpect(content().string(containsString("12349")))
			.andExpect(content().string(not(containsString("id=\"help-button\""))));
		mvc.perform(post("/help").with(noProfile).with(csrf())).andExpect(redirectedUrl("/help"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm").query(Long.class).single()).isEqualTo(before);
		// and she has no desk
		mvc.perform(get("/alarms/desk").with(noProfile)).andExpect(status().isForbidden());
	}

	// ================================================================== the desk

	@Test
	void theDeskShowsOpenAlarmsOfTheJurisdictionOnly() throws Exception {
		long id = pendant("FALL");
		mvc.perform(get("/alarms/desk").with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"desk-alarm-" + id + "\"")))
			.andExpect(content().string(containsString("跌倒")))
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(containsString("data-events-url=\"/alarms/desk/events?since=")))
			.andExpect(content().string(containsString("id=\"desk-sound\"")))
			.andExpect(content().string(containsString("/js/alarms-desk.js")));
		String name = elders.locate(wangElderId()).orElseThrow().name();
		mvc.perform(get("/alarms/desk/queue").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("desk-alarm-" + id)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("<html"))));
		// the volunteer is in the dispatch chain: she sees it, but gets no phone-call form
		mvc.perform(get("/alarms/desk").with(as("volunteer1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("desk-alarm-" + id)))
			.andExpect(content().string(not(containsString("id=\"call-form\""))));
		mvc.perform(get("/alarms/desk").with(as("gulou")))
			.andExpect(content().string(containsString("desk-alarm-" + id)));
		mvc.perform(get("/alarms/desk").with(jinan()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("desk-alarm-" + id))))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(get("/alarms/desk").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/alarms/desk").with(as("canteen1"))).andExpect(status().isForbidden());
	}

	@Test
	void theDeskEventStreamPushesANewAlarm() throws Exception {
		MvcResult stream = mvc.perform(get("/alarms/desk/events").with(as("junmen-grid1")).accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(stream.getResponse().getContentAsString()).contains("event:ready");
		long id = pendant("SOS");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String sent = stream.getResponse().getContentAsString();
			return sent.contains("\"alarmId\":" + id) && sent.contains("\"forMe\":true");
		});
		String body = stream.getResponse().getContentAsString();
		assertThat(body).contains("event:alarm").contains("\"alarmId\":" + id).contains("\"kind\":\"RAISED\"")
			.contains("\"forMe\":true");
		// a resident has no stream
		mvc.perform(get("/alarms/desk/events").with(as("resident1")).accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDeskStreamResumesAfterTheLastEventId() throws Exception {
		long id = pendant("SMOKE");
		long before = jdbc.sql("SELECT MIN(id) - 1 FROM alarm_feed WHERE alarm_id = ?").param(id).query(Long.class).single();
		MvcResult stream = mvc.perform(get("/alarms/desk/events").with(as("junmen")).header("Last-Event-ID", before)
				.accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted()).andReturn();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> stream.getResponse().getContentAsString().contains("\"alarmId\":" + id));
		assertThat(stream.getResponse().getContentAsString()).contains("\"alarmId\":" + id);
	}

	@Test
	void staffLogAPhoneCallAndBadInputIsAFieldMessage() throws Exception {
		long elder = wangElderId();
		String name = elders.locate(elder).orElseThrow().name();
		// find her by name within the jurisdiction, and log the call for the one picked
		mvc.perform(get("/alarms/desk").param("q", name).with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"call-pick-" + elder + "\"")));
		mvc.perform(get("/alarms/desk").param("q", name).with(jinan()))
			.andExpect(content().string(not(containsString("id=\"call-pick-" + elder + "\""))));
		MvcResult picked = mvc.perform(post("/alarms/desk/call").with(as("junmen")).with(csrf())
				.param("pick", Long.toString(elder)).param("elderId", "").param("kind", "FALL"))
			.andExpect(flash().attribute("notice", "alarms.pages.call.logged")).andReturn();
		long first = Long.parseLong(picked.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(jdbc.sql("SELECT elder_id FROM alarm WHERE id = ?").param(first).query(Long.class).single()).isEqualTo(elder);
		MvcResult r = mvc.perform(post("/alarms/desk/call").with(as("junmen")).with(csrf())
				.param("elderId", Long.toString(elder)).param("kind", "HEALTH").param("note", "女儿来电：老人头晕"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "alarms.pages.call.joined"))
			.andReturn();
		long id = Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(id).as("a second call for her open alarm joins it").isEqualTo(first);
		assertThat(jdbc.sql("SELECT channel FROM alarm WHERE id = ?").param(id).query(String.class).single()).isEqualTo("PHONE_CALL");

		MvcResult bad = mvc.perform(post("/alarms/desk/call").with(as("junmen")).with(csrf()).param("elderId", "abc").param("kind", "SOS"))
			.andExpect(redirectedUrl("/alarms/desk#call"))
			.andExpect(flash().attribute("callErrors", Map.of("elderId", List.of("请输入数字编号"))))
			.andReturn();
		// the form shows the message next to the field, with what was typed
		follow(bad, as("junmen"))
			.andExpect(content().string(containsString("id=\"call-elderId-error\"")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("请输入数字编号")));
		mvc.perform(post("/alarms/desk/call").with(as("junmen")).with(csrf()).param("elderId", Long.toString(elder))
				.param("kind", "EARTHQUAKE"))
			.andExpect(redirectedUrl("/alarms/desk#call"))
			.andExpect(flash().attributeExists("callErrors"));
		// an elder outside the jurisdiction is unknown there
		mvc.perform(post("/alarms/desk/call").with(jinan()).with(csrf()).param("elderId", Long.toString(elder)).param("kind", "SOS"))
			.andExpect(flash().attribute("callErrors", Map.of("elderId", List.of("您的辖区内没有这位老人"))));
		mvc.perform(post("/alarms/desk/call").with(as("volunteer1")).with(csrf()).param("elderId", Long.toString(elder)))
			.andExpect(status().isForbidden());
	}

	// ================================================================== one alarm

	@Test
	void theWorkerAcknowledgesArrivesAndResolvesAndALateColleagueIsTold() throws Exception {
		long id = pendant("FALL");
		mvc.perform(get("/alarms/" + id).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-acknowledge\"")))
			.andExpect(content().string(not(containsString("id=\"action-arrive\""))))
			.andExpect(content().string(containsString("id=\"alarm-chain\"")))
			.andExpect(content().string(containsString("id=\"protocol\"")))
			.andExpect(content().string(containsString("id=\"protocol-contacts\"")))
			.andExpect(content().string(containsString("id=\"protocol-living\"")))
			.andExpect(content().string(containsString("id=\"alarm-map\"")))
			.andExpect(content().string(containsString("id=\"family\"")))
			.andExpect(content().string(containsString("/js/alarms-detail.js")));
		// viewing the protocol is audited
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?").param("%alarm " + id + "%")
			.query(Long.class).single()).isPositive();

		mvc.perform(post("/alarms/" + id + "/acknowledge").with(as("junmen-grid1")).with(csrf()))
			.andExpect(redirectedUrl("/alarms/" + id))
			.andExpect(flash().attribute("notice", "alarms.pages.done.acknowledged"));
		// the community head is too late: told who has it, no 500
		MvcResult late = mvc.perform(post("/alarms/" + id + "/acknowledge").with(as("junmen")).with(csrf()))
			.andExpect(redirectedUrl("/alarms/" + id))
			.andExpect(flash().attribute("alert", "已由 " + GRID_WORKER + " 接单"))
			.andReturn();
		follow(late, as("junmen"))
			.andExpect(content().string(containsString("id=\"action-alert\"")))
			.andExpect(content().string(containsString("已由 " + GRID_WORKER + " 接单")))
			.andExpect(content().string(not(containsString("id=\"action-arrive\""))));
		// only the taker confirms arrival
		mvc.perform(post("/alarms/" + id + "/arrive").with(as("junmen")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/alarms/" + id).with(as("junmen-grid1")))
			.andExpect(content().string(containsString("id=\"action-en-route\"")))
			.andExpect(content().string(containsString("id=\"action-arrive\"")));
		mvc.perform(post("/alarms/" + id + "/en-route").with(as("junmen-grid1")).with(csrf()))
			.andExpect(flash().attribute("notice", "alarms.pages.done.enRoute"));
		mvc.perform(post("/alarms/" + id + "/arrive").with(as("junmen-grid1")).with(csrf()))
			.andExpect(flash().attribute("notice", "alarms.pages.done.arrived"));
		mvc.perform(post("/alarms/" + id + "/en-route").with(as("junmen-grid1")).with(csrf()))
			.andExpect(flash().attributeExists("alert"));
		mvc.perform(get("/alarms/" + id).with(as("junmen-grid1")))
			.andExpect(content().string(containsString("data-status=\"ARRIVED\"")))
			.andExpect(content().string(containsString("id=\"resolve-submit\"")));

		// resolving without an outcome is a field message
		mvc.perform(post("/alarms/" + id + "/resolve").with(as("junmen-grid1")).with(csrf()).param("note", "x"))
			.andExpect(redirectedUrl("/alarms/" + id + "#resolve"))
			.andExpect(flash().attribute("resolveErrors", Map.of("outcome", List.of("必填"))));
		mvc.perform(post("/alarms/" + id + "/family/1").with(as("junmen-grid1")).with(csrf()).param("result", "reached"))
			.andExpect(flash().attribute("notice", "alarms.pages.done.familyReached"));
		mvc.perform(post("/alarms/" + id + "/resolve").with(as("junmen-grid1")).with(csrf())
				.param("outcome", "HANDLED_AT_HOME").param("note", "扶起，无外伤"))
			.andExpect(flash().attribute("notice", "alarms.pages.done.resolved"));
		mvc.perform(get("/alarms/" + id).with(as("junmen-grid1")))
			.andExpect(content().string(containsString("data-status=\"RESOLVED\"")))
			.andExpect(content().string(containsString("在家处置")))
			.andExpect(content().string(containsString("家属已联系上")))
			.andExpect(content().string(not(containsString("id=\"resolve-submit\""))));
		mvc.perform(get("/alarms/desk").with(as("junmen-grid1")))
			.andExpect(content().string(containsString("id=\"desk-resolved-" + id + "\"")));
	}

	@Test
	void theVolunteerBuddySeesTheProtocolButNotTheFamilyCallsAndOtherDistrictsSeeNothing() throws Exception {
		long id = pendant("SOS");
		// volunteer1 is 王阿姨's buddy (her care circle): the protocol, but the family calls are the desk's
		mvc.perform(get("/alarms/" + id).with(as("volunteer1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-acknowledge\"")))
			.andExpect(content().string(containsString("id=\"protocol\"")))
			.andExpect(content().string(not(containsString("id=\"family\""))));
		// the elder herself is sent to her help page
		mvc.perform(get("/alarms/" + id).with(as("resident1"))).andExpect(redirectedUrl("/help?alarm=" + id));
		mvc.perform(get("/alarms/" + id).with(jinan())).andExpect(status().isNotFound());
		mvc.perform(post("/alarms/" + id + "/acknowledge").with(jinan()).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/alarms/" + id).with(as("canteen1"))).andExpect(status().isNotFound());
		mvc.perform(get("/alarms/999999999").with(as("junmen"))).andExpect(status().isNotFound());
		// a staff member may close a false alarm, with a reason
		mvc.perform(post("/alarms/" + id + "/resolve").with(as("junmen")).with(csrf()).param("outcome", "FALSE_ALARM"))
			.andExpect(flash().attribute("resolveErrors", Map.of("note", List.of("未到场就结束呼叫时，请说明原因"))));
	}

	// ================================================================== duty roster

	@Test
	void aResponderSwitchesOffDutyAndAManagerEditsTheRota() throws Exception {
		mvc.perform(get("/alarms/duty").with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duty-mine\"")))
			.andExpect(content().string(containsString("id=\"duty-set-OFF_DUTY\"")))
			.andExpect(content().string(not(containsString("id=\"register\""))));
		mvc.perform(post("/alarms/duty/junmen-grid1/status").with(as("junmen-grid1")).with(csrf()).param("status", "OFF_DUTY"))
			.andExpect(redirectedUrl("/alarms/duty"))
			.andExpect(flash().attribute("notice", "alarms.pages.duty.changed"));
		assertThat(jdbc.sql("SELECT duty_status FROM alarm_responder WHERE username = 'junmen-grid1'").query(String.class).single())
			.isEqualTo("OFF_DUTY");
		// a volunteer cannot switch somebody else
		mvc.perform(post("/alarms/duty/junmen-grid1/status").with(as("volunteer1")).with(csrf()).param("status", "ON_DUTY"))
			.andExpect(status().isNotFound());

		mvc.perform(get("/alarms/duty").with(as("junmen")))
			.andExpect(content().string(containsString("id=\"responder-volunteer1\"")))
			.andExpect(content().string(containsString("id=\"register\"")));
		mvc.perform(post("/alarms/duty/volunteer1/shifts").with(as("junmen")).with(csrf()).param("shifts", "1 07:00-22:00\nMonday all day"))
			.andExpect(flash().attribute("shiftErrors", Map.of("volunteer1", "第 2 行格式不对，应为“1 07:00-22:00”")));
		mvc.perform(post("/alarms/duty/volunteer1/shifts").with(as("junmen")).with(csrf())
				.param("shifts", "1 07:00-22:00\n2 07:00-22:00\n3 07:00-22:00\n4 07:00-22:00\n5 07:00-22:00\n6 07:00-22:00\n7 07:00-22:00"))
			.andExpect(flash().attribute("notice", "alarms.pages.duty.shifts.saved"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_duty_shift WHERE username = 'volunteer1'").query(Long.class).single())
			.isEqualTo(7);
		mvc.perform(post("/alarms/duty/responders").with(as("junmen")).with(csrf()).param("username", "no-such-account")
				.param("role", "RESPONDER"))
			.andExpect(flash().attribute("registerErrors", Map.of("username", List.of("没有这个账号"))));
		mvc.perform(post("/alarms/duty/responders").with(as("junmen")).with(csrf()).param("username", "junmen-grid1")
				.param("role", "RESPONDER").param("territoryCode", "350111003001"))
			.andExpect(flash().attribute("registerErrors", Map.of("territoryCode", List.of("该辖区不在您的管辖范围内"))));
		// the grid worker sees the roster but cannot edit it (the volunteer serves the community, above her grid)
		mvc.perform(post("/alarms/duty/volunteer1/shifts").with(as("junmen-grid1")).with(csrf()).param("shifts", ""))
			.andExpect(status().isNotFound());
		mvc.perform(get("/alarms/duty").with(as("junmen-grid1")))
			.andExpect(content().string(containsString("id=\"responder-junmen-grid1\"")))
			.andExpect(content().string(not(containsString("id=\"shifts-junmen-grid1\""))));
		mvc.perform(get("/alarms/duty").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duty-not-responder\"")))
			.andExpect(content().string(not(containsString("id=\"duty-responders\""))));
		mvc.perform(get("/alarms/duty").with(jinan()))
			.andExpect(content().string(not(containsString("responder-junmen-grid1"))));
	}

	// ================================================================== the report

	@Test
	void theMonthlyReportShowsTheTargetsAndExportsExcel() throws Exception {
		mvc.perform(get("/alarms/report").with(as("gulou")).param("territory", "350102"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"report-within60\"")))
			.andExpect(content().string(containsString("目标 97.5%")))
			.andExpect(content().string(containsString("目标 99%")))
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("/alarms/report.xlsx?month=")));
		mvc.perform(get("/alarms/report").with(as("gulou")).param("month", "2026-13"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"report-month-error\"")));
		MvcResult x = mvc.perform(get("/alarms/report.xlsx").with(as("gulou")).param("territory", "350102"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andReturn();
		byte[] bytes = x.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 2)).isEqualTo("PK");
		java.nio.file.Path file = java.nio.file.Files.createTempFile("alarm-report", ".xlsx");
		java.nio.file.Files.write(file, bytes);
		StringBuilder sheet = new StringBuilder();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (var e : java.util.Collections.list(zip.entries())) {
				if (e.getName().startsWith("xl/")) {
					sheet.append(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		// strings are stored as character references
		assertThat(sheet.toString()).contains("(350102)").contains("&#x9f13;&#x697c;&#x533a;").contains(java.time.YearMonth.now(AlarmPagesSupport.ZONE).toString());
		mvc.perform(get("/alarms/report").with(jinan()).param("territory", "350102")).andExpect(status().isNotFound());
		mvc.perform(get("/alarms/report.xlsx").with(jinan()).param("territory", "350102")).andExpect(status().isNotFound());
		mvc.perform(get("/alarms/report").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/alarms/report").with(as("volunteer1"))).andExpect(status().isForbidden());
	}
}
