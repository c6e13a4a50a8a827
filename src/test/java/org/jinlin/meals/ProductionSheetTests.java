package org.jinlin.meals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The production sheet on the demo city: tomorrow's orders at canteen1's canteen counted per dish, diet variant and
 * destination (home delivery apart), the central kitchen's sheet covering the canteens it supplies, a change after
 * the cut-off flagged; the printable page and the Excel download.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProductionSheetTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	long kitchen() {
		return jdbc.sql("SELECT kitchen_id FROM meal_place WHERE id = ?").param(canteen()).query(Long.class).single();
	}

	@Test
	void tomorrowsOrdersCountedPerDishDietAndDestinationWithLateChangesFlagged() throws Exception {
		LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
		long diner = jdbc.sql("SELECT id FROM meal_diner WHERE card_number = 'JM0015'").query(Long.class).single();
		long congee = jdbc.sql("SELECT id FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND name = '清淡粥点'")
			.params(canteen(), tomorrow).query(Long.class).single();
		jdbc.sql("UPDATE meal_place SET order_cutoff = '00:00:00' WHERE id = ?").param(canteen()).update();
		try {
			mvc.perform(post("/api/v1/meals/orders").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"dinerId\":" + diner + ",\"day\":\"" + tomorrow + "\",\"meal\":\"DINNER\",\"menuItemId\":" + congee + "}"))
				.andExpect(status().isCreated());
			long expected = jdbc.sql("SELECT COUNT(*) FROM meal_order WHERE place_id = ? AND served_on = ? AND status = 'PLACED'")
				.params(canteen(), tomorrow).query(Long.class).single();
			String body = mvc.perform(get("/api/v1/meals/places/" + canteen() + "/production?date=" + tomorrow)
				.with(DemoAccounts.as("canteen1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Number> counts = JsonPath.read(body, "$.totals[*].count");
			assertThat(counts.stream().mapToLong(Number::longValue).sum()).isEqualTo(expected).isGreaterThan(1);
			List<Map<String, Object>> lines = JsonPath.read(body, "$.lines[?(@.item == '清淡粥点')]");
			assertThat(lines).anySatisfy(l -> assertThat(((Number) l.get("late")).longValue()).isPositive());
			boolean delivered = jdbc.sql("SELECT home_delivery FROM meal_diner WHERE id = ?").param(diner).query(Boolean.class).single();
			assertThat(lines).anySatisfy(l -> assertThat(l.get("delivery")).isEqualTo(delivered));
			// the kitchen's sheet covers the canteen's orders
			String kitchenSheet = mvc.perform(get("/api/v1/meals/places/" + kitchen() + "/production?date=" + tomorrow)
				.with(DemoAccounts.as("gulou")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Number> kitchenCounts = JsonPath.read(kitchenSheet, "$.totals[*].count");
			assertThat(kitchenCounts.stream().mapToLong(Number::longValue).sum()).isGreaterThanOrEqualTo(expected);
			mvc.perform(get("/meals/places/" + canteen() + "/production?date=" + tomorrow).with(user(users.loadUserByUsername("canteen1"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"production-totals\"")))
				.andExpect(content().string(containsString("在截止后变更")));
			byte[] xlsx = mvc.perform(get("/meals/places/" + canteen() + "/production.xlsx?date=" + tomorrow)
				.with(user(users.loadUserByUsername("canteen1"))))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(xlsx).startsWith('P', 'K');
			mvc.perform(get("/api/v1/meals/places/" + kitchen() + "/production").with(DemoAccounts.as("canteen1")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/meals/places/" + canteen() + "/production").with(DemoAccounts.as("resident1")))
				.andExpect(status().isForbidden());
		}
		finally {
			jdbc.sql("UPDATE meal_place SET order_cutoff = NULL WHERE id = ?").param(canteen()).update();
			jdbc.sql("DELETE FROM meal_order WHERE diner_id = ? AND served_on = ? AND meal = 'DINNER'").params(diner, tomorrow).update();
		}
	}
}
