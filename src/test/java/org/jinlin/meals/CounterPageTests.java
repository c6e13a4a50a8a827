package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counter page on the demo city: canteen1 finds 王阿姨 by name (masked), sees price, subsidy and amount to pay
 * before confirming, and the sale she confirms (twice, as a double tap would) is recorded once with that subsidy;
 * walk-ins and chosen dishes; bad input as field messages with nothing written; others refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CounterPageTests {

	static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long wang() {
		return jdbc.sql("SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
			.query(Long.class).single();
	}

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	long todaysItem(String name, int dayOffset) {
		return jdbc.sql("SELECT id FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND name = ?")
			.params(canteen(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(dayOffset), name)
			.query(Long.class).single();
	}

	static String between(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).trim();
	}

	static String key(String html) {
		Matcher m = KEY.matcher(html);
		assertThat(m.find()).as("the form carries an idempotency key").isTrue();
		return m.group(1);
	}

	long salesWithKey(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM meal_sale WHERE idempotency_key = ?").param(key).query(Long.class).single();
	}

	@Test
	void canteen1FindsWangSeesHerSubsidyBeforeConfirmingAndADoubleSubmitChargesOnce() throws Exception {
		long wang = wang();
		mvc.perform(get("/meals/counter").param("q", "秀兰").with(as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"pick-" + wang + "\"")))
			.andExpect(content().string(containsString("王**")))
			.andExpect(content().string(not(containsString("王秀兰"))));

		String html = mvc.perform(get("/meals/counter").param("dinerId", "" + wang).with(as("canteen1")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		BigDecimal price = new BigDecimal(between(html, "counter-quote-price"));
		BigDecimal subsidy = new BigDecimal(between(html, "counter-quote-subsidy"));
		BigDecimal paid = new BigDecimal(between(html, "counter-quote-paid"));
		assertThat(price).isEqualByComparingTo("12.00");
		assertThat(paid).isEqualByComparingTo(price.subtract(subsidy));
		BigDecimal used = jdbc.sql("SELECT COALESCE(SUM(used), 0) FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?")
			.params(wang, LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1)).query(BigDecimal.class).single();
		if (used.compareTo(new BigDecimal("100")) < 0) {
			assertThat(subsidy).as("an enrolled elder with cap left is subsidised").isPositive();
		}
		String key = key(html);

		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/meals/counter").with(as("canteen1")).with(csrf())
				.param("dinerId", "" + wang).param("idempotencyKey", key))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/meals/counter"));
		}
		assertThat(salesWithKey(key)).as("a double submit charges once").isEqualTo(1);
		var sale = jdbc.sql("SELECT diner_id, price, subsidy, paid FROM meal_sale WHERE idempotency_key = ?").param(key)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4) })
			.single();
		assertThat((Long) sale[0]).isEqualTo(wang);
		assertThat((BigDecimal) sale[2]).as("the subsidy shown is the subsidy applied").isEqualByComparingTo(subsidy);
		assertThat((BigDecimal) sale[3]).isEqualByComparingTo(paid);
		mvc.perform(get("/meals/counter").with(as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"meals-sales\"")));
	}

	@Test
	void aWalkInPaysFullPriceForTheChosenDish() throws Exception {
		long dish = todaysItem("控糖杂粮餐", 0);
		String html = mvc.perform(get("/meals/counter").param("walkIn", "true").param("items", "" + dish).with(as("canteen1")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(between(html, "counter-quote-price")).isEqualTo("13.00");
		assertThat(between(html, "counter-quote-subsidy")).isEqualTo("0.00");
		assertThat(between(html, "counter-quote-paid")).isEqualTo("13.00");
		String key = key(html);
		mvc.perform(post("/meals/counter").with(as("canteen1")).with(csrf()).param("items", "" + dish).param("idempotencyKey", key))
			.andExpect(status().is3xxRedirection());
		var row = jdbc.sql("SELECT diner_id, items, paid FROM meal_sale WHERE idempotency_key = ?").param(key)
			.query((rs, n) -> new Object[] { rs.getObject(1), rs.getString(2), rs.getBigDecimal(3) }).single();
		assertThat(row[0]).isNull();
		assertThat((String) row[1]).contains("控糖杂粮餐");
		assertThat((BigDecimal) row[2]).isEqualByComparingTo("13.00");
	}

	@Test
	void badInputShowsFieldMessagesAndWritesNothing() throws Exception {
		mvc.perform(get("/meals/counter").param("card", "NO-SUCH-CARD").with(as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"counter-errors\"")))
			.andExpect(content().string(containsString("查无此就餐人")))
			.andExpect(content().string(not(containsString("id=\"counter-sell\""))));
		long tomorrows = todaysItem("控糖杂粮餐", 1);
		long before = jdbc.sql("SELECT COUNT(*) FROM meal_sale").query(Long.class).single();
		mvc.perform(post("/meals/counter").with(as("canteen1")).with(csrf()).param("walkIn", "true")
			.param("items", "" + tomorrows).param("idempotencyKey", "counter-page-bad-item"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("所选菜品不在本助餐点今天的菜单上")));
		mvc.perform(post("/meals/counter").with(as("canteen1")).with(csrf()).param("dinerId", "" + wang()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"counter-errors\"")));
		mvc.perform(post("/meals/counter?lang=en").with(as("canteen1")).with(csrf()).param("card", "NO-SUCH-CARD")
			.param("idempotencyKey", "counter-page-bad-card"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Counter")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sale").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyThePlacesOperatorUsesTheCounter() throws Exception {
		mvc.perform(get("/meals/counter").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/meals/counter").with(as("junmen"))).andExpect(status().isForbidden());
		mvc.perform(post("/meals/counter").with(as("junmen")).with(csrf()).param("idempotencyKey", "x"))
			.andExpect(status().isForbidden());
	}
}
