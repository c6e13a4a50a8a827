package org.jinlin.memberservice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The member-service pages on the page decorator: each role's page renders with its forms, invalid fields come back
 * with their messages next to them, a wish action by htmx answers the wish's card and without htmx a redirect, and a
 * missing role gets the shared error page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MemberServicePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** Signed in to the pages as the demo account (pages sign in by form, not HTTP Basic). */
	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void eachRoleSeesItsPageInTheLayout() throws Exception {
		mvc.perform(get("/service/registration").with(as("member1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"registration-form\"")))
			.andExpect(content().string(containsString("id=\"cat-ELDERLY\"")))
			.andExpect(content().string(containsString("id=\"avail-WEEKENDS\"")))
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("<footer")));
		mvc.perform(get("/service/wishes").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"wish-form\"")))
			.andExpect(content().string(containsString("id=\"wish-title\"")))
			.andExpect(content().string(not(containsString("id=\"wish-wisher\""))));
		mvc.perform(get("/service/wishes").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"wish-community\"")))
			.andExpect(content().string(containsString("id=\"wish-wisher\"")));
		mvc.perform(get("/service/members").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"need-form\"")))
			.andExpect(content().string(containsString("id=\"post-form\"")))
			.andExpect(content().string(containsString("id=\"unit-cat-ELDERLY\"")));
	}

	@Test
	void aMissingRoleGetsTheErrorPage() throws Exception {
		mvc.perform(get("/service/members").with(as("resident1")))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error"));
		mvc.perform(get("/service/registration").with(as("resident1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void invalidFieldsComeBackWithTheirMessages() throws Exception {
		mvc.perform(post("/service/wishes").with(as("resident1")).with(csrf()).param("title", "")
				.param("category", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("memberservice/wishes"))
			.andExpect(content().string(containsString("id=\"wish-title-error\"")))
			.andExpect(content().string(containsString("is-invalid")));
		mvc.perform(post("/service/needs").with(as("junmen")).with(csrf())
				.param("communityCode", "350102004001").param("title", "").param("category", "ELDERLY"))
			.andExpect(status().isOk())
			.andExpect(view().name("memberservice/members"));
	}

	@Test
	void aWishActionAnswersTheCardToHtmxAndRedirectsOtherwise() throws Exception {
		long wish = jdbc.sql("""
				SELECT MIN(id) FROM ms_wish WHERE status = 'OPEN'
				AND territory_path LIKE (SELECT path FROM territory_node WHERE code = '350102004001') || '%'""")
			.query(Long.class).single();
		// junmen is staff, not a claimer: the refusal is shown on the card, or the list is shown again
		mvc.perform(post("/service/wishes/" + wish + "/release").with(as("junmen")).with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("memberservice/wish :: wish"));
		mvc.perform(post("/service/wishes/" + wish + "/release").with(as("junmen")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/service/wishes"));
	}
}
