package org.jinlin.party.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The party pages render for staff in Chinese and English, refuse non-staff, and record deliveries and task completions. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PartyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	org.springframework.test.web.servlet.request.RequestPostProcessor as(String name) {
		return user(users.loadUserByUsername(name));
	}

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	static final String JUNMEN_PATH = "(SELECT path FROM territory_node WHERE code = '350102004001')";

	@Test
	void theTreeOfJunmenWithCoverage() throws Exception {
		mvc.perform(get("/party/organisations").with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区党委")))
			.andExpect(content().string(containsString("小区党支部")))
			.andExpect(content().string(containsString("楼栋党小组")))
			.andExpect(content().string(containsString("东街口商圈党委")))
			.andExpect(content().string(containsString("id=\"coverage-rate\">100.0%")));
		mvc.perform(get("/party/organisations").param("territory", "350111").with(as("city"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("party-coverage-chart")))
			.andExpect(content().string(not(containsString("id=\"coverage-rate\">100.0%"))));
		mvc.perform(get("/party/organisations").param("kind", "COMMUNITY_COMMITTEE").header("HX-Request", "true")
			.with(as("dongjie"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("party-results")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/party/organisations").param("lang", "en").with(as("junmen")))
			.andExpect(content().string(containsString("Compound branch coverage")));
		mvc.perform(get("/party/organisations").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(get("/party/organisations").param("territory", "350111003001").with(as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/party/organisations/export.xlsx").with(as("junmen"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
	}

	@Test
	void detailAlliancesAndMeetingsRender() throws Exception {
		long committee = id("SELECT MIN(id) FROM party_org WHERE kind = 'COMMUNITY_COMMITTEE' AND territory_path = " + JUNMEN_PATH);
		mvc.perform(get("/party/organisations/" + committee).with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("张敏")));
		mvc.perform(get("/party/alliances").with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("东街街道区域化党建联盟")));
		long unit = id("SELECT MIN(id) FROM party_unit WHERE territory_path = " + JUNMEN_PATH);
		mvc.perform(get("/party/units/" + unit).with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("登记兑现")));
		mvc.perform(get("/party/meetings").with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("逾期")));
		long meeting = id("SELECT MIN(id) FROM party_meeting WHERE territory_path = " + JUNMEN_PATH);
		mvc.perform(get("/party/meetings/" + meeting).with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("决议1")));
	}

	@Test
	void aDeliveryIsRecordedFromTheUnitPage() throws Exception {
		long unit = id("SELECT MIN(id) FROM party_unit WHERE territory_path = " + JUNMEN_PATH);
		long commitment = id("SELECT MIN(id) FROM party_commitment WHERE unit_id = " + unit);
		long before = id("SELECT COUNT(*) FROM party_delivery WHERE commitment_id = " + commitment);
		mvc.perform(post("/party/commitments/" + commitment + "/deliveries").with(as("junmen")).with(csrf())
			.param("unitId", String.valueOf(unit)).param("description", "上门理发").param("deliveredOn", "2026-05-01")
			.param("quantity", "3").param("hours", "2.5").param("personName", "王师傅"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/party/units/" + unit));
		assertThat(id("SELECT COUNT(*) FROM party_delivery WHERE commitment_id = " + commitment)).isEqualTo(before + 1);
		mvc.perform(post("/party/commitments/" + commitment + "/deliveries").with(as("junmen")).with(csrf())
			.param("unitId", String.valueOf(unit)).param("description", "").param("deliveredOn", "someday"))
			.andExpect(status().is3xxRedirection());
		assertThat(id("SELECT COUNT(*) FROM party_delivery WHERE commitment_id = " + commitment)).isEqualTo(before + 1);
	}

	@Test
	void aTaskIsMarkedDoneWithHtmx() throws Exception {
		long task = id("SELECT MIN(id) FROM party_task WHERE status = 'OPEN' AND territory_path = " + JUNMEN_PATH);
		mvc.perform(post("/party/tasks/" + task + "/done").with(as("junmen")).with(csrf()).header("HX-Request", "true")
			.param("note", "")).andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		mvc.perform(post("/party/tasks/" + task + "/done").with(as("junmen")).with(csrf()).header("HX-Request", "true")
			.param("note", "已协调完成")).andExpect(status().isOk())
			.andExpect(content().string(containsString("已协调完成")))
			.andExpect(content().string(containsString("task-" + task)))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(jdbc.sql("SELECT status FROM party_task WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo("DONE");
		mvc.perform(post("/party/tasks/" + task + "/done").with(as("junmen-grid1")).with(csrf()).param("note", "x"))
			.andExpect(status().isNotFound());
	}
}
