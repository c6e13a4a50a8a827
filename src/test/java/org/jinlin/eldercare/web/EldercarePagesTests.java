package org.jinlin.eldercare.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jinlin.demo.DemoEldercare;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.eldercare.internal.CareRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The register's pages as the demo accounts see them. */
@SpringBootTest
@AutoConfigureMockMvc
class EldercarePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ElderRegister register;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long wang() {
		return register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow().elderId();
	}

	@Test
	void theRegisterListFiltersAndExports() throws Exception {
		mvc.perform(get("/eldercare/elders").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"elder-table\"")))
			.andExpect(content().string(containsString("badge")));
		mvc.perform(get("/eldercare/elders").param("name", "王秀").header("HX-Request", "true").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王秀兰")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/eldercare/elders").param("lang", "en").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Elderly register")));
		byte[] xlsx = mvc.perform(get("/eldercare/elders/export.xlsx").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", ElderListPages.XLSX))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(xlsx).startsWith('P', 'K');
		mvc.perform(get("/eldercare/elders").with(as("resident1"))).andExpect(status().isForbidden());
		mvc.perform(post("/eldercare/elders").param("residentId", "abc").with(as("junmen")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
	}

	@Test
	void theProfileHidesHealthUntilRevealedAndShowsTheAssessmentForm() throws Exception {
		long id = wang();
		mvc.perform(get("/eldercare/elders/" + id).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("DEMO-PENDANT-0001")))
			.andExpect(content().string(containsString("志愿者 小李")))
			.andExpect(content().string(containsString("id=\"assessment-form\"")))
			.andExpect(content().string(containsString("score25")))
			.andExpect(content().string(not(containsString("高血压"))));
		mvc.perform(post("/eldercare/elders/" + id + "/health").param("purpose", "").header("HX-Request", "true")
				.with(as("junmen-grid1")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(not(containsString("高血压"))));
		mvc.perform(post("/eldercare/elders/" + id + "/health").param("purpose", "走访前了解").header("HX-Request", "true")
				.with(as("junmen-grid1")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("高血压")))
			.andExpect(content().string(containsString("青霉素")));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor = 'junmen-grid1' AND subject_type = 'ELDER' AND subject_id = ?")
			.param(Long.toString(id)).query(Long.class).single() >= 1);
		var preview = post("/eldercare/elders/" + id + "/assessments/preview").with(as("junmen")).with(csrf());
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			preview.param("score" + i, String.valueOf(CareRules.ITEMS.get(i).max()));
		}
		mvc.perform(preview.param("dementia", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("总分 90")))
			.andExpect(content().string(containsString("1级")));
	}

	@Test
	void recordingAnAssessmentAndAVisitThroughTheForms() throws Exception {
		long id = wang();
		var assess = post("/eldercare/elders/" + id + "/assessments").with(as("junmen")).with(csrf());
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			assess.param("score" + i, "1");
		}
		mvc.perform(assess).andExpect(status().is3xxRedirection());
		var bad = post("/eldercare/elders/" + id + "/assessments").with(as("junmen")).with(csrf()).param("score0", "9");
		mvc.perform(bad).andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));

		mvc.perform(multipart("/eldercare/elders/" + id + "/visits").param("kind", "HOME_VISIT").param("findings", "")
				.with(as("volunteer1")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		MockMultipartFile photo = new MockMultipartFile("photo", "p.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		mvc.perform(multipart("/eldercare/elders/" + id + "/visits").file(photo).param("kind", "HOME_VISIT")
				.param("findings", "志愿者上门陪聊").with(as("volunteer1")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/eldercare/elders/*"));
		long visitId = jdbc.sql("SELECT MAX(id) FROM elder_visit WHERE elder_id = ?").param(id).query(Long.class).single();
		mvc.perform(get("/eldercare/visit-photos/" + visitId).with(as("junmen"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"));
		mvc.perform(get("/eldercare/visit-photos/" + visitId).with(as("gulou"))).andExpect(status().isOk());
	}

	@Test
	void theVisitsPageListsOverdueVisitsAndBirthdays() throws Exception {
		mvc.perform(get("/eldercare/visits").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"overdue-table\"")))
			.andExpect(content().string(containsString("id=\"birthday-table\"")))
			.andExpect(content().string(containsString("text-bg-danger")));
		mvc.perform(get("/eldercare/visits").param("mine", "true").param("days", "30").with(as("junmen-grid1")))
			.andExpect(status().isOk());
		mvc.perform(get("/eldercare/visits").with(as("canteen1"))).andExpect(status().isForbidden());
	}
}
