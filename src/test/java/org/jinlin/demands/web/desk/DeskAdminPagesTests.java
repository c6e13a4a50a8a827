package org.jinlin.demands.web.desk;

import org.jinlin.demands.internal.DemandCategories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalogue and holiday-calendar administration pages. */
@SpringBootTest
@AutoConfigureMockMvc
class DeskAdminPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DemandCategories categories;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void anAdministratorEditsACategoryWithItsQuestions() throws Exception {
		mvc.perform(get("/demands/categories").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"category-sanitation\"")));
		mvc.perform(get("/demands/categories/elevator").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("yes=有人被困")));

		// a bad deadline: the message next to the field, nothing saved
		mvc.perform(post("/demands/categories").with(as("admin")).with(csrf())
				.param("code", "desk-test-bad").param("name", "测试类别").param("handlingLevel", "GRID")
				.param("urgency", "NORMAL").param("signDeadline", "0").param("signDeadlineUnit", "WORKING_HOURS")
				.param("handleDeadline", "2").param("handleDeadlineUnit", "WORKING_DAYS").param("active", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(matchesPattern(
					"(?s).*id=\"signDeadline\"[^>]*is-invalid.*id=\"signDeadline-error\"[^>]*>时限须为 1–1000 的整数并选择单位<.*")))
			.andExpect(content().string(not(containsString("id=\"handleDeadline-error\""))));
		assertThat(categories.findByCode("desk-test-bad")).isEmpty();

		// "add a question" shows one more row without saving
		mvc.perform(post("/demands/categories").with(as("admin")).with(csrf()).param("op", "add")
				.param("code", "desk-test").param("questions[0].code", "floor"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"q-code-1\"")));
		assertThat(categories.findByCode("desk-test")).isEmpty();

		mvc.perform(post("/demands/categories").with(as("admin")).with(csrf())
				.param("code", "desk-test").param("name", "楼道照明").param("nameEn", "Stair lights").param("group", "设施")
				.param("handlingLevel", "GRID").param("urgency", "URGENT").param("signDeadline", "3")
				.param("signDeadlineUnit", "WORKING_HOURS").param("handleDeadline", "2").param("handleDeadlineUnit", "WORKING_DAYS")
				// left inactive, so other tests' catalogue stays as it was
				.param("questions[0].code", "floor").param("questions[0].datatype", "NUMBER").param("questions[0].required", "true")
				.param("questions[0].description", "哪一层")
				.param("questions[1].code", "kind").param("questions[1].datatype", "SINGLE_CHOICE")
				.param("questions[1].description", "哪种灯").param("questions[1].choices", "sensor=声控灯\nswitch=开关灯")
				.param("questions[2].code", "gone").param("questions[2].datatype", "TEXT").param("questions[2].description", "删掉")
				.param("questions[2].remove", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/demands/categories/desk-test"));
		var saved = categories.findByCode("desk-test").orElseThrow();
		assertThat(saved.signDeadline()).isEqualTo(3);
		assertThat(saved.active()).isFalse();
		assertThat(saved.attributes()).extracting(a -> a.code()).containsExactly("floor", "kind");
		assertThat(saved.attributes().get(1).choices()).hasSize(2);
	}

	@Test
	void urgentAnswersAreEditedWithTheirQuestion() throws Exception {
		// the default catalogue: someone trapped in a lift
		mvc.perform(get("/demands/categories/elevator").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("yes=5,60,119/120")));

		// a line naming no choice of the question: its message, nothing saved
		mvc.perform(post("/demands/categories").with(as("admin")).with(csrf())
				.param("code", "desk-urgent").param("name", "燃气泄漏").param("handlingLevel", "COMMUNITY")
				.param("urgency", "URGENT").param("signDeadline", "1").param("signDeadlineUnit", "WORKING_HOURS")
				.param("handleDeadline", "1").param("handleDeadlineUnit", "WORKING_DAYS")
				.param("questions[0].code", "smell").param("questions[0].datatype", "SINGLE_CHOICE")
				.param("questions[0].description", "是否闻到燃气味").param("questions[0].choices", "yes=闻到燃气味\nno=没有")
				.param("questions[0].urgentAnswers", "maybe=3,30,119"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(matchesPattern("(?s).*id=\"q-urgent-0\"[^>]*is-invalid.*每行一个“选项键=签收分钟.*")));
		assertThat(categories.findByCode("desk-urgent")).isEmpty();

		mvc.perform(post("/demands/categories").with(as("admin")).with(csrf())
				.param("code", "desk-urgent").param("name", "燃气泄漏").param("handlingLevel", "COMMUNITY")
				.param("urgency", "URGENT").param("signDeadline", "1").param("signDeadlineUnit", "WORKING_HOURS")
				.param("handleDeadline", "1").param("handleDeadlineUnit", "WORKING_DAYS")
				// left inactive, so other tests' catalogue stays as it was
				.param("questions[0].code", "smell").param("questions[0].datatype", "SINGLE_CHOICE")
				.param("questions[0].description", "是否闻到燃气味").param("questions[0].choices", "yes=闻到燃气味\nno=没有")
				.param("questions[0].urgentAnswers", "yes=3,30,119/110"))
			.andExpect(status().is3xxRedirection());
		var saved = categories.findByCode("desk-urgent").orElseThrow();
		assertThat(saved.attributes().get(0).urgentAnswers()).containsExactly(
				new org.jinlin.demands.internal.UrgentAnswer("smell", "yes", 3, 30, java.util.List.of("119", "110")));
		mvc.perform(get("/demands/categories/desk-urgent").with(as("admin")))
			.andExpect(content().string(containsString("yes=3,30,119/110")));
	}

	@Test
	void nonAdministratorsAreRefused() throws Exception {
		mvc.perform(get("/demands/categories").with(as("junmen"))).andExpect(status().isForbidden());
		mvc.perform(get("/demands/categories/sanitation").with(as("city"))).andExpect(status().isForbidden());
		mvc.perform(post("/demands/categories").with(as("junmen")).with(csrf()).param("code", "sanitation")
				.param("name", "改名").param("handlingLevel", "GRID").param("urgency", "NORMAL").param("signDeadline", "1")
				.param("signDeadlineUnit", "WORKING_HOURS").param("handleDeadline", "1").param("handleDeadlineUnit", "WORKING_DAYS"))
			.andExpect(status().isForbidden());
		assertThat(categories.findByCode("sanitation").orElseThrow().name()).isEqualTo("环境卫生");
		mvc.perform(get("/demands/calendar").with(as("junmen"))).andExpect(status().isForbidden());
		mvc.perform(post("/demands/calendar").with(as("city")).with(csrf()).param("date", "2031-01-02").param("name", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/demands/calendar/2026-10-01/delete").with(as("junmen")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorKeepsTheHolidayCalendar() throws Exception {
		mvc.perform(post("/demands/calendar").with(as("admin")).with(csrf()).param("date", "2031-01-02").param("name", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写名称")));
		mvc.perform(post("/demands/calendar").with(as("admin")).with(csrf()).param("date", "2031-01-02")
				.param("name", "测试假日"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/demands/calendar?year=2031"));
		mvc.perform(get("/demands/calendar").param("year", "2031").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"day-2031-01-02\"")))
			.andExpect(content().string(containsString("测试假日")));
		assertThat(jdbc.sql("SELECT working FROM demand_calendar_day WHERE calendar_date = DATE '2031-01-02'")
			.query(Boolean.class).single()).isFalse();
		mvc.perform(post("/demands/calendar/2031-01-02/delete").with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_calendar_day WHERE calendar_date = DATE '2031-01-02'")
			.query(Long.class).single()).isZero();
	}
}
