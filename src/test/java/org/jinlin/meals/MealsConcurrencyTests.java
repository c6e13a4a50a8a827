package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two terminals selling to one elder at once never exceed her monthly cap, and two terminals sending the same
 * idempotency key at once make one sale.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MealsConcurrencyTests {

	static final String KEY = DemoAccounts.CANTEEN_KEY;

	/** 鼓楼's rule of this year: a cap of 120 yuan a month. */
	static final BigDecimal CAP = new BigDecimal("120.00");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	LocalDate month() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1);
	}

	long diner(String card) {
		return jdbc.sql("SELECT id FROM meal_diner WHERE card_number = ?").param(card).query(Long.class).single();
	}

	/** Sets what a diner has received this month (the row the sales lock). */
	void used(long diner, BigDecimal amount) {
		jdbc.sql("DELETE FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?").params(diner, month()).update();
		jdbc.sql("INSERT INTO meal_subsidy_month (diner_id, month_start, used) VALUES (?, ?, ?)")
			.params(diner, month(), amount)
			.update();
	}

	BigDecimal used(long diner) {
		return jdbc.sql("SELECT used FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?")
			.params(diner, month())
			.query(BigDecimal.class)
			.single();
	}

	/** Runs the requests at the same moment from as many threads; their responses. */
	List<MockHttpServletResponse> atOnce(List<String> bodies) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
			for (String body : bodies) {
				futures.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", KEY)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body)).andReturn().getResponse();
				}));
			}
			start.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> f : futures) {
				responses.add(f.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static BigDecimal subsidy(MockHttpServletResponse r) throws Exception {
		return new BigDecimal(JsonPath.read(r.getContentAsString(), "$.subsidy").toString());
	}

	@Test
	void twoTerminalsAtOnceNeverExceedTheMonthlyCap() throws Exception {
		long diner = diner("JM0002");
		for (int round = 0; round < 5; round++) {
			// 1.50 left of the cap: each sale alone would take up to its tier's amount (at least 2 yuan)
			used(diner, CAP.subtract(new BigDecimal("1.50")));
			List<MockHttpServletResponse> responses = atOnce(List.of(
					"{\"dinerId\":" + diner + ",\"idempotencyKey\":\"cap-a-" + round + "\"}",
					"{\"dinerId\":" + diner + ",\"idempotencyKey\":\"cap-b-" + round + "\"}"));
			assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(201));
			BigDecimal total = subsidy(responses.get(0)).add(subsidy(responses.get(1)));
			assertThat(total).isEqualByComparingTo("1.50");
			assertThat(List.of(subsidy(responses.get(0)), subsidy(responses.get(1))))
				.anySatisfy(s -> assertThat(s).isEqualByComparingTo("0.00"));
			assertThat(used(diner)).isEqualByComparingTo(CAP);
		}
	}

	@Test
	void theSameKeyFromTwoTerminalsAtOnceIsOneSale() throws Exception {
		long diner = diner("JM0004");
		used(diner, BigDecimal.ZERO);
		for (String who : List.of("{\"dinerId\":" + diner, "{\"walkIn\":true")) {
			String key = "same-key-" + who.hashCode();
			String body = (who.contains("walkIn") ? "{" : who + ",") + "\"idempotencyKey\":\"" + key + "\"}";
			List<MockHttpServletResponse> responses = atOnce(List.of(body, body, body));
			assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(201));
			assertThat(responses.stream().map(r -> {
				try {
					return r.getContentAsString();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).distinct()).hasSize(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sale WHERE idempotency_key = ?").param(key).query(Long.class)
				.single()).isEqualTo(1);
		}
		// her month was reset above: what it holds now is what these sales charged (the demo's earlier sales aside)
		BigDecimal charged = jdbc.sql("SELECT SUM(subsidy) FROM meal_sale WHERE diner_id = ? AND idempotency_key LIKE 'same-key-%'")
			.param(diner)
			.query(BigDecimal.class).single();
		assertThat(used(diner)).isEqualByComparingTo(charged);
	}
}
