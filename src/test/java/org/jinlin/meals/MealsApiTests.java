package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The meals API on the demo city: the diners each account may see, and counter sales through canteen1's terminal key
 * (subsidy applied, the same idempotency key the same sale, walk-ins at full price, bad input as problem+json).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealsApiTests {

	static final String KEY = DemoAccounts.CANTEEN_KEY;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A demo diner by card: JM… of canteen1's canteen, GL… of another street's. */
	long diner(String card) {
		return jdbc.sql("SELECT id FROM meal_diner WHERE card_number = ?").param(card).query(Long.class).single();
	}

	long wang() {
		return jdbc.sql("SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
			.query(Long.class)
			.single();
	}

	ResultActions sell(String json) throws Exception {
		return mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	@Test
	void canteen1SeesOnlyTheDinersOfHerCanteenMaskedWithCategoryAndDiets() throws Exception {
		String body = mvc.perform(get("/api/v1/meals/diners?size=100").with(DemoAccounts.as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page", is(0)))
			.andExpect(jsonPath("$.size", is(100)))
			.andExpect(jsonPath("$.items[*].communityCode", everyItem(startsWith("350102004"))))
			.andExpect(jsonPath("$.items[*].name", hasItem("王**")))
			.andExpect(jsonPath("$.items[*].name", not(hasItem("王秀兰"))))
			.andExpect(jsonPath("$.items[0]", hasKey("category")))
			.andExpect(jsonPath("$.items[0]", hasKey("diets")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> ids = JsonPath.read(body, "$.items[*].id");
		int total = JsonPath.read(body, "$.total");
		assertThat(ids).hasSize(total).contains((int) wang()).doesNotContain((int) diner("GL0001"));
		long ofHerCanteen = jdbc.sql("""
				SELECT COUNT(*) FROM meal_diner d JOIN meal_place_operator o ON o.place_id = d.place_id
				WHERE o.username = 'canteen1'""").query(Long.class).single();
		assertThat((long) total).isEqualTo(ofHerCanteen).isGreaterThan(0);
		// 王阿姨 eats low-salt; the category comes from the register (she is only 空巢: ordinary)
		mvc.perform(get("/api/v1/meals/diners?size=100").with(DemoAccounts.as("canteen1")))
			.andExpect(jsonPath("$.items[?(@.id == " + wang() + ")].diets[0]", containsInAnyOrder("LOW_SALT")))
			.andExpect(jsonPath("$.items[?(@.id == " + wang() + ")].category", containsInAnyOrder("ORDINARY")));
	}

	@Test
	void staffSeeTheirJurisdictionOthersAreRefused() throws Exception {
		mvc.perform(get("/api/v1/meals/diners?size=100").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) diner("GL0001"))));
		mvc.perform(get("/api/v1/meals/diners?size=100").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) diner("GL0001")))))
			.andExpect(jsonPath("$.items[*].communityCode", everyItem(is("350102004001"))));
		mvc.perform(get("/api/v1/meals/diners").with(DemoAccounts.as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/meals/diners").header("X-Api-Key", KEY)).andExpect(status().isForbidden());
	}

	@Test
	void theSetMealWithHerSubsidyAndTheSameKeyTheSameSale() throws Exception {
		long diner = wang();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		BigDecimal before = used(diner, today);
		String key = key();
		String json = "{\"dinerId\":" + diner + ",\"idempotencyKey\":\"" + key + "\"}";
		// 王阿姨 is 63: 鼓楼's rule of this year gives 3 yuan a meal (cap 120) on the 12-yuan set meal
		BigDecimal expected = new BigDecimal("3.00").min(new BigDecimal("120.00").subtract(before)).max(BigDecimal.ZERO);
		String first = sell(json).andExpect(status().isCreated())
			.andExpect(jsonPath("$.price").value(12.0))
			.andExpect(jsonPath("$.subsidy").value(expected.doubleValue()))
			.andExpect(jsonPath("$.paid").value(new BigDecimal("12.00").subtract(expected).doubleValue()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("\"price\":12.00").contains("\"subsidy\":" + expected.setScale(2));
		assertThat(((java.util.Map<String, Object>) JsonPath.read(first, "$")).keySet()).containsExactlyInAnyOrder("id", "price",
				"subsidy", "paid");
		String again = sell(json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sale WHERE idempotency_key = ?").param(key).query(Long.class).single())
			.isEqualTo(1);
		assertThat(used(diner, today)).isEqualByComparingTo(before.add(expected));
		// the subsidy split by funding source adds up
		long id = ((Number) JsonPath.read(first, "$.id")).longValue();
		if (expected.signum() > 0) {
			assertThat(jdbc.sql("SELECT source FROM meal_sale_subsidy WHERE sale_id = ?").param(id).query(String.class).list())
				.containsExactlyInAnyOrder("CITY_FUND", "DISTRICT_FUND", "CHARITY");
		}
		assertThat(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM meal_sale_subsidy WHERE sale_id = ?").param(id)
			.query(BigDecimal.class).single()).isEqualByComparingTo(expected);
	}

	@Test
	void byCardWithItems() throws Exception {
		long diner = diner("JM0003");
		BigDecimal before = used(diner, LocalDate.now(ZoneId.of("Asia/Shanghai")));
		String body = sell("{\"cardNumber\":\"JM0003\",\"idempotencyKey\":\"" + key() + "\",\"items\":["
				+ "{\"name\":\"红烧肉\",\"price\":6.5,\"quantity\":1},{\"name\":\"米饭\",\"price\":0.75,\"quantity\":2}]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.price").value(8.0))
			.andReturn().getResponse().getContentAsString();
		BigDecimal subsidy = new BigDecimal(JsonPath.read(body, "$.subsidy").toString());
		BigDecimal paid = new BigDecimal(JsonPath.read(body, "$.paid").toString());
		assertThat(subsidy).isPositive();
		assertThat(subsidy.add(paid)).isEqualByComparingTo("8.00");
		assertThat(used(diner, LocalDate.now(ZoneId.of("Asia/Shanghai")))).isEqualByComparingTo(before.add(subsidy));
	}

	@Test
	void aWalkInPaysFullPrice() throws Exception {
		sell("{\"idempotencyKey\":\"" + key() + "\"}").andExpect(status().isCreated())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"price\":12.00")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"subsidy\":0.00")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"paid\":12.00")));
	}

	@Test
	void badInputIsAProblemWithFieldErrorsAndWritesNothing() throws Exception {
		long sales = sales();
		sell("{\"dinerId\":1,\"cardNumber\":\"JM0001\",\"items\":[{\"name\":\"\",\"price\":-1,\"quantity\":0}]}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("idempotencyKey", "cardNumber", "items[0].name",
					"items[0].price", "items[0].quantity")));
		sell("{\"dinerId\":999999999,\"idempotencyKey\":\"" + key() + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("dinerId")));
		sell("{\"cardNumber\":\"NO-SUCH-CARD\",\"idempotencyKey\":\"" + key() + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("cardNumber")));
		sell("{\"idempotencyKey\":\"" + key() + "\",\"items\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("items")));
		sell("{\"idempotencyKey\":\"" + key() + "\",\"items\":[{\"name\":\"汤\",\"price\":1.005}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("items[0].price")));
		assertThat(sales()).isEqualTo(sales);
	}

	@Test
	void onlyTheTerminalAndTheOperatorSell() throws Exception {
		String json = "{\"idempotencyKey\":\"" + key() + "\"}";
		mvc.perform(post("/api/v1/meals/sales").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.DEVICE_KEY)
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/meals/sales").with(DemoAccounts.as("canteen1")).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated());
		// the terminal's key reaches nothing else
		mvc.perform(get("/api/v1/residents").header("X-Api-Key", KEY)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/meals/sales").header("X-Api-Key", KEY)).andExpect(status().isForbidden());
	}

	long sales() {
		return jdbc.sql("SELECT COUNT(*) FROM meal_sale").query(Long.class).single();
	}

	BigDecimal used(long diner, LocalDate day) {
		return jdbc.sql("SELECT used FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?")
			.params(diner, day.withDayOfMonth(1))
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}
}
