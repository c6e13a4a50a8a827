package org.jinlin.alarms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jinlin.alarms.internal.AlarmView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The elder's help page lists her recent alarms newest first, by when they were raised (the demo's past alarms too). */
@SpringBootTest
@AutoConfigureMockMvc
class HelpPageOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void recentAlarmsAreNewestFirst() throws Exception {
		@SuppressWarnings("unchecked")
		List<AlarmView> mine = (List<AlarmView>) mvc.perform(get("/help").with(user(users.loadUserByUsername("resident1"))))
			.andExpect(status().isOk())
			.andReturn().getModelAndView().getModel().get("mine");
		assertThat(mine).hasSizeGreaterThan(1);
		assertThat(mine.stream().map(AlarmView::raisedAt).toList()).isSortedAccordingTo(Comparator.<Instant>reverseOrder());
	}
}
