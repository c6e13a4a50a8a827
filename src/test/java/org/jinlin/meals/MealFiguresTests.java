package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The meal figures on the demo city: every figure equals its drill-down's total (for a district, a street and a
 * community, last month and this one); the figures count what the tables hold (places, diners, sales, subsidy); a
 * known change moves exactly the figures it should; a month without sales has no data rather than 0; the page shows
 * the tiles, charts and children, the export is a workbook.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealFiguresTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String JUNMEN = "350102004001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A signed-in page visit (pages sign in by form, not HTTP Basic). */
	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	Map<String, Object> figures(String user, String query) throws Exception {
		String body = mvc.perform(get("/api/v1/meals/figures" + query).with(DemoAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	long total(String user, String figure, String query) throws Exception {
		String body = mvc.perform(get("/api/v1/meals/figures/" + figure + "/records" + query + "&size=5")
				.with(DemoAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Object> items = JsonPath.read(body, "$.items");
		long total = ((Number) JsonPath.read(body, "$.total")).longValue();
		assertThat(items.size()).isEqualTo((int) Math.min(5, total));
		return total;
	}

	long count(Map<String, Object> f, String indicator) {
		List<Object> counts = JsonPath.read(f, "$.figures[?(@.indicator == '" + indicator + "')].count");
		return ((Number) counts.get(0)).longValue();
	}

	long met(Map<String, Object> f, String indicator) {
		List<Object> met = JsonPath.read(f, "$.figures[?(@.indicator == '" + indicator + "')].met");
		return ((Number) met.get(0)).longValue();
	}

	String street() {
		return jdbc.sql("SELECT path FROM territory_node WHERE code = '350102004000'").query(String.class).single();
	}

	Object value(Map<String, Object> f, String indicator) {
		List<Object> values = JsonPath.read(f, "$.figures[?(@.indicator == '" + indicator + "')].value");
		return values.get(0);
	}

	@Test
	void everyFigureEqualsItsDrillDownTotal() throws Exception {
		YearMonth last = YearMonth.now(ZONE).minusMonths(1);
		for (String user : List.of("gulou", "dongjie", "junmen")) {
			for (String month : List.of(last.toString(), YearMonth.now(ZONE).toString())) {
				String query = "?month=" + month;
				Map<String, Object> f = figures(user, query);
				for (MealIndicator i : MealIndicator.values()) {
					assertThat(total(user, i.slug(), query)).as(user + " " + month + " " + i).isEqualTo(count(f, i.name()));
				}
			}
		}
		Map<String, Object> f = figures("gulou", "?month=" + last);
		assertThat(count(f, "MEALS_MONTH")).as("the demo canteen sold last month").isPositive();
		assertThat(count(f, "CANTEENS")).isPositive();
		assertThat(count(f, "DINERS")).isPositive();
		assertThat(count(f, "LIVING_ALONE_ENROLLED")).as("the register has elders living alone").isPositive();
	}

	@Test
	void theFiguresCountWhatTheTablesHold() throws Exception {
		YearMonth last = YearMonth.now(ZONE).minusMonths(1);
		Map<String, Object> f = figures("gulou", "?month=" + last + "&day=" + last.atDay(10));
		String path = jdbc.sql("SELECT path FROM territory_node WHERE code = '350102'").query(String.class).single();
		assertThat(count(f, "CANTEENS")).isEqualTo(jdbc.sql(
				"SELECT COUNT(*) FROM meal_place WHERE kind = 'ELDER_CANTEEN' AND territory_path LIKE ?")
			.param(path + "%").query(Long.class).single());
		assertThat(count(f, "DINERS")).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM meal_diner WHERE territory_path LIKE ?")
			.param(path + "%").query(Long.class).single());
		String sales = "FROM meal_sale s JOIN meal_place p ON p.id = s.place_id WHERE p.territory_path LIKE ? AND s.sold_on BETWEEN ? AND ?";
		assertThat(count(f, "MEALS_MONTH")).isEqualTo(jdbc.sql("SELECT COUNT(*) " + sales)
			.params(path + "%", last.atDay(1), last.atEndOfMonth()).query(Long.class).single());
		assertThat(count(f, "MEALS_DAY")).isEqualTo(jdbc.sql("SELECT COUNT(*) " + sales)
			.params(path + "%", last.atDay(10), last.atDay(10)).query(Long.class).single()).isPositive();
		BigDecimal subsidy = jdbc.sql("SELECT SUM(s.subsidy) " + sales).params(path + "%", last.atDay(1), last.atEndOfMonth())
			.query(BigDecimal.class).single();
		assertThat(new BigDecimal(value(f, "SUBSIDY_MONTH").toString())).isEqualByComparingTo(subsidy);
		List<Object> days = JsonPath.read(f, "$.days[*].meals");
		assertThat(days).hasSize(last.lengthOfMonth());
		assertThat(days.stream().mapToLong(o -> ((Number) o).longValue()).sum()).isEqualTo(count(f, "MEALS_MONTH"));
		List<Object> childMeals = JsonPath.read(f, "$.children[*].meals");
		assertThat(childMeals.stream().mapToLong(o -> ((Number) o).longValue()).sum()).isEqualTo(count(f, "MEALS_MONTH"));
	}

	@Test
	@Transactional
	void aKnownChangeMovesExactlyItsFigures() throws Exception {
		long place = jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
		String territory = jdbc.sql("SELECT n.code FROM territory_node n JOIN meal_place p ON p.territory_id = n.id WHERE p.id = ?")
			.param(place).query(String.class).single();
		String query = "?territory=" + territory;
		Map<String, Object> before = figures("dongjie", query);
		jdbc.sql("""
				INSERT INTO meal_sale (place_id, idempotency_key, diner_id, sold_on, sold_at, meal, items, price, subsidy, paid,
				sold_by) VALUES (?, 'figures-test', NULL, ?, ?, 'LUNCH', 'test', 12.00, 0, 12.00, 'test')""")
			.params(place, LocalDate.now(ZONE), OffsetDateTime.now(ZONE))
			.update();
		// an elder living alone (60 and over) of 东街街道 who is not enrolled yet enrols: her community's share moves
		Map<String, Object> elder = jdbc.sql("""
				SELECT r.id, n.code FROM resident r JOIN territory_node n ON n.id = r.community_id
				WHERE r.tags LIKE '%LIVING_ALONE%' AND r.status = 'ACTIVE' AND r.birth_date <= ? AND r.territory_path LIKE ?
				AND NOT EXISTS (SELECT 1 FROM meal_diner d WHERE d.resident_id = r.id) ORDER BY r.id LIMIT 1""")
			.params(LocalDate.now(ZONE).minusYears(61), street() + "%")
			.query().singleRow();
		long resident = ((Number) elder.get("id")).longValue();
		String community = "?territory=" + elder.get("code");
		Map<String, Object> communityBefore = figures("dongjie", community);
		jdbc.sql("""
				INSERT INTO meal_diner (resident_id, community_id, territory_path, enrolled_at, enrolled_by)
				SELECT id, community_id, territory_path, CURRENT_TIMESTAMP, 'test' FROM resident WHERE id = ?""")
			.param(resident)
			.update();
		Map<String, Object> communityAfter = figures("dongjie", community);
		assertThat(count(communityAfter, "DINERS")).isEqualTo(count(communityBefore, "DINERS") + 1);
		assertThat(count(communityAfter, "LIVING_ALONE_ENROLLED")).isEqualTo(count(communityBefore, "LIVING_ALONE_ENROLLED"));
		assertThat(met(communityAfter, "LIVING_ALONE_ENROLLED")).isEqualTo(met(communityBefore, "LIVING_ALONE_ENROLLED") + 1);
		for (MealIndicator i : MealIndicator.values()) {
			assertThat(total("dongjie", i.slug(), community)).as(i.name()).isEqualTo(count(communityAfter, i.name()));
		}
		Map<String, Object> after = figures("dongjie", query);
		assertThat(count(after, "MEALS_DAY")).isEqualTo(count(before, "MEALS_DAY") + 1);
		assertThat(count(after, "MEALS_MONTH")).isEqualTo(count(before, "MEALS_MONTH") + 1);
		assertThat(count(after, "SUBSIDY_MONTH")).as("a walk-in has no subsidy").isEqualTo(count(before, "SUBSIDY_MONTH"));
		assertThat(count(after, "CANTEENS")).isEqualTo(count(before, "CANTEENS"));
		for (MealIndicator i : MealIndicator.values()) {
			assertThat(total("dongjie", i.slug(), query)).as(i.name()).isEqualTo(count(after, i.name()));
		}
	}

	@Test
	void aMonthWithoutMealsHasNoDataRatherThanZero() throws Exception {
		mvc.perform(get("/api/v1/meals/figures?month=2001-01").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures[?(@.indicator == 'MEALS_MONTH')].count").value(0))
			.andExpect(jsonPath("$.figures[?(@.indicator == 'SUBSIDY_MONTH')].value").isEmpty())
			.andExpect(jsonPath("$.figures[?(@.indicator == 'MEALS_PER_THOUSAND_ELDERS')].value").isEmpty());
		assertThat(new org.jinlin.shared.figures.Tally(0, 0).percent()).isNull();
	}

	@Test
	void outsideTheJurisdictionIsNotFoundAndBadInputIsAFieldError() throws Exception {
		mvc.perform(get("/api/v1/meals/figures?territory=350111").with(DemoAccounts.as("dongjie")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/meals/figures?month=2999-01&day=nope").with(DemoAccounts.as("dongjie")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("month")))
			.andExpect(content().string(containsString("day")));
		mvc.perform(get("/api/v1/meals/figures").with(DemoAccounts.as("canteen1"))).andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsTheFiguresChartsAndChildrenAndExports() throws Exception {
		YearMonth last = YearMonth.now(ZONE).minusMonths(1);
		mvc.perform(get("/meals/figures?month=" + last).with(page("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"figure-living-alone-enrolled\"")))
			.andExpect(content().string(containsString("figures-day-chart")))
			.andExpect(content().string(containsString("echarts.min.js")))
			.andExpect(content().string(containsString("id=\"figures-row-350102004000\"")));
		mvc.perform(get("/meals/figures/meals-month?month=" + last).with(page("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"figure-records\"")));
		mvc.perform(get("/meals/figures.xlsx?month=" + last).with(page("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(org.jinlin.shared.spreadsheet.SpreadsheetDownloads.XLSX));
		mvc.perform(get("/meals/figures?lang=en").with(page("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Meal figures")));
		mvc.perform(get("/api/v1/meals/figures").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.territory", is(JUNMEN)));
	}
}
