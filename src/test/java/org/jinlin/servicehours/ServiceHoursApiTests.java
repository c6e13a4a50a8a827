package org.jinlin.servicehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.jinlin.demands.DemandClosed;
import org.jinlin.support.DemoAccounts;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service ledger over HTTP and its links: the demo volunteer's buddy visits are on her statement and in the
 * community's figures; a reversal needs a reason and happens once; a visit recorded by an elder's buddy and a demand
 * handed to a volunteer and closed are credited, a staff member's are not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceHoursApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Territories territories;

	/** The demo history is booked after start-up, as a batch. */
	@org.junit.jupiter.api.BeforeEach
	void demoHistoryBooked() {
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM service_record WHERE person_key = 'volunteer1' AND source_ref LIKE 'demo-visit:%'")
			.query(Long.class).single() == 12);
	}

	@Test
	void theVolunteersOwnHoursShowHerBuddyVisitsAndTimeBank() throws Exception {
		mvc.perform(get("/api/v1/service-hours/mine").with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeBankMember").value(true))
			.andExpect(jsonPath("$.balance.personTimes").value(org.hamcrest.Matchers.greaterThanOrEqualTo(12)))
			.andExpect(jsonPath("$.balance.hours").value(org.hamcrest.Matchers.greaterThanOrEqualTo(12.0)))
			.andExpect(jsonPath("$.records[0].source").exists());
	}

	@Test
	void figuresCountTheCommunitysServiceAndRefuseOtherJurisdictions() throws Exception {
		mvc.perform(get("/api/v1/service-hours/figures").param("territory", "350102004001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("军门社区"))
			.andExpect(jsonPath("$.total.personTimes").value(org.hamcrest.Matchers.greaterThanOrEqualTo(12)))
			.andExpect(jsonPath("$.trend.length()").value(12));
		mvc.perform(get("/api/v1/service-hours/figures").param("territory", "350102").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.children.length()").value(org.hamcrest.Matchers.greaterThan(1)));
		mvc.perform(get("/api/v1/service-hours/figures").param("territory", "350111003001").with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/service-hours/figures").with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReversalNeedsAReasonAndHappensOnce() throws Exception {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		String ref = "activity:" + System.nanoTime();
		tx.executeWithoutResult(s -> events.publishEvent(new ServiceDelivered("api-test-volunteer", "测试志愿者", junmen.id(),
				junmen.path(), ServiceSource.ACTIVITY, ref, "GREENERY", "补种绿篱", new java.math.BigDecimal("2"), false,
				false, Instant.now(), "junmen")));
		long transfer = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				SELECT MAX(t.id) FROM ledger_transfer t JOIN service_record r ON r.id = t.service_record_id
				WHERE t.kind = 'SERVICE' AND r.source_ref = ?""").param(ref).query(Long.class).optional().orElse(null),
				java.util.Objects::nonNull);
		mvc.perform(post("/api/v1/service-hours/transfers/" + transfer + "/reversal").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/service-hours/transfers/" + transfer + "/reversal").with(DemoAccounts.as("junmen-grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"录错了\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/service-hours/transfers/" + transfer + "/reversal").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复登记\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("REVERSAL"))
			.andExpect(jsonPath("$.reversesId").value(transfer));
		mvc.perform(post("/api/v1/service-hours/transfers/" + transfer + "/reversal").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复登记\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/service-hours/transfers/" + transfer).with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reversed").value(true))
			.andExpect(jsonPath("$.entries.length()").value(4));
	}

	@Test
	void aBuddysVisitIsCreditedAsElderlyCare() throws Exception {
		long elder = jdbc.sql("SELECT elder_id FROM elder_device WHERE device_id = 'DEMO-PENDANT-0001'").query(Long.class).single();
		String body = mvc.perform(post("/api/v1/elders/" + elder + "/visits").with(DemoAccounts.as("volunteer1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PHONE_CHECK_IN\",\"findings\":\"电话问候，一切安好\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long visit = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM service_record WHERE person_key = 'volunteer1' AND source = 'VISIT' AND source_ref = ?
				AND elderly_care = TRUE""").param("visit:" + visit).query(Long.class).single()).isEqualTo(1));
		// The community worker's own visit is her job, not volunteer service.
		String staffVisit = mvc.perform(post("/api/v1/elders/" + elder + "/visits").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"HOME_VISIT\",\"findings\":\"上门查看\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long staffId = ((Number) com.jayway.jsonpath.JsonPath.read(staffVisit, "$.id")).longValue();
		// Once the service-hours listener has handled the staff visit, it must not have become a record.
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%servicehours%'
				AND serialized_event LIKE ? AND completion_date IS NULL""")
			.param("%\"visitId\":" + staffId + ",%").query(Long.class).single() == 0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_record WHERE source_ref = ?").param("visit:" + staffId)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDemandHandedToAVolunteerCountsAsAProblemSolvedWhenClosed() {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		long demandId = 9_000_000L + System.nanoTime() % 1_000_000L;
		tx.executeWithoutResult(s -> events.publishEvent(new DemandClosed(demandId, junmen.path(), junmen.id(), null,
				null, false, Instant.now(), "volunteer1", "environment", null, Instant.now(), null)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM service_record WHERE person_key = 'volunteer1' AND source = 'DEMAND'
				AND source_ref = ? AND problem_solved = TRUE""").param("demand:" + demandId).query(Long.class).single())
			.isEqualTo(1));
	}

	/** End to end: the community hands a resident's demand to a party member, who signs, resolves; the rating closes it. */
	@Test
	void aMemberWhoHandlesAHandedDemandHasAProblemSolvedOnHerRecord() throws Exception {
		String raised = mvc.perform(post("/api/v1/demands").with(DemoAccounts.as("resident1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"sanitation\",\"description\":\"楼道堆放杂物 " + System.nanoTime() + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(raised, "$.id")).longValue();
		mvc.perform(post("/api/v1/demands/" + id + "/dispatch").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":\"member1\",\"note\":\"请张敏帮忙协调\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(DemoAccounts.as("member1")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/resolve").with(DemoAccounts.as("member1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"RESOLVED\",\"reply\":\"已协调清理\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/rating").with(DemoAccounts.as("resident1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\"}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM service_record WHERE person_key = 'member1' AND source = 'DEMAND' AND source_ref = ?
				AND problem_solved = TRUE""").param("demand:" + id).query(Long.class).single()).isEqualTo(1));
		mvc.perform(get("/api/v1/service-hours/mine").with(DemoAccounts.as("member1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balance.problemsSolved").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
	}
}
