package org.jinlin.volunteers.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The volunteer forms render their fields (with the decorator's navigation) and show field messages next to the
 * fields; the registry pages through {@code items}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VolunteerPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	/** Signed in to the pages as the demo account (the pages sign in by form, not HTTP Basic). */
	RequestPostProcessor as(String name) {
		return user(users.loadUserByUsername(name));
	}

	@Test
	void theRegistrationFormShowsEveryFieldAndItsMessages() throws Exception {
		mvc.perform(get("/volunteers/register").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("id=\"idNumber\"")))
			.andExpect(content().string(containsString("id=\"birthDate\" name=\"birthDate\" type=\"date\"")))
			.andExpect(content().string(containsString("id=\"availableTime\"")))
			.andExpect(content().string(not(containsString("is-invalid"))));
		mvc.perform(post("/volunteers/register").with(as("resident1")).with(csrf()).param("name", "李"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"form-errors\"")))
			.andExpect(content().string(containsString("value=\"李\"")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("jl-field-error")));
	}

	@Test
	void theActivityFormShowsEveryFieldAndItsMessages() throws Exception {
		mvc.perform(get("/volunteers/activities/new").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"title\"")))
			.andExpect(content().string(containsString("id=\"startsAt\" name=\"startsAt\" type=\"datetime-local\"")))
			.andExpect(content().string(containsString("id=\"organiserName\"")));
		mvc.perform(post("/volunteers/activities").with(as("junmen")).with(csrf()).param("title", "读书会"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"form-errors\"")))
			.andExpect(content().string(containsString("value=\"读书会\"")))
			.andExpect(content().string(containsString("jl-field-error")));
	}

	@Test
	void theRegistryPagesItsItems() throws Exception {
		mvc.perform(get("/volunteers").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"registry-total\"")))
			.andExpect(content().string(containsString("军门社区")));
	}
}
