package org.jinlin.circle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.circle.CircleFigures;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.shared.Actor;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The uncovered communities the officials' home shows are the communities {@code /circle/gaps} lists, for the same
 * account; residents get no figure.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CircleFiguresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CategoryCatalogue catalogue;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	CircleFigures figures;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void run() {
		FakeRun.ensure(jdbc, catalogue, tx);
	}

	@Test
	void theUncoveredCountIsTheGapsListOfTheSameAccount() throws Exception {
		for (String user : List.of(DemoAccounts.STREET, DemoAccounts.DISTRICT, DemoAccounts.COMMUNITY)) {
			String body = mvc.perform(get("/api/v1/circle/gaps").with(DemoAccounts.as(user)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			int listed = JsonPath.<List<?>>read(body, "$.communities").size();
			assertThat(figures.uncoveredCommunities(actor(user))).as(user).hasValue(listed);
		}
		// 东街街道 of the fake run: 庆城 and 文儒坊 are not covered
		assertThat(figures.uncoveredCommunities(actor(DemoAccounts.STREET))).hasValue(2);
	}

	@Test
	void residentsGetNoFigure() {
		assertThat(figures.uncoveredCommunities(actor(DemoAccounts.RESIDENT))).isEmpty();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** The account, signed in for the call (the coverage runs are read as the signed-in staff member). */
	private Actor actor(String user) {
		UserDetails details = users.loadUserByUsername(user);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		return ((org.jinlin.shared.ActorPrincipal) details).actor();
	}
}
