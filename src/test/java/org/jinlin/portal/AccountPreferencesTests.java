package org.jinlin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The language and 长辈模式 are kept on the account: changed from the account's menu on one device, they apply on
 * the account's next session on another (a fresh session without the first device's cookies); signed-out visitors
 * keep the cookie behaviour and no account changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountPreferencesTests {

	/** An account the other page tests do not render pages for; reset after each test all the same. */
	static final String ACCOUNT = DemoAccounts.CANTEEN;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		jdbc.sql("UPDATE account SET preferred_language = NULL, age_friendly = NULL WHERE username = ?").param(ACCOUNT).update();
	}

	RequestPostProcessor as(String name) {
		return user(users.loadUserByUsername(name));
	}

	Map<String, Object> stored() {
		return jdbc.sql("SELECT preferred_language, age_friendly FROM account WHERE username = ?").param(ACCOUNT)
			.query().singleRow();
	}

	@Test
	void theLanguageChosenOnOneDeviceIsTheAccountsOnTheNext() throws Exception {
		// a fresh account follows the device (Chinese by default)
		mvc.perform(get("/").with(as(ACCOUNT)).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		// a ?lang= in the address changes this browser only
		mvc.perform(get("/").param("lang", "en").with(as(ACCOUNT)).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\"")));
		assertThat(stored().get("PREFERRED_LANGUAGE")).isNull();
		// first device: English from the account's own menu, back to the page without its lang parameter
		mvc.perform(post("/preferences/language").param("language", "en").with(as(ACCOUNT)).with(csrf())
			.header("Referer", "http://localhost/demands?lang=zh-CN&page=2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/demands?page=2"))
			.andExpect(cookie().value("jinlin-lang", "en"));
		assertThat(stored().get("PREFERRED_LANGUAGE")).isEqualTo("en");
		// another device: a new session with no cookie, English on the first page, and the device's cookie set
		mvc.perform(get("/").with(as(ACCOUNT)).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(cookie().value("jinlin-lang", "en"));
		// and back to Chinese from the menu
		mvc.perform(post("/preferences/language").param("language", "zh-CN").with(as(ACCOUNT)).with(csrf()))
			.andExpect(cookie().value("jinlin-lang", "zh-CN"));
		mvc.perform(get("/").with(as(ACCOUNT)).session(new MockHttpSession()))
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
	}

	@Test
	void ageFriendlyModeFollowsTheAccountToAnotherDevice() throws Exception {
		// sessions live in the database (Spring Session): a browser is its SESSION cookie
		jakarta.servlet.http.Cookie first = mvc.perform(get("/").with(as(ACCOUNT)))
			.andExpect(content().string(not(containsString("class=\"age-friendly\""))))
			.andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/preferences/age-friendly").with(as(ACCOUNT)).with(csrf()).cookie(first))
			.andExpect(status().is3xxRedirection())
			.andExpect(cookie().value("jinlin-age-friendly", "1"));
		assertThat(stored().get("AGE_FRIENDLY")).isEqualTo(true);
		mvc.perform(get("/").with(as(ACCOUNT)).session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"age-friendly\"")))
			.andExpect(cookie().value("jinlin-age-friendly", "1"));
		// turned off on the second device: off on the next one too
		jakarta.servlet.http.Cookie second = mvc.perform(get("/").with(as(ACCOUNT)))
			.andExpect(content().string(containsString("class=\"age-friendly\"")))
			.andExpect(cookie().value("jinlin-age-friendly", "1"))
			.andReturn().getResponse().getCookie("SESSION");
		assertThat(second).isNotNull();
		mvc.perform(post("/preferences/age-friendly").with(as(ACCOUNT)).with(csrf())
			.cookie(second, new jakarta.servlet.http.Cookie("jinlin-age-friendly", "1")))
			.andExpect(cookie().value("jinlin-age-friendly", "0"));
		assertThat(stored().get("AGE_FRIENDLY")).isEqualTo(false);
		mvc.perform(get("/").with(as(ACCOUNT)).session(new MockHttpSession())
			.cookie(new jakarta.servlet.http.Cookie("jinlin-age-friendly", "1")))
			.andExpect(content().string(not(containsString("class=\"age-friendly\""))));
	}

	@Test
	void signedOutVisitorsKeepTheCookieAndNoAccountChanges() throws Exception {
		mvc.perform(post("/preferences/age-friendly").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(cookie().value("jinlin-age-friendly", "1"));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("jinlin-lang", "en"));
		mvc.perform(post("/preferences/language").param("language", "en").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(cookie().value("jinlin-lang", "en"));
		// a language the platform does not speak changes nothing
		mvc.perform(post("/preferences/language").param("language", "fr").with(as(ACCOUNT)).with(csrf()))
			.andExpect(cookie().doesNotExist("jinlin-lang"));
		mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("jinlin-age-friendly", "1")))
			.andExpect(content().string(containsString("class=\"age-friendly\"")));
		assertThat(stored().get("PREFERRED_LANGUAGE")).isNull();
		assertThat(stored().get("AGE_FRIENDLY")).isNull();
	}
}
