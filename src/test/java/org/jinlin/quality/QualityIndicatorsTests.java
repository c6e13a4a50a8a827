package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.quality.internal.MonthlyFreeze;
import org.jinlin.quality.internal.QualityIndicators;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The indicators on the demo city: each figure counts exactly the records its drill-down lists (their total is its
 * count, and the share of them marked as meeting it is its value), the demand indicators are the measures page's
 * rates for the same unit and days, the circle's is the overview's urban coverage against the plan's 80%, a month
 * with nothing counted has no value, and every account sees its own jurisdiction only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QualityIndicatorsTests {

	private static final String CITY = "350100";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.jinlin.territory.Territories territories;

	@Autowired
	MonthlyFreeze freeze;

	@Autowired
	List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> recurring;

	/** code → the measures' rate and base count it must equal (null rate: the measures show no such rate). */
	private static final Map<String, String[]> AS_MEASURES = Map.of(
			"demands.response", new String[] { "responseRate", "dispatched" },
			"demands.on-time-sign", new String[] { "onTimeSignRate", "signed" },
			"demands.on-time-closing", new String[] { "onTimeClosingRate", "resolved" },
			"demands.resolution", new String[] { "resolutionRate", "resolved" },
			"demands.satisfaction", new String[] { "satisfactionRate", "rated" },
			"demands.rework", new String[] { null, "resolved" });

	@Test
	void everyDemandIndicatorCountsTheRecordsItListsAndIsTheMeasuresRate() throws Exception {
		YearMonth month = busiestMonth();
		String indicators = api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + month, "city");
		String measures = api("/api/v1/demands/measures?unit=" + CITY + "&from=" + month.atDay(1) + "&to="
				+ month.atEndOfMonth(), "city");
		for (var e : AS_MEASURES.entrySet()) {
			String code = e.getKey();
			Map<String, Object> item = item(indicators, code);
			long count = ((Number) item.get("count")).longValue();
			assertThat(count).as(code + " counts what the measures count")
				.isEqualTo(((Number) JsonPath.read(measures, "$.total." + e.getValue()[1])).longValue());
			long[] listed = listed(code, CITY, month, "city");
			assertThat(listed[0]).as(code + ": the records listed are as many as the figure counts").isEqualTo(count);
			if (count == 0) {
				assertThat(item.get("value")).as(code).isNull();
				assertThat(item.get("status")).isEqualTo("NO_DATA");
				continue;
			}
			double value = ((Number) item.get("value")).doubleValue();
			assertThat(value).as(code + ": the share of listed records that meet it")
				.isEqualTo(Math.round(listed[1] * 1000.0 / listed[0]) / 10.0);
			if (e.getValue()[0] != null) {
				assertThat(value).as(code + " is the measures' rate")
					.isEqualTo(((Number) JsonPath.read(measures, "$.total." + e.getValue()[0])).doubleValue());
			}
		}
		assertThat(((Number) item(indicators, "demands.response").get("count")).longValue())
			.as("the busiest month has demands to count").isPositive();
	}

	@Test
	void theCircleCoverageIsTheOverviewsUrbanRateAgainstThePlansEightyPercent() throws Exception {
		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Map<String, Object> state = JsonPath.read(api("/api/v1/circle/runs/current", "city"), "$");
			return state.get("current") == null && state.get("latest") != null;
		});
		YearMonth now = YearMonth.now(QualityIndicators.ZONE);
		Map<String, Object> item = item(api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + now, "city"),
				"circle.urban-coverage");
		String coverage = api("/api/v1/circle/coverage?territory=" + CITY, "city");
		long communities = ((Number) JsonPath.read(coverage, "$.area.rate.communities")).longValue();
		long covered = ((Number) JsonPath.read(coverage, "$.area.rate.covered")).longValue();
		assertThat(((Number) item.get("count")).longValue()).isEqualTo(communities).isPositive();
		assertThat(((Number) item.get("value")).doubleValue()).isEqualTo(Math.round(covered * 1000.0 / communities) / 10.0);
		assertThat(((Number) item.get("target")).doubleValue()).isEqualTo(80.0);
		assertThat(item.get("status")).isEqualTo(covered * 100.0 / communities >= 80 ? "MET" : "NOT_MET");
		long[] listed = listed("circle.urban-coverage", CITY, now, "city");
		assertThat(listed).containsExactly(communities, covered);
		// a district official sees her district's communities only
		Map<String, Object> gulou = item(api("/api/v1/quality/indicators", "gulou"), "circle.urban-coverage");
		assertThat(((Number) gulou.get("count")).longValue()).isPositive().isLessThan(communities);
	}

	@Test
	void theAlarmIndicatorsCountWhatTheMonthlyReportCountsAndJudgeByItsTargets() throws Exception {
		Map<YearMonth, Integer> byMonth = new TreeMap<>();
		jdbc.sql("SELECT raised_at FROM alarm").query(java.time.OffsetDateTime.class).list()
			.forEach(t -> byMonth.merge(YearMonth.from(t.atZoneSameInstant(QualityIndicators.ZONE)), 1, Integer::sum));
		YearMonth month = byMonth.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		String indicators = api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + month, "city");
		String report = api("/api/v1/alarms/report?territory=" + CITY + "&month=" + month, "city");
		long alarms = ((Number) JsonPath.read(report, "$.alarms")).longValue();
		assertThat(alarms).isPositive();
		for (String[] c : new String[][] { { "alarms.acknowledged-60s", "acknowledgedWithin60s", "97.5" },
				{ "alarms.acknowledged-180s", "acknowledgedWithin180s", "99.0" } }) {
			Map<String, Object> item = item(indicators, c[0]);
			assertThat(((Number) item.get("count")).longValue()).as(c[0]).isEqualTo(alarms);
			long[] listed = listed(c[0], CITY, month, "city");
			assertThat(listed[0]).isEqualTo(alarms);
			double share = ((Number) JsonPath.read(report, "$." + c[1])).doubleValue();
			assertThat(share).as(c[0] + ": the report's share is the records' share")
				.isEqualTo(Math.round(listed[1] * 10000.0 / listed[0]) / 10000.0);
			assertThat(((Number) item.get("target")).doubleValue()).isEqualTo(Double.parseDouble(c[2]));
			assertThat(item.get("status")).isEqualTo(listed[1] * 100.0 / listed[0] >= Double.parseDouble(c[2]) ? "MET" : "NOT_MET");
		}
		Map<String, Object> arrivals = item(indicators, "alarms.arrived-30min");
		long[] listed = listed("alarms.arrived-30min", CITY, month, "city");
		assertThat(((Number) arrivals.get("count")).longValue()).isEqualTo(listed[0])
			.isLessThanOrEqualTo(alarms);
	}

	@Test
	void theVisitsNotOnTimeAreTheOverdueVisitsListAndEveryElderIsCountedForAssessment() throws Exception {
		String indicators = api("/api/v1/quality/indicators", "junmen");
		Map<String, Object> visits = item(indicators, "eldercare.visits-on-time");
		long[] listed = listed("eldercare.visits-on-time", "350102004001", YearMonth.now(QualityIndicators.ZONE), "junmen");
		assertThat(((Number) visits.get("count")).longValue()).isEqualTo(listed[0]).isPositive();
		List<Object> overdue = JsonPath.read(api("/api/v1/elders/visits/overdue", "junmen"), "$");
		assertThat(listed[0] - listed[1]).as("not on time = the overdue-visits list").isEqualTo(overdue.size());
		long active = jdbc.sql("SELECT COUNT(*) FROM elder WHERE status = 'ACTIVE' AND community_code = '350102004001'")
			.query(Long.class).single();
		assertThat(((Number) item(indicators, "eldercare.assessed-in-time").get("count")).longValue()).isEqualTo(active);
	}

	@Test
	void aClosedMonthsFigureIsFrozenWhenFirstReportedAndGoesOnThePublicLog() throws Exception {
		String gulouPath = territories.lookupByCode("350102").orElseThrow().path();
		YearMonth thisMonth = YearMonth.now(QualityIndicators.ZONE);
		// a closed month with satisfied demands in 鼓楼区, not the city's busiest (the other tests read that one)
		YearMonth busiest = busiestMonth();
		Map<YearMonth, List<Long>> satisfied = new TreeMap<>();
		jdbc.sql("""
				SELECT id, raised_at FROM demand WHERE territory_path LIKE ? AND rework_count = 0
				AND rating IN ('SATISFIED','BASICALLY_SATISFIED') AND status <> 'MERGED'""")
			.param(gulouPath + "%")
			.query((rs, n) -> Map.entry(YearMonth.from(rs.getObject(2, java.time.OffsetDateTime.class)
				.atZoneSameInstant(QualityIndicators.ZONE)), rs.getLong(1)))
			.list()
			.forEach(e -> satisfied.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		var month = satisfied.keySet().stream().filter(m -> m.isBefore(thisMonth) && !m.equals(busiest)).findFirst()
			.orElseThrow();
		long demand = satisfied.get(month).get(0);
		String url = "/api/v1/quality/indicators?territory=350102&period=" + month;
		Map<String, Object> first = item(api(url, "gulou"), "demands.satisfaction");
		assertThat(first.get("liveValue")).isNull();
		String rating = jdbc.sql("SELECT rating FROM demand WHERE id = ?").param(demand).query(String.class).single();
		try {
			// the record changes after the month was reported
			jdbc.sql("UPDATE demand SET rating = 'UNSATISFIED' WHERE id = ?").param(demand).update();
			Map<String, Object> again = item(api(url, "gulou"), "demands.satisfaction");
			assertThat(again.get("value")).as("the reported figure stays").isEqualTo(first.get("value"));
			assertThat(again.get("count")).isEqualTo(first.get("count"));
			assertThat(again.get("status")).isEqualTo(first.get("status"));
			assertThat(((Number) again.get("liveValue")).doubleValue()).as("the live figure beside it")
				.isLessThan(((Number) first.get("value")).doubleValue());
			String page = mvc.perform(get("/quality").param("territory", "350102").param("period", month.toString())
					.with(user(users.loadUserByUsername("gulou"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("定格").contains("记录现为");
		}
		finally {
			jdbc.sql("UPDATE demand SET rating = ? WHERE id = ?").params(rating, demand).update();
		}
		// each frozen figure is a fact on the public log, once
		String key = "indicator.frozen:demands.satisfaction:350102:" + month;
		await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE source_key = ?")
			.param(key).query(Long.class).single() == 1);
	}

	@Test
	void aDistrictsTargetStandsForItsStreetsAndOnlyOfficialsOfTheJurisdictionSetOne() throws Exception {
		YearMonth now = YearMonth.now(QualityIndicators.ZONE);
		String body = "{\"indicator\":\"demands.on-time-closing\",\"territory\":\"350102\",\"year\":" + now.getYear()
				+ ",\"value\":95.5}";
		mvc.perform(put("/api/v1/quality/targets").with(DemoAccounts.as("gulou")).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(95.5));
		try {
			String street = api("/api/v1/quality/indicators?territory=350102004000&period=" + now, "dongjie");
			assertThat(((Number) item(street, "demands.on-time-closing").get("target")).doubleValue()).isEqualTo(95.5);
			String city = api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + now, "city");
			assertThat(item(city, "demands.on-time-closing").get("target")).as("not above the district").isNull();
			assertThat(JsonPath.<List<Object>>read(api("/api/v1/quality/targets?territory=350102004000", "dongjie"),
					"$.items[?(@.indicatorCode == 'demands.on-time-closing')]")).hasSize(1);
		}
		finally {
			mvc.perform(delete("/api/v1/quality/targets").param("indicator", "demands.on-time-closing")
					.param("territory", "350102").param("year", String.valueOf(now.getYear())).with(DemoAccounts.as("gulou")))
				.andExpect(status().isNoContent());
		}
		// outside the jurisdiction, the plan, a community worker, bad values
		mvc.perform(put("/api/v1/quality/targets").with(DemoAccounts.as("gulou")).contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("350102", "350111")))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/quality/targets").with(DemoAccounts.as("gulou")).contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("\"350102\"", "\"\"")))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/quality/targets").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/quality/targets").with(DemoAccounts.as("gulou")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"indicator\":\"nope\",\"territory\":\"350102\",\"year\":1999,\"value\":120.123}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("indicator", "year", "value")));
	}

	@Test
	void aMonthWithNothingCountedHasNoValueAndIndicatorsNotComputedShowNone() throws Exception {
		String indicators = api("/api/v1/quality/indicators?territory=" + CITY + "&period=2001-01", "city");
		for (String code : AS_MEASURES.keySet()) {
			Map<String, Object> item = item(indicators, code);
			assertThat(item.get("value")).as(code).isNull();
			assertThat(item.get("count")).isEqualTo(0);
			assertThat(item.get("status")).isEqualTo("NO_DATA");
		}
		for (String code : List.of("volunteers.hours-per-thousand", "memberservice.registrations",
				"meals.meals-per-thousand-elders")) {
			Map<String, Object> item = item(indicators, code);
			assertThat(item.get("value")).as(code + ": nothing counted, no figure (not 0)").isNull();
			assertThat(item.get("count")).isEqualTo(0);
			assertThat(item.get("status")).isEqualTo("NO_DATA");
			assertThat(JsonPath.<Integer>read(api("/api/v1/quality/indicators/" + code + "/records?period=2001-01", "city"),
					"$.total")).isZero();
		}
		assertThat(JsonPath.<List<Object>>read(indicators, "$.items[?(@.status == 'NOT_COMPUTED')]"))
			.as("every indicator of the catalogue is computed").isEmpty();
	}

	@Test
	void eachAccountSeesItsJurisdictionOnlyAndBadInputIsAFieldError() throws Exception {
		mvc.perform(get("/api/v1/quality/indicators").param("territory", "350111").with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/quality/indicators/demands.response/records").param("territory", "350111")
				.with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/quality/indicators").with(DemoAccounts.as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/quality/indicators").param("period", "2999-01").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"));
		mvc.perform(get("/api/v1/quality/indicators").param("period", "last-month").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/quality/indicators/no-such/records").with(DemoAccounts.as("city")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCockpitLinksEveryCountedFigureToItsRecords() throws Exception {
		YearMonth month = busiestMonth();
		String page = mvc.perform(get("/quality").param("territory", CITY).param("period", month.toString())
				.with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"/quality/indicators/demands.satisfaction/records?territory=" + CITY + "&amp;period="
				+ month + "\"");
		assertThat(page).contains("href=\"/quality/indicators/volunteers.hours-per-thousand/records?territory=" + CITY
				+ "&amp;period=" + month + "\"");
		// the ranking below the city: its 13 districts, each a link one level down
		assertThat(java.util.regex.Pattern.compile("id=\"rank-3501\\d\\d\"").matcher(page).results().count()).isEqualTo(13);
		assertThat(page).contains("href=\"/quality?territory=350111&amp;period=" + month + "&amp;rank=circle.urban-coverage\"");
		String records = mvc.perform(get("/quality/indicators/demands.satisfaction/records").param("territory", CITY)
				.param("period", month.toString()).with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long count = listed("demands.satisfaction", CITY, month, "city")[0];
		assertThat(records).contains("共" + count + "条记录");
	}

	@Test
	void theMonthlyTimerFreezesTheClosedMonthForTheCityItsDistrictsAndStreetsOnce() throws Exception {
		com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?> task = recurring.stream()
			.filter(t -> t.getName().equals("quality-monthly-freeze")).findFirst().orElseThrow();
		assertThat(task.schedulableInstance("recurring").getNextExecutionTime(java.time.Instant.parse("2026-12-07T10:00:00Z")))
			.as("00:10 Beijing time on the first of the next month")
			.isEqualTo(java.time.Instant.parse("2026-12-31T16:10:00Z"));
		YearMonth month = MonthlyFreeze.lastClosedMonth();
		List<String> codes = new java.util.ArrayList<>();
		for (var level : List.of(org.jinlin.territory.TerritoryLevel.CITY, org.jinlin.territory.TerritoryLevel.DISTRICT,
				org.jinlin.territory.TerritoryLevel.STREET)) {
			territories.lookupLevelUnder(level, "/").forEach(n -> codes.add(n.code()));
		}
		long computed = org.jinlin.quality.internal.IndicatorCatalogue.all().stream().filter(d -> d.computed()).count();
		freeze.freeze(month);
		assertThat(snapshots(codes, month)).as("every computed indicator of every city, district and street")
			.isEqualTo(codes.size() * computed);
		var frozenAt = jdbc.sql("SELECT MAX(frozen_at) FROM quality_snapshot WHERE period = ?").param(month.toString())
			.query(java.time.OffsetDateTime.class).single();
		assertThat(freeze.freeze(month)).as("a second run freezes nothing").isZero();
		assertThat(snapshots(codes, month)).isEqualTo(codes.size() * computed);
		assertThat(jdbc.sql("SELECT MAX(frozen_at) FROM quality_snapshot WHERE period = ?").param(month.toString())
			.query(java.time.OffsetDateTime.class).single()).isEqualTo(frozenAt);
		// what the timer froze is what the city's report gives for that month
		String city = api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + month, "city");
		Number frozenCount = jdbc.sql("""
				SELECT counted FROM quality_snapshot WHERE period = ? AND territory_code = ? AND indicator_code = ?""")
			.params(month.toString(), CITY, "demands.response").query(Long.class).single();
		assertThat(((Number) item(city, "demands.response").get("count")).longValue()).isEqualTo(frozenCount.longValue());
	}

	@Test
	void theRecordsPageComputesAndFreezesItsOwnIndicatorOnly() throws Exception {
		String street = "350102004000";
		String month = "2001-02";
		String page = mvc.perform(get("/quality/indicators/demands.satisfaction/records").param("territory", street)
				.param("period", month).with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("共0条记录");
		assertThat(jdbc.sql("SELECT indicator_code FROM quality_snapshot WHERE territory_code = ? AND period = ?")
			.params(street, month).query(String.class).list()).containsExactly("demands.satisfaction");
	}

	private long snapshots(List<String> codes, YearMonth month) {
		return jdbc.sql("SELECT COUNT(*) FROM quality_snapshot WHERE period = :p AND territory_code IN (:codes)")
			.param("p", month.toString()).param("codes", codes).query(Long.class).single();
	}

	@Test
	void theFacilityIndicatorsAreTheElderlyCareStatisticsAndListTheirRecords() throws Exception {
		YearMonth now = YearMonth.now(QualityIndicators.ZONE);
		for (String territory : List.of("350102", "350102004000")) {
			String indicators = api("/api/v1/quality/indicators?territory=" + territory + "&period=" + now, "gulou");
			String statistics = api("/api/v1/eldercare/statistics?territory=" + territory, "gulou");
			Map<String, Object> beds = item(indicators, "carefacilities.beds-per-thousand");
			Number perThousand = JsonPath.read(statistics, "$.bedsPerThousandElderly");
			long[] facilities = listed("carefacilities.beds-per-thousand", territory, now, "gulou");
			assertThat(((Number) beds.get("count")).longValue()).as(territory + ": the operating facilities with beds")
				.isEqualTo(facilities[0]).isEqualTo(jdbc.sql("""
						SELECT COUNT(*) FROM care_facility WHERE status = 'OPERATING' AND beds_total > 0
						AND territory_path LIKE ?""").param(territories.lookupByCode(territory).orElseThrow().path() + "%")
					.query(Long.class).single());
			if (perThousand == null) {
				assertThat(beds.get("value")).as("no elderly population: no figure").isNull();
				assertThat(beds.get("status")).isEqualTo("NO_DATA");
			}
			else {
				assertThat(((Number) beds.get("value")).doubleValue()).isEqualTo(perThousand.doubleValue());
			}
			Map<String, Object> stations = item(indicators, "carefacilities.station-coverage");
			long communities = ((Number) JsonPath.read(statistics, "$.communities")).longValue();
			long served = ((Number) JsonPath.read(statistics, "$.communitiesServed")).longValue();
			assertThat(communities).isPositive();
			assertThat(((Number) stations.get("count")).longValue()).isEqualTo(communities);
			assertThat(listed("carefacilities.station-coverage", territory, now, "gulou")).containsExactly(communities, served);
			assertThat(((Number) stations.get("value")).doubleValue())
				.isEqualTo(Math.round(served * 1000.0 / communities) / 10.0);
		}
		Number districtPerThousand = JsonPath.read(api("/api/v1/eldercare/statistics?territory=350102", "gulou"),
				"$.bedsPerThousandElderly");
		assertThat(districtPerThousand).as("the demo district has an elderly population and beds").isNotNull();
		assertThat(districtPerThousand.doubleValue()).isPositive();
	}

	@Test
	void theMealIndicatorsAreTheMealFiguresAndListTheirRecords() throws Exception {
		YearMonth last = YearMonth.now(QualityIndicators.ZONE).minusMonths(1);
		for (String territory : List.of("350102", "350102004000")) {
			String indicators = api("/api/v1/quality/indicators?territory=" + territory + "&period=" + last, "gulou");
			String figures = api("/api/v1/meals/figures?territory=" + territory + "&month=" + last, "gulou");
			Map<String, Object> alone = item(indicators, "meals.living-alone-enrolled");
			long counted = ((Number) JsonPath.<List<Object>>read(figures,
					"$.figures[?(@.indicator == 'LIVING_ALONE_ENROLLED')].count").get(0)).longValue();
			long enrolled = ((Number) JsonPath.<List<Object>>read(figures,
					"$.figures[?(@.indicator == 'LIVING_ALONE_ENROLLED')].met").get(0)).longValue();
			assertThat(counted).as(territory + ": the register has elders living alone").isPositive();
			assertThat(((Number) alone.get("count")).longValue()).isEqualTo(counted);
			assertThat(listed("meals.living-alone-enrolled", territory, last, "gulou")).containsExactly(counted, enrolled);
			assertThat(((Number) alone.get("value")).doubleValue()).isEqualTo(Math.round(enrolled * 1000.0 / counted) / 10.0);
			Map<String, Object> meals = item(indicators, "meals.meals-per-thousand-elders");
			long sold = ((Number) JsonPath.<List<Object>>read(figures,
					"$.figures[?(@.indicator == 'MEALS_MONTH')].count").get(0)).longValue();
			assertThat(sold).as(territory + ": the demo canteen sold last month").isPositive();
			assertThat(((Number) meals.get("count")).longValue()).isEqualTo(sold);
			assertThat(listed("meals.meals-per-thousand-elders", territory, last, "gulou")[0]).isEqualTo(sold);
			Long elderly = territories.lookupByCode(territory).orElseThrow().elderlyPopulation();
			if (elderly == null || elderly == 0) {
				assertThat(meals.get("value")).as("no elderly population: no figure").isNull();
			}
			else {
				assertThat(((Number) meals.get("value")).doubleValue())
					.isEqualTo(java.math.BigDecimal.valueOf(sold * 1000).divide(java.math.BigDecimal.valueOf(elderly), 1,
							java.math.RoundingMode.HALF_UP).doubleValue());
			}
		}
	}

	@Test
	void theBranchCoverageIsThePartyCoverageOfCompounds() throws Exception {
		YearMonth now = YearMonth.now(QualityIndicators.ZONE);
		for (String territory : List.of("350102", "350102004000")) {
			String indicators = api("/api/v1/quality/indicators?territory=" + territory + "&period=" + now, "gulou");
			String coverage = api("/api/v1/party/coverage?territory=" + territory, "gulou");
			long compounds = ((Number) JsonPath.read(coverage, "$.compounds")).longValue();
			long covered = ((Number) JsonPath.read(coverage, "$.covered")).longValue();
			Map<String, Object> item = item(indicators, "party.branch-coverage");
			assertThat(((Number) item.get("count")).longValue()).isEqualTo(compounds).isPositive();
			assertThat(listed("party.branch-coverage", territory, now, "gulou")).containsExactly(compounds, covered);
			assertThat(((Number) item.get("value")).doubleValue()).isEqualTo(Math.round(covered * 1000.0 / compounds) / 10.0);
		}
		// a territory without compounds has no figure, not 0%
		String gridless = api("/api/v1/quality/indicators?territory=350102004001&period=" + now, "gulou");
		long compounds = ((Number) JsonPath.read(api("/api/v1/party/coverage?territory=350102004001", "gulou"),
				"$.compounds")).longValue();
		if (compounds == 0) {
			assertThat(item(gridless, "party.branch-coverage").get("status")).isEqualTo("NO_DATA");
		}
	}

	/** Rolled back at the end: the service ledger is append-only, its records cannot be deleted. */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void memberRegistrationsAndServiceHoursArePerThousandResidentsOfAKnownMonth() throws Exception {
		var community = territories.lookupByCode("350102004001").orElseThrow();
		assertThat(community.population()).as("the demo community has a population").isNotNull().isPositive();
		String at = "2003-04-%02dT10:00:00+08:00";
		for (Object[] r : new Object[][] { { "MEMBER", 10, null }, { "MEMBER", 11, null },
				{ "MEMBER", 12, "2003-05-20T09:00:00+08:00" }, { "UNIT", 13, null } }) {
			jdbc.sql("""
					INSERT INTO ms_registration (kind, display_name, community_id, territory_path, status, registered_at,
					  registered_by, withdrawn_at) VALUES (?, '测试党员', ?, ?, ?, ?, 'test', ?)""")
				.params(r[0], community.id(), community.path(), r[2] == null ? "ACTIVE" : "WITHDRAWN",
						java.time.OffsetDateTime.parse(at.formatted((Integer) r[1])),
						r[2] == null ? null : java.time.OffsetDateTime.parse((String) r[2]))
				.update();
		}
		for (String hours : List.of("1.50", "2.00", "0.50")) {
			jdbc.sql("""
					INSERT INTO service_record (person_key, community_id, territory_path, source, source_ref, hours,
					  problem_solved, elderly_care, delivered_at, recorded_at)
					VALUES ('quality-test', ?, ?, 'SERVICE_POST', ?, ?, FALSE, FALSE, ?, ?)""")
				.params(community.id(), community.path(), "quality-test-" + hours, new java.math.BigDecimal(hours),
						java.time.OffsetDateTime.parse(at.formatted(15)), java.time.OffsetDateTime.parse(at.formatted(15)))
				.update();
		}
		long population = community.population();
		for (String[] c : new String[][] { { "2003-04", "3" }, { "2003-05", "2" } }) {
			String json = api("/api/v1/quality/indicators?territory=350102004001&period=" + c[0], "junmen");
			Map<String, Object> members = item(json, "memberservice.registrations");
			long expected = Long.parseLong(c[1]);
			assertThat(((Number) members.get("count")).longValue()).as(c[0] + ": members standing at the month's end")
				.isEqualTo(expected);
			assertThat(((Number) members.get("value")).doubleValue())
				.isEqualTo(Math.round(expected * 10000.0 / population) / 10.0);
			assertThat(listed("memberservice.registrations", "350102004001", YearMonth.parse(c[0]), "junmen")[0])
				.isEqualTo(expected);
			Map<String, Object> hours = item(json, "volunteers.hours-per-thousand");
			if (c[0].equals("2003-04")) {
				assertThat(((Number) hours.get("count")).longValue()).isEqualTo(3);
				assertThat(((Number) hours.get("value")).doubleValue())
					.isEqualTo(Math.round(4.0 * 10000.0 / population) / 10.0);
				assertThat(listed("volunteers.hours-per-thousand", "350102004001", YearMonth.parse(c[0]), "junmen")[0])
					.isEqualTo(3);
			}
			else {
				assertThat(hours.get("value")).as("no service in May: no figure").isNull();
				assertThat(hours.get("status")).isEqualTo("NO_DATA");
			}
		}
	}

	@Test
	void theTrendGivesTwelveMonthsFrozenWhereFrozenAndLiveElsewhereWithTheForecast() throws Exception {
		YearMonth now = YearMonth.now(QualityIndicators.ZONE);
		YearMonth frozenMonth = now.minusMonths(2);
		// one month reported (so frozen) at 鼓楼区, the others only asked for by the trend, which freezes nothing
		Map<String, Object> reported = item(api("/api/v1/quality/indicators?territory=350102&period=" + frozenMonth, "gulou"),
				"demands.response");
		long before = jdbc.sql("SELECT COUNT(*) FROM quality_snapshot WHERE territory_code = '350102'").query(Long.class)
			.single();
		String trend = api("/api/v1/quality/indicators/demands.response/trend?territory=350102", "gulou");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_snapshot WHERE territory_code = '350102'").query(Long.class)
			.single()).as("asking for a trend freezes nothing").isEqualTo(before);
		List<Map<String, Object>> points = JsonPath.read(trend, "$.points");
		assertThat(points).hasSize(12);
		assertThat(points.get(11).get("period")).isEqualTo(now.toString());
		assertThat(points.get(0).get("period")).isEqualTo(now.minusMonths(11).toString());
		for (Map<String, Object> p : points) {
			YearMonth m = YearMonth.parse((String) p.get("period"));
			if (m.equals(frozenMonth)) {
				assertThat(p.get("frozen")).isEqualTo(true);
				assertThat(p.get("count")).isEqualTo(reported.get("count"));
				assertThat(p.get("value")).isEqualTo(reported.get("value"));
			}
			else {
				assertThat(((Number) p.get("count")).longValue()).as(m + ": the live count is the records listed")
					.isEqualTo(listed("demands.response", "350102", m, "gulou")[0]);
			}
		}
		long withValue = points.stream().filter(p -> p.get("value") != null).count();
		assertThat(JsonPath.<String>read(trend, "$.forecast.outcome"))
			.isEqualTo(withValue < 3 ? "NOT_ENOUGH_DATA" : "NO_TARGET");
		assertThat(JsonPath.<String>read(trend, "$.forecast.at")).isEqualTo(now.getYear() + "-12");
		// the circle's coverage is today's state: a past month never frozen has no value, this month has
		// (no "latest" key at all until the demo's first run has finished: JSON leaves out nulls)
		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> JsonPath
			.<Map<String, Object>>read(api("/api/v1/circle/runs/current", "city"), "$").get("latest") != null);
		List<Map<String, Object>> circle = JsonPath.read(api(
				"/api/v1/quality/indicators/circle.urban-coverage/trend?territory=350111&months=6", "city"), "$.points");
		assertThat(circle).hasSize(6);
		assertThat(circle.subList(0, 5)).allSatisfy(p -> {
			if (Boolean.FALSE.equals(p.get("frozen"))) {
				assertThat(p.get("value")).isNull();
			}
		});
		assertThat(circle.get(5).get("value")).isNotNull();
		assertThat(((Number) circle.get(5).get("target")).doubleValue()).isEqualTo(80.0);
		mvc.perform(get("/api/v1/quality/indicators/demands.response/trend").param("months", "0")
				.with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("months"));
	}

	@Test
	void theCockpitShowsTheTrendAndForecastAndExportsItsTableAndAnyRecordsList() throws Exception {
		YearMonth month = busiestMonth();
		String page = mvc.perform(get("/quality").param("territory", CITY).param("rank", "demands.response")
				.with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"quality-trend-chart\"").contains("id=\"quality-forecast\"")
			.contains("近12个月趋势：诉求响应率").contains("/quality/export.xlsx?territory=" + CITY);
		byte[] xlsx = mvc.perform(get("/quality/export.xlsx").param("territory", CITY).param("period", month.toString())
				.with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String indicators = api("/api/v1/quality/indicators?territory=" + CITY + "&period=" + month, "city");
		try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("指标代码");
			assertThat(rows).hasSize(1 + org.jinlin.quality.internal.IndicatorCatalogue.all().size());
			var response = rows.stream().filter(r -> r.getCellText(0).equals("demands.response")).findFirst().orElseThrow();
			assertThat(Long.parseLong(response.getCellText(4)))
				.isEqualTo(((Number) item(indicators, "demands.response").get("count")).longValue());
		}
		byte[] records = mvc.perform(get("/quality/indicators/demands.satisfaction/records/export.xlsx")
				.param("territory", CITY).param("period", month.toString()).with(user(users.loadUserByUsername("city"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		long count = listed("demands.satisfaction", CITY, month, "city")[0];
		try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(records))) {
			assertThat(wb.getFirstSheet().read()).as("a header and every record counted").hasSize((int) count + 1);
		}
		mvc.perform(get("/quality/export.xlsx").param("territory", "350111").with(user(users.loadUserByUsername("gulou"))))
			.andExpect(status().isNotFound());
	}

	// ------------------------------------------------------------------ helpers

	private YearMonth busiestMonth() {
		Map<YearMonth, Integer> byMonth = new TreeMap<>();
		jdbc.sql("SELECT raised_at FROM demand WHERE status <> 'MERGED'").query(java.time.OffsetDateTime.class).list()
			.forEach(t -> byMonth.merge(YearMonth.from(t.atZoneSameInstant(QualityIndicators.ZONE)), 1, Integer::sum));
		return byMonth.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	/** All pages of an indicator's records: {total listed, how many meet it}; checks each page's total too. */
	private long[] listed(String code, String territory, YearMonth month, String user) throws Exception {
		long listed = 0;
		long met = 0;
		for (int page = 0;; page++) {
			String json = api("/api/v1/quality/indicators/" + code + "/records?size=100&page=" + page + "&territory="
					+ territory + "&period=" + month, user);
			List<Boolean> flags = JsonPath.read(json, "$.items[*].met");
			long total = ((Number) JsonPath.read(json, "$.total")).longValue();
			listed += flags.size();
			met += flags.stream().filter(b -> b).count();
			if (flags.isEmpty() || listed >= total) {
				assertThat(listed).isEqualTo(total);
				return new long[] { listed, met };
			}
		}
	}

	private Map<String, Object> item(String json, String code) {
		List<Map<String, Object>> items = JsonPath.read(json, "$.items[?(@.code == '" + code + "')]");
		assertThat(items).as(code).hasSize(1);
		return items.get(0);
	}

	private String api(String url, String user) throws Exception {
		return mvc.perform(get(url).with(DemoAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
