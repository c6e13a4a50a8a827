package org.jinlin.servicehours;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The service-hours pages: my hours with the time bank, the figures with their chart data, field messages. */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceHoursPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The demo history is booked after start-up, as a batch. */
	@org.junit.jupiter.api.BeforeEach
	void demoHistoryBooked() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM service_record WHERE person_key = 'volunteer1' AND source_ref LIKE 'demo-visit:%'")
			.query(Long.class).single() == 12);
	}

	@Test
	void theVolunteerSeesHerHoursTimeBankAndRecordsInChinese() throws Exception {
		mvc.perform(get("/service/hours").with(user(users.loadUserByUsername("volunteer1"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"hours-total\"")))
			.andExpect(content().string(containsString("id=\"timebank-balance\"")))
			.andExpect(content().string(containsString("结对探访")));
	}

	@Test
	void aDonationWithoutHoursIsAFieldMessageNotAnError() throws Exception {
		mvc.perform(post("/service/hours/time-bank/donate").param("hoursText", "abc").with(csrf())
				.with(user(users.loadUserByUsername("volunteer1"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"donate-error\"")))
			.andExpect(content().string(containsString("请填写数字")));
	}

	@Test
	void theCommunityWorkerSeesFiguresWithATwelveMonthChartAndTheLedger() throws Exception {
		mvc.perform(get("/service/figures").with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"figures-chart\"")))
			.andExpect(content().string(containsString("personTimes")))
			.andExpect(content().string(containsString("军门社区")));
		mvc.perform(get("/service/figures").param("territory", "350102").with(user(users.loadUserByUsername("gulou"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"figures-children\"")));
		mvc.perform(get("/service/ledger").with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只增不改")));
	}
}
