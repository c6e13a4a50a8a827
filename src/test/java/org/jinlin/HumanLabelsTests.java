package org.jinlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.accounts.ActorLabels;
import org.jinlin.alarms.web.AlarmStepText;
import org.jinlin.demands.web.DemandStepText;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People read names and words, never login names or codes: the timelines show an account's display name, "系统自动"
 * for the platform's timers, an API key as an API client, and the codes in step details as their labels.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HumanLabelsTests {

	@Autowired
	ActorLabels actors;

	@Autowired
	AlarmStepText alarmSteps;

	@Autowired
	DemandStepText demandSteps;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void actorsAreShownByDisplayNameOrLabel() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(actors.label("junmen")).isEqualTo("军门社区 林书记");
		assertThat(actors.label("system")).isEqualTo("系统自动");
		assertThat(actors.label("system:demands")).isEqualTo("系统自动");
		assertThat(actors.label("apikey:demo-devices")).isEqualTo("接口（demo-devices）");
		assertThat(actors.label(null)).isEqualTo("—");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(actors.label("system")).isEqualTo("System");
		assertThat(actors.label("apikey:demo-devices")).isEqualTo("API client (demo-devices)");
	}

	@Test
	void stepDetailsNameTheirCodesInWords() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(alarmSteps.detail("RAISED", "DEVICE FALL")).isEqualTo("设备报警 · 跌倒");
		assertThat(alarmSteps.detail("RAISED", "HELP_BUTTON SOS: 头晕")).isEqualTo("一键呼叫 · 呼叫帮助：头晕");
		assertThat(alarmSteps.detail("RESOLVED", "TAKEN_TO_HOSPITAL")).isEqualTo("送医");
		assertThat(alarmSteps.detail("FAMILY_TO_NOTIFY", "2")).isEqualTo("2 位家属");
		assertThat(alarmSteps.detail("ESCALATED", "ACK_TIMEOUT → 军门社区 林书记")).isEqualTo("超时未接单 → 军门社区 林书记");
		assertThat(alarmSteps.detail("NOTIFIED", "军门社区 林书记")).isEqualTo("军门社区 林书记");
		assertThat(demandSteps.note("ESCALATED", "SIGN")).isEqualTo("签收时限已过");
		assertThat(demandSteps.note("RAISED", "PHONE_CALL")).isEqualTo("电话代办");
		assertThat(demandSteps.note("RETURNED", "WRONG_AREA: 不是本网格")).isEqualTo("不属于本辖区 · 不是本网格");
		assertThat(demandSteps.note("NOTE", "contact viewed")).isEqualTo("查看了居民联系方式");
		assertThat(demandSteps.note("NOTE", "楼道已清理")).isEqualTo("楼道已清理");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(alarmSteps.detail("RAISED", "DEVICE FALL")).isEqualTo("Device · Fall");
	}

	@Test
	void anAlarmFromADeviceShowsNoRawCodesOnItsPage() throws Exception {
		String body = mvc.perform(post("/api/v1/alarms").header("X-Api-Key", DemoAccounts.DEVICE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deviceId\":\"DEMO-PENDANT-0001\",\"kind\":\"FALL\",\"idempotencyKey\":\"labels-" + UUID.randomUUID() + "\"}"))
			.andExpect(status().is2xxSuccessful())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		String page = mvc.perform(get("/alarms/" + id)
			.with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(DemoAccounts.COMMUNITY))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String timeline = page.substring(page.indexOf("id=\"alarm-timeline\""));
		assertThat(timeline).doesNotContain("apikey:", ">system<", "DEVICE FALL", "ACK_TIMEOUT");
	}
}
