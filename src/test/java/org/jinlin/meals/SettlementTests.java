package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly settlement on the demo city: last month's statement of canteen1's canteen adds up from its sales (by
 * funding source and tier); the street approves it, the month closes (no change, event once); a sale dated in a
 * closed month is refused (problem+json, field message on the counter page).
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class SettlementTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	UserDetailsService users;

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	@Test
	void lastMonthsStatementAddsUpAndTheStreetApprovesAndClosesIt() throws Exception {
		YearMonth last = YearMonth.now(ZONE).minusMonths(1);
		long place = canteen();
		String body = mvc.perform(get("/api/v1/meals/settlements").with(DemoAccounts.as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.month", is(last.toString())))
			.andExpect(jsonPath("$.status", is("SUBMITTED")))
			.andExpect(jsonPath("$.canSubmit", is(true)))
			.andExpect(jsonPath("$.canApprove", is(false)))
			.andReturn().getResponse().getContentAsString();
		long meals = jdbc.sql("SELECT COUNT(*) FROM meal_sale WHERE place_id = ? AND sold_on BETWEEN ? AND ?")
			.params(place, last.atDay(1), last.atEndOfMonth()).query(Long.class).single();
		BigDecimal subsidy = jdbc.sql("SELECT SUM(subsidy) FROM meal_sale WHERE place_id = ? AND sold_on BETWEEN ? AND ?")
			.params(place, last.atDay(1), last.atEndOfMonth()).query(BigDecimal.class).single();
		assertThat(meals).as("the demo sold last month").isPositive();
		assertThat(((Number) JsonPath.read(body, "$.meals")).longValue()).isEqualTo(meals);
		assertThat(new BigDecimal(JsonPath.read(body, "$.subsidy").toString())).isEqualByComparingTo(subsidy);
		List<Object> sources = JsonPath.read(body, "$.sources[*].amount");
		assertThat(sources.stream().map(o -> new BigDecimal(o.toString())).reduce(BigDecimal.ZERO, BigDecimal::add))
			.as("the sources add up to the subsidy").isEqualByComparingTo(subsidy);
		List<Object> tierMeals = JsonPath.read(body, "$.tiers[*].meals");
		assertThat(tierMeals.stream().mapToLong(o -> ((Number) o).longValue()).sum()).as("every meal in one tier").isEqualTo(meals);
		List<Object> tierSubsidy = JsonPath.read(body, "$.tiers[*].subsidy");
		assertThat(tierSubsidy.stream().map(o -> new BigDecimal(o.toString())).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(subsidy);

		// the canteen cannot approve; the street does, once
		mvc.perform(post("/api/v1/meals/settlements/approval").param("place", "" + place).param("month", last.toString())
			.with(DemoAccounts.as("canteen1"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/meals/settlements/approval").param("place", "" + place).param("month", last.toString())
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("APPROVED")))
			.andExpect(jsonPath("$.approvedBy", is("dongjie")));
		assertThat(events.stream(MonthSettled.class).filter(e -> e.placeId() == place && e.month().equals(last.toString())))
			.singleElement()
			.satisfies(e -> assertThat(e.meals()).isEqualTo(meals));
		mvc.perform(post("/api/v1/meals/settlements/approval").param("place", "" + place).param("month", last.toString())
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/meals/settlements/submission").param("month", last.toString())
			.with(DemoAccounts.as("canteen1")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/meals/settlements").param("place", "" + place).param("month", last.toString())
			.with(user(users.loadUserByUsername("dongjie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已审核，已关账")));
		mvc.perform(get("/meals/settlements.xlsx").param("place", "" + place).param("month", last.toString())
			.with(user(users.loadUserByUsername("dongjie"))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@Test
	void aSaleDatedInAClosedMonthIsRefused() throws Exception {
		long place = canteen();
		YearMonth now = YearMonth.now(ZONE);
		jdbc.sql("""
				INSERT INTO meal_settlement (place_id, month_start, status, meals, price, subsidy, paid, submitted_at, submitted_by,
				approved_at, approved_by) VALUES (?, ?, 'APPROVED', 0, 0, 0, 0, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')""")
			.params(place, now.atDay(1)).update();
		try {
			String key = UUID.randomUUID().toString();
			mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.CANTEEN_KEY)
				.contentType(MediaType.APPLICATION_JSON).content("{\"idempotencyKey\":\"" + key + "\"}"))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(content().string(containsString(now.toString())));
			mvc.perform(post("/meals/counter").with(user(users.loadUserByUsername("canteen1"))).with(csrf())
				.param("idempotencyKey", key))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("已结算关账")));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sale WHERE idempotency_key = ?").param(key).query(Long.class).single())
				.isZero();
		}
		finally {
			jdbc.sql("DELETE FROM meal_settlement WHERE place_id = ? AND month_start = ?").params(place, now.atDay(1)).update();
		}
	}

	@Test
	void staffOfAnotherJurisdictionDoNotSeeTheCanteensStatement() throws Exception {
		mvc.perform(get("/api/v1/meals/settlements").param("place", "" + canteen()).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/meals/settlements").param("month", "2026-13").with(DemoAccounts.as("canteen1")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("month")));
		mvc.perform(get("/meals/settlements").with(user(users.loadUserByUsername("dongjie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
	}
}
