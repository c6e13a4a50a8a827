package org.jinlin.party.web;

import java.math.BigDecimal;
import java.time.Duration;

import org.jinlin.support.DemoAccounts;
import org.jinlin.servicehours.ServiceHours;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * End to end (committed, not rolled back): a delivery recorded over the API with hours reaches the service-hours
 * ledger as the unit's hours, once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PartyServiceHoursTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceHours serviceHours;

	@Test
	void aDeliveryWithHoursCreditsTheUnit() throws Exception {
		long unit = jdbc.sql("""
				SELECT MAX(id) FROM party_unit
				WHERE territory_path = (SELECT path FROM territory_node WHERE code = '350102004001')""").query(Long.class).single();
		long commitment = jdbc.sql("SELECT MIN(id) FROM party_commitment WHERE unit_id = ?").param(unit).query(Long.class)
			.single();
		BigDecimal before = serviceHours.balanceOf("unit:" + unit).hours();
		mvc.perform(post("/api/v1/party/commitments/" + commitment + "/deliveries").with(DemoAccounts.as("junmen"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\": \"为独居老人上门理发\", \"deliveredOn\": \"2026-05-03\", \"quantity\": 4, \"hours\": 3,"
					+ " \"personName\": \"王师傅\"}"))
			.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(serviceHours.balanceOf("unit:" + unit).hours())
				.isEqualByComparingTo(before.add(new BigDecimal("3"))));
	}
}
