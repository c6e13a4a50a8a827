package org.jinlin.meals;

import java.util.UUID;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The meals page: canteen1 sees her diners and the sale her terminal just recorded; residents are refused. */
@SpringBootTest
@AutoConfigureMockMvc
class MealsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void canteen1SeesHerDinersAndTodaysSales() throws Exception {
		mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.CANTEEN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[{\"name\":\"页面测试汤\",\"price\":2.5}],\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/meals").with(as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"meals-diners\"")))
			.andExpect(content().string(containsString("王**")))
			.andExpect(content().string(not(containsString("王秀兰"))))
			.andExpect(content().string(containsString("页面测试汤 × 1 @ 2.50")))
			.andExpect(content().string(containsString("散客")))
			.andExpect(content().string(containsString("href=\"/meals\"")));
		mvc.perform(get("/meals?lang=en").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Meal assistance")));
	}

	@Test
	void residentsAreRefused() throws Exception {
		mvc.perform(get("/meals").with(as("resident1"))).andExpect(status().isForbidden());
	}
}
