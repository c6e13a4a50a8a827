package org.jinlin.meals;

import java.time.LocalDate;
import java.time.ZoneId;

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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Menus and orders on the demo city: canteen1's canteen has two weeks of menus; 王阿姨 (low-salt) orders, is refused
 * a dish that cannot meet her diet, cancels; the cut-off stops her but not staff (flagged late); a paused diner
 * cannot order; standing orders become orders; canteen1 sees the day's orders.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealOrdersTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	long wang() {
		return jdbc.sql("SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
			.query(Long.class).single();
	}

	long diner(String card) {
		return jdbc.sql("SELECT id FROM meal_diner WHERE card_number = ?").param(card).query(Long.class).single();
	}

	long item(LocalDate day, String meal, String namePrefix) {
		return jdbc.sql("SELECT id FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = ? AND name LIKE ? ORDER BY line")
			.params(canteen(), day, meal, namePrefix + "%").query(Long.class).list().get(0);
	}

	ResultActions api(MockHttpServletRequestBuilder request, String user, String json) throws Exception {
		return mvc.perform(request.with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String order(Long diner, LocalDate day, String meal, long item) {
		return "{" + (diner == null ? "" : "\"dinerId\":" + diner + ",") + "\"day\":\"" + day + "\",\"meal\":\"" + meal
				+ "\",\"menuItemId\":" + item + "}";
	}

	@Test
	void theCanteensMenuIsReadByEveryoneAndEditedByItsStaff() throws Exception {
		LocalDate week = LocalDate.now(ZONE).plusWeeks(5);
		api(get("/api/v1/meals/places/" + canteen() + "/menus"), "resident1", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.cutoff", is("16:00:00")))
			.andExpect(jsonPath("$.items.length()", greaterThan(10)));
		String body = "{\"items\":[{\"day\":\"" + week + "\",\"meal\":\"LUNCH\",\"name\":\"测试套餐\",\"setMeal\":true,"
				+ "\"diets\":[\"LOW_SALT\"],\"price\":11.5}]}";
		api(put("/api/v1/meals/places/" + canteen() + "/menus?week=" + week), "canteen1", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].name", hasItem("测试套餐")))
			.andExpect(jsonPath("$.items[0].diets[0]", is("LOW_SALT")));
		api(put("/api/v1/meals/places/" + canteen() + "/menus?week=" + week), "canteen1",
				"{\"items\":[{\"day\":\"" + week.plusDays(9) + "\",\"meal\":null,\"name\":\"\",\"price\":-1}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()", is(4)));
		api(put("/api/v1/meals/places/" + canteen() + "/menus?week=" + week), "resident1", body).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_menu_item WHERE place_id = ? AND name = '测试套餐'").param(canteen())
			.query(Long.class).single()).isEqualTo(1);
		// the page's editor: one line per dish, a bad line named
		mvc.perform(post("/meals/places/" + canteen() + "/menus?week=" + week).with(page("canteen1")).with(csrf())
			.param("lines", week + " | LUNCH | 页面套餐 | 12.00 | SET | SOFT\nnonsense"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 行格式不对")));
		mvc.perform(post("/meals/places/" + canteen() + "/menus?week=" + week).with(page("canteen1")).with(csrf())
			.param("lines", week + " | LUNCH | 页面套餐 | 12.00 | SET | SOFT"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/meals/places/" + canteen() + "/menus?week=" + week).with(page("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面套餐")))
			.andExpect(content().string(not(containsString("测试套餐"))))
			.andExpect(content().string(not(containsString("id=\"menu-form\""))));
	}

	@Test
	void wangOrdersWhatMeetsHerDietAndCancels() throws Exception {
		LocalDate day = LocalDate.now(ZONE).plusDays(2);
		String refused = api(post("/api/v1/meals/orders"), "resident1", order(null, day, "LUNCH", plain(day)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(refused, "$.detail")).contains("低盐").contains("不适合她的饮食需要");
		String placed = api(post("/api/v1/meals/orders"), "resident1", order(null, day, "LUNCH", item(day, "LUNCH", "少盐")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status", is("PLACED")))
			.andExpect(jsonPath("$.late", is(false)))
			.andExpect(jsonPath("$.diets[0]", is("LOW_SALT")))
			.andExpect(jsonPath("$.dinerName", is("王**")))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(placed, "$.id")).longValue();
		// again the same meal: the dish is replaced, still one order
		api(post("/api/v1/meals/orders"), "resident1", order(null, day, "LUNCH", item(day, "LUNCH", "控糖")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id", is((int) id)))
			.andExpect(jsonPath("$.item", is("控糖杂粮餐")));
		api(get("/api/v1/meals/orders/mine"), "resident1", "").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		api(get("/api/v1/meals/orders?date=" + day), "canteen1", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].item", hasItem("控糖杂粮餐")))
			.andExpect(jsonPath("$.page", is(0)))
			.andExpect(jsonPath("$.total", greaterThan(0)));
		mvc.perform(delete("/api/v1/meals/orders/" + id).with(DemoAccounts.as("resident1"))).andExpect(status().isNoContent());
		api(get("/api/v1/meals/orders?date=" + day), "canteen1", "")
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].status", hasItem("CANCELLED")));
		// someone else's order is not hers
		long other = JsonPath.<Number>read(api(post("/api/v1/meals/orders"), "junmen",
				order(diner("JM0002"), day, "DINNER", item(day, "DINNER", "清淡粥点"))).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id").longValue();
		mvc.perform(delete("/api/v1/meals/orders/" + other).with(DemoAccounts.as("resident1"))).andExpect(status().isNotFound());
		// a dish of another day is a field error
		api(post("/api/v1/meals/orders"), "resident1", order(null, day, "LUNCH", item(day.plusDays(1), "LUNCH", "少盐")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("menuItemId")));
	}

	long plain(LocalDate day) {
		return jdbc.sql("""
				SELECT id FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = 'LUNCH' AND diets = '' AND set_meal
				ORDER BY line""").params(canteen(), day).query(Long.class).list().get(0);
	}

	@Test
	void afterTheCutoffSheCannotButStaffCanFlaggedLate() throws Exception {
		LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
		jdbc.sql("UPDATE meal_place SET order_cutoff = '00:00:00' WHERE id = ?").param(canteen()).update();
		try {
			api(post("/api/v1/meals/orders"), "resident1", order(null, tomorrow, "DINNER", item(tomorrow, "DINNER", "清淡粥点")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("已过订餐截止时间")));
			api(post("/api/v1/meals/orders"), "junmen",
					order(wang(), tomorrow, "DINNER", item(tomorrow, "DINNER", "清淡粥点")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.late", is(true)))
				.andExpect(jsonPath("$.cancellable", is(false)));
			mvc.perform(get("/meals/orders?date=" + tomorrow).with(page("canteen1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("截止后变更")));
		}
		finally {
			jdbc.sql("UPDATE meal_place SET order_cutoff = NULL WHERE id = ?").param(canteen()).update();
			jdbc.sql("DELETE FROM meal_order WHERE diner_id = ? AND served_on = ? AND meal = 'DINNER'").params(wang(), tomorrow).update();
		}
	}

	@Test
	void aPausedDinerCannotOrderInHerPausedDays() throws Exception {
		LocalDate day = LocalDate.now(ZONE).plusDays(3);
		long diner = diner("JM0008");
		jdbc.sql("UPDATE meal_diner SET paused_from = ?, resume_on = ? WHERE id = ?").params(day, day.plusDays(1), diner).update();
		try {
			api(post("/api/v1/meals/orders"), "junmen", order(diner, day, "DINNER", item(day, "DINNER", "清淡粥点")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("暂停")));
			api(post("/api/v1/meals/orders"), "junmen",
					order(diner, day.plusDays(1), "DINNER", item(day.plusDays(1), "DINNER", "清淡粥点")))
				.andExpect(status().isCreated());
		}
		finally {
			jdbc.sql("UPDATE meal_diner SET paused_from = NULL, resume_on = NULL WHERE id = ?").param(diner).update();
		}
	}

	@Test
	void aStandingOrderBecomesOrdersAndEnds() throws Exception {
		long diner = diner("JM0020");
		LocalDate from = LocalDate.now(ZONE).plusDays(2);
		String made = api(post("/api/v1/meals/standing-orders"), "junmen", "{\"dinerId\":" + diner
				+ ",\"meal\":\"DINNER\",\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],"
				+ "\"from\":\"" + from + "\"}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(made, "$.id")).longValue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_order WHERE standing_order_id = ? AND status = 'PLACED'").param(id)
			.query(Long.class).single()).isBetween(5L, 6L);
		assertThat(jdbc.sql("SELECT MIN(served_on) FROM meal_order WHERE standing_order_id = ?").param(id).query(LocalDate.class)
			.single()).isEqualTo(from);
		api(post("/api/v1/meals/standing-orders"), "junmen", "{\"dinerId\":" + diner + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("meal", "weekdays")));
		mvc.perform(delete("/api/v1/meals/standing-orders/" + id).with(DemoAccounts.as("junmen"))).andExpect(status().isNoContent());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_order WHERE standing_order_id = ? AND status = 'PLACED'").param(id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void wangOrdersOnHerPageWithLargeButtons() throws Exception {
		LocalDate day = LocalDate.now(ZONE).plusDays(4);
		long dish = item(day, "DINNER", "清淡粥点");
		mvc.perform(get("/meals/order").with(page("resident1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"order-" + dish + "\"")))
			.andExpect(content().string(containsString("btn-lg w-100")))
			.andExpect(content().string(containsString("不适合您的饮食需要")));
		mvc.perform(post("/meals/order").with(page("resident1")).with(csrf()).param("day", day.toString())
			.param("meal", "DINNER").param("menuItemId", "" + dish))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "meals.order.placed"));
		mvc.perform(post("/meals/order").with(page("resident1")).with(csrf()).param("day", day.toString())
			.param("meal", "DINNER").param("menuItemId", "" + item(day, "DINNER", "家常晚餐")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", containsString("低盐")));
		mvc.perform(get("/meals/order").with(page("resident1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ordered-" + day + "-DINNER\"")));
		mvc.perform(get("/meals/orders?date=" + day).with(page("canteen1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("王**")))
			.andExpect(content().string(containsString("清淡粥点")));
	}
}
