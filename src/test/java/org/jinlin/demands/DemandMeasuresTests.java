package org.jinlin.demands;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import org.jinlin.demo.DemandGenerator;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The measures on a small data set with known timestamps, inserted straight into the table under a
 * category of their own and in March 2020 (so the demo demands and other tests' demands never count):
 * every rate, the breakdown by the caller's jurisdiction, a unit outside it, the overdue list, the Excel
 * export and the page. A second data set from {@link DemandGenerator} (fixed seed) is checked against a
 * computation in Java over the same rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemandMeasuresTests {


	static final String CATEGORY = "measures-probe";

	static final String GENERATED = "measures-generated";

	static final String MARCH = "from=2020-03-01&to=2020-03-31&category=" + CATEGORY;

	static final ZoneOffset CST = ZoneOffset.ofHours(8);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Territories territories;

	@Autowired
	UserDetailsService users;

	long categoryId;

	/** A browser session of a demo account (the pages have no HTTP Basic). */
	RequestPostProcessor signedIn(String username) {
		return user(users.loadUserByUsername(username));
	}

	@BeforeEach
	void dataSet() {
		if (jdbc.sql("SELECT COUNT(*) FROM demand_category WHERE code = ?").param(CATEGORY).query(Long.class).single() > 0) {
			categoryId = categoryId(CATEGORY);
			return;
		}
		categoryId = insertCategory(CATEGORY);
		TerritoryNode g01 = node("350102004001G01");
		TerritoryNode g02 = node("350102004001G02");
		TerritoryNode junmen = node("350102004001");
		TerritoryNode qingcheng = node("350102004002G01");
		TerritoryNode ziyang = node("350111003001G01");
		// 军门社区 grid 1: five that count, one merged and one raised after the period.
		insert(g01, "CLOSED", t("03-02T10:00"), t("03-02T14:00"), t("03-02T11:00"), true, t("03-02T22:00"), true,
				"RESOLVED", "SATISFIED", 0, null);
		insert(g01, "CLOSED", t("03-03T10:00"), t("03-03T12:00"), t("03-03T13:00"), false, t("03-04T22:00"), false,
				"EXPLAINED", "BASICALLY_SATISFIED", 1, null);
		insert(g01, "RESOLVED", t("03-04T10:00"), t("03-04T14:00"), t("03-04T11:00"), true, t("03-05T10:00"), true,
				"RESOLVED", null, 0, null);
		insert(g01, "IN_PROGRESS", t("03-05T10:00"), t("03-05T14:00"), t("03-05T11:00"), true, null, null, null,
				"UNSATISFIED", 1, t("03-08T10:00"));
		insert(g01, "DISPATCHED", t("03-06T10:00"), t("03-06T14:00"), null, null, null, null, null, null, 0, null);
		insert(g01, "MERGED", t("03-07T10:00"), t("03-07T14:00"), null, null, null, null, null, null, 0, null);
		insert(g01, "CLOSED", t("04-02T10:00"), t("04-02T14:00"), t("04-02T11:00"), true, t("04-02T20:00"), true,
				"RESOLVED", "SATISFIED", 0, null);
		// Grid 2: one waiting, not yet due. The community itself (no grid): one waiting, not yet due.
		Instant future = Instant.now().plus(Duration.ofDays(3650));
		insert(g02, "DISPATCHED", t("03-10T10:00"), future, null, null, null, null, null, null, 0, null);
		insert(junmen, "DISPATCHED", t("03-11T10:00"), future, null, null, null, null, null, null, 0, null);
		// 庆城社区 (same street) and 紫阳社区 (晋安区): one closed each.
		insert(qingcheng, "CLOSED", t("03-12T10:00"), t("03-12T14:00"), t("03-12T11:00"), true, t("03-12T20:00"), true,
				"RESOLVED", "SATISFIED", 0, null);
		insert(ziyang, "CLOSED", t("03-13T10:00"), t("03-13T14:00"), t("03-13T11:00"), true, t("03-13T20:00"), true,
				"RESOLVED", "SATISFIED", 0, null);
	}

	@Test
	void aCommunityWorkerGetsHerGridsWithEveryRate() throws Exception {
		mvc.perform(get("/api/v1/demands/measures?" + MARCH).with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.code").value("350102004001"))
			.andExpect(jsonPath("$.childLevel").value("GRID"))
			.andExpect(jsonPath("$.rows[0].unit.code").value("350102004001G01"))
			.andExpect(jsonPath("$.rows[0].raised").value(5))
			.andExpect(jsonPath("$.rows[0].dispatched").value(5))
			.andExpect(jsonPath("$.rows[0].signed").value(4))
			.andExpect(jsonPath("$.rows[0].responseRate").value(80.0))
			.andExpect(jsonPath("$.rows[0].signedOnTime").value(3))
			.andExpect(jsonPath("$.rows[0].onTimeSignRate").value(75.0))
			.andExpect(jsonPath("$.rows[0].resolved").value(3))
			.andExpect(jsonPath("$.rows[0].resolvedOnTime").value(2))
			.andExpect(jsonPath("$.rows[0].onTimeClosingRate").value(66.7))
			.andExpect(jsonPath("$.rows[0].resolvedWithOutcome").value(2))
			.andExpect(jsonPath("$.rows[0].resolutionRate").value(66.7))
			.andExpect(jsonPath("$.rows[0].rated").value(3))
			// satisfied once and never reworked: the basically satisfied one had been reworked, so it counts against
			.andExpect(jsonPath("$.rows[0].satisfied").value(1))
			.andExpect(jsonPath("$.rows[0].satisfactionRate").value(33.3))
			// (12 h + 36 h + 24 h) / 3
			.andExpect(jsonPath("$.rows[0].averageHandlingHours").value(24.0))
			.andExpect(jsonPath("$.rows[0].reworks").value(2))
			.andExpect(jsonPath("$.rows[0].open").value(2))
			.andExpect(jsonPath("$.rows[0].overdue").value(2))
			.andExpect(jsonPath("$.rows[0].drillable").value(false))
			.andExpect(jsonPath("$.rows[1].unit.code").value("350102004001G02"))
			.andExpect(jsonPath("$.rows[1].raised").value(1))
			.andExpect(jsonPath("$.rows[1].responseRate").value(0.0))
			.andExpect(jsonPath("$.rows[1].onTimeSignRate").doesNotExist())
			.andExpect(jsonPath("$.rows[1].overdue").value(0))
			// the demand placed at the community itself, then the total
			.andExpect(jsonPath("$.rows[-1].unit").doesNotExist())
			.andExpect(jsonPath("$.rows[-1].raised").value(1))
			.andExpect(jsonPath("$.total.raised").value(7))
			.andExpect(jsonPath("$.total.responseRate").value(57.1))
			.andExpect(jsonPath("$.total.satisfactionRate").value(33.3))
			.andExpect(jsonPath("$.total.open").value(4))
			.andExpect(jsonPath("$.total.overdue").value(2));
	}

	@Test
	void aStreetOfficialSeesOnlyHerStreetsCommunities() throws Exception {
		mvc.perform(get("/api/v1/demands/measures?" + MARCH).with(httpBasic("dongjie", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.childLevel").value("COMMUNITY"))
			.andExpect(jsonPath("$.rows[?(@.unit.code == '350102004001')].raised").value(7))
			.andExpect(jsonPath("$.rows[?(@.unit.code == '350102004002')].raised").value(1))
			.andExpect(jsonPath("$.rows[?(@.unit.code == '350102004001')].drillable").value(true))
			.andExpect(jsonPath("$.total.raised").value(8))
			.andExpect(content().string(not(containsString("紫阳"))));
		// the city sees both districts
		mvc.perform(get("/api/v1/demands/measures?" + MARCH).with(httpBasic("city", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.childLevel").value("DISTRICT"))
			.andExpect(jsonPath("$.rows[?(@.unit.code == '350102')].raised").value(8))
			.andExpect(jsonPath("$.rows[?(@.unit.code == '350111')].raised").value(1))
			.andExpect(jsonPath("$.total.raised").value(9));
		// drilling down from the street into 军门社区 gives its grids
		mvc.perform(get("/api/v1/demands/measures?" + MARCH + "&unit=350102004001").with(httpBasic("dongjie", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.childLevel").value("GRID"))
			.andExpect(jsonPath("$.total.raised").value(7))
			.andExpect(jsonPath("$.breadcrumb[*].code").value(org.hamcrest.Matchers.contains("350102004000", "350102004001")));
	}

	@Test
	void aGridWorkerGetsHerGridsTotalOnly() throws Exception {
		mvc.perform(get("/api/v1/demands/measures?" + MARCH).with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.code").value("350102004001G01"))
			.andExpect(jsonPath("$.rows").isEmpty())
			.andExpect(jsonPath("$.total.raised").value(5))
			.andExpect(jsonPath("$.total.onTimeSignRate").value(75.0));
	}

	@Test
	void aUnitOutsideTheJurisdictionIsNotFoundAndResidentsAreRefused() throws Exception {
		mvc.perform(get("/api/v1/demands/measures?" + MARCH + "&unit=350111003001").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/demands/measures?" + MARCH + "&unit=350102004002").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/demands/overdue?" + MARCH + "&unit=350111").with(httpBasic("dongjie", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/demands/measures?" + MARCH).with(httpBasic("resident1", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/demands/measures").with(signedIn("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void badFiltersAreFieldErrors() throws Exception {
		mvc.perform(get("/api/v1/demands/measures?from=2020-03-31&to=2020-03-01").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/demands/measures?category=no-such-category").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		mvc.perform(get("/api/v1/demands/measures?from=yesterday").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/demands/measures?preset=CUSTOM&from=2020-03-31&to=2020-03-01").with(signedIn("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"to-error\"")));
	}

	@Test
	void theOverdueListHasTheLateOpenDemandsLongestOverdueFirst() throws Exception {
		mvc.perform(get("/api/v1/demands/overdue?" + MARCH).with(httpBasic("dongjie", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].status").value("DISPATCHED"))
			.andExpect(jsonPath("$[0].dueAt").value("2020-03-06T06:00:00Z"))
			.andExpect(jsonPath("$[1].status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$[1].dueAt").value("2020-03-08T02:00:00Z"))
			.andExpect(jsonPath("$[1].categoryCode").value(CATEGORY));
		mvc.perform(get("/api/v1/demands/overdue?" + MARCH + "&unit=350102004001G02").with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void theExcelExportHasARowPerGridAndTheTotal() throws Exception {
		byte[] xlsx = mvc.perform(get("/demands/measures.xlsx?preset=CUSTOM&" + MARCH).with(signedIn("junmen")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("demand-measures-350102004001-2020-03-01-2020-03-31.xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("单位");
			assertThat(rows.get(0).getCellText(4)).isEqualTo("响应率");
			Row g01 = rows.stream().filter(r -> "第1网格".equals(r.getCellText(0))).findFirst().orElseThrow();
			assertThat(Double.parseDouble(g01.getCellText(1))).isEqualTo(5);
			assertThat(Double.parseDouble(g01.getCellText(4))).isEqualTo(80);
			assertThat(Double.parseDouble(g01.getCellText(6))).isEqualTo(75);
			assertThat(Double.parseDouble(g01.getCellText(15))).isEqualTo(24);
			Row total = rows.get(rows.size() - 1);
			assertThat(total.getCellText(0)).startsWith("合计");
			assertThat(Double.parseDouble(total.getCellText(1))).isEqualTo(7);
		}
		mvc.perform(get("/demands/measures.xlsx?preset=CUSTOM&" + MARCH + "&unit=350111").with(signedIn("junmen")))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageShowsTheTableDrillDownChartDataAndOverdueList() throws Exception {
		mvc.perform(get("/demands/measures?preset=CUSTOM&" + MARCH).with(signedIn("dongjie")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"measures-table\"")))
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(containsString("unit=350102004001")))
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("/js/demand-measures.js")))
			.andExpect(content().string(containsString("/dist/echarts.min.js")))
			.andExpect(content().string(containsString("id=\"measures-overdue\"")))
			.andExpect(content().string(containsString("响应率")))
			.andExpect(content().string(not(containsString("紫阳社区"))));
		mvc.perform(get("/demands/measures?preset=CUSTOM&" + MARCH + "&unit=350102004001&lang=en")
				.with(signedIn("dongjie")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Response rate")))
			.andExpect(content().string(containsString("80.0%")))
			.andExpect(content().string(containsString(">24 h<")));
		mvc.perform(get("/demands/measures").with(signedIn("city"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("鼓楼区")));
	}

	/** Generated demands (fixed seed) against the same figures computed in Java from the rows. */
	@Test
	void generatedDemandsMatchAnIndependentComputation() throws Exception {
		long generated = jdbc.sql("SELECT COUNT(*) FROM demand_category WHERE code = ?").param(GENERATED).query(Long.class)
			.single() > 0 ? categoryId(GENERATED) : insertCategory(GENERATED);
		TerritoryNode junmen = node("350102004001");
		if (jdbc.sql("SELECT COUNT(*) FROM demand WHERE category_id = ?").param(generated).query(Long.class).single() == 0) {
			List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, junmen.path());
			new DemandGenerator(DemandHistoryImport.on(dataSource), 42L).generate(400, buildings,
					List.of(new DemandHistoryImport.Category(generated, GENERATED, Urgency.NORMAL)),
					Instant.parse("2021-06-30T16:00:00Z"), Duration.ofDays(60), 100, null);
		}
		Instant from = Instant.parse("2021-05-31T16:00:00Z"); // 2021-06-01 in Fuzhou
		Instant to = Instant.parse("2021-06-30T16:00:00Z");
		Instant now = Instant.now();
		List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM demand WHERE category_id = ? AND grid_id = ?")
			.params(generated, node("350102004001G01").id()).query().listOfRows();
		long raised = 0, signed = 0, onTime = 0, resolved = 0, closedOnTime = 0, solved = 0, rated = 0, satisfied = 0,
				reworks = 0, open = 0, overdue = 0;
		double seconds = 0;
		for (Map<String, Object> r : rows) {
			Instant raisedAt = instant(r.get("raised_at"));
			if (raisedAt.isBefore(from) || !raisedAt.isBefore(to)) {
				continue;
			}
			raised++;
			String status = (String) r.get("status");
			if (r.get("signed_at") != null) {
				signed++;
				onTime += Boolean.TRUE.equals(r.get("signed_on_time")) ? 1 : 0;
			}
			if (r.get("resolved_at") != null) {
				resolved++;
				closedOnTime += Boolean.TRUE.equals(r.get("resolved_on_time")) ? 1 : 0;
				solved += "RESOLVED".equals(r.get("outcome")) ? 1 : 0;
				seconds += Duration.between(raisedAt, instant(r.get("resolved_at"))).toSeconds();
			}
			if (r.get("rating") != null) {
				rated++;
				satisfied += List.of("SATISFIED", "BASICALLY_SATISFIED").contains(r.get("rating"))
						&& ((Number) r.get("rework_count")).intValue() == 0 ? 1 : 0;
			}
			reworks += ((Number) r.get("rework_count")).longValue();
			boolean isOpen = List.of("DELIBERATING", "DISPATCHED", "RETURNED", "IN_PROGRESS").contains(status);
			open += isOpen ? 1 : 0;
			Instant due = "DISPATCHED".equals(status) ? instant(r.get("sign_due_at"))
					: "IN_PROGRESS".equals(status) ? instant(r.get("handle_due_at")) : null;
			overdue += due != null && due.isBefore(now) ? 1 : 0;
		}
		assertThat(raised).isGreaterThan(20);
		assertThat(resolved).isGreaterThan(5);
		mvc.perform(get("/api/v1/demands/measures?from=2021-06-01&to=2021-06-30&category=" + GENERATED)
				.with(httpBasic("junmen", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0].unit.code").value("350102004001G01"))
			.andExpect(jsonPath("$.rows[0].raised").value(raised))
			.andExpect(jsonPath("$.rows[0].responseRate").value(pct(signed, raised)))
			.andExpect(jsonPath("$.rows[0].onTimeSignRate").value(pct(onTime, signed)))
			.andExpect(jsonPath("$.rows[0].onTimeClosingRate").value(pct(closedOnTime, resolved)))
			.andExpect(jsonPath("$.rows[0].resolutionRate").value(pct(solved, resolved)))
			.andExpect(jsonPath("$.rows[0].satisfactionRate").value(pct(satisfied, rated)))
			.andExpect(jsonPath("$.rows[0].averageHandlingHours").value(Math.round(seconds / resolved / 360.0) / 10.0))
			.andExpect(jsonPath("$.rows[0].reworks").value(reworks))
			.andExpect(jsonPath("$.rows[0].open").value(open))
			.andExpect(jsonPath("$.rows[0].overdue").value(overdue));
	}

	// ------------------------------------------------------------------ data

	static double pct(long part, long whole) {
		return Math.round(part * 1000.0 / whole) / 10.0;
	}

	static Instant instant(Object v) {
		if (v instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (v instanceof java.sql.Timestamp ts) {
			return ts.toInstant();
		}
		if (v instanceof java.time.Instant i) {
			return i;
		}
		throw new IllegalArgumentException(String.valueOf(v == null ? null : v.getClass()));
	}

	static Instant t(String monthDayTime) {
		return OffsetDateTime.parse("2020-" + monthDayTime + ":00+08:00").toInstant();
	}

	TerritoryNode node(String code) {
		return territories.lookupByCode(code).orElseThrow();
	}

	long categoryId(String code) {
		return jdbc.sql("SELECT id FROM demand_category WHERE code = ?").param(code).query(Long.class).single();
	}

	long insertCategory(String code) {
		jdbc.sql("""
				INSERT INTO demand_category (code, name, name_en, handling_level, urgency, sign_deadline, sign_deadline_unit,
				  handle_deadline, handle_deadline_unit, active, updated_at, updated_by)
				VALUES (?, '统计测试', 'Measures test', 'GRID', 'NORMAL', 2, 'WORKING_HOURS', 2, 'WORKING_DAYS', FALSE, CURRENT_TIMESTAMP, 'test')""")
			.param(code).update();
		return categoryId(code);
	}

	void insert(TerritoryNode at, String status, Instant raised, Instant signDue, Instant signed, Boolean signedOnTime,
			Instant resolved, Boolean resolvedOnTime, String outcome, String rating, int reworks, Instant handleDue) {
		List<Long> ids = at.ancestorIds();
		Long grid = at.level() == TerritoryLevel.GRID ? ids.get(4) : null;
		jdbc.sql("""
				INSERT INTO demand (token, category_id, description, status, urgency, channel, location_node_id, territory_path,
				  grid_id, community_id, street_id, district_id, public_place, raised_by, handler_name, sign_due_at, handle_due_at,
				  raised_at, dispatched_at, signed_at, signed_on_time, resolved_at, resolved_on_time, outcome, rating,
				  rework_count, updated_at)
				VALUES (?, ?, '测试诉求', ?, 'NORMAL', 'APP', ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), categoryId, status, at.id(), at.path(), grid, ids.get(3), ids.get(2),
					ids.get(1), at.name(), at.name(), ts(signDue), ts(handleDue), ts(raised), ts(raised), ts(signed),
					signedOnTime, ts(resolved), resolvedOnTime, outcome, rating, reworks, ts(raised))
			.update();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}
}
