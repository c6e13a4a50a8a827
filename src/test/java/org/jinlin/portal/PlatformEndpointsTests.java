package org.jinlin.portal;

import org.jinlin.support.DemoAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health, metrics, the OpenAPI description, the login page and the UI preferences. */
@SpringBootTest
@AutoConfigureMockMvc
class PlatformEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsPublicAndUp() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status", is("UP")));
	}

	@Test
	void prometheusNeedsAnAdministrator() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(DemoAccounts.as("junmen"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(DemoAccounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}

	@Test
	void openApiDescribesTheJsonApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title", containsString("Jinlin")))
			.andExpect(jsonPath("$.paths['/api/v1/communities'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.apiKey.name", is("X-Api-Key")));
	}

	@Test
	void loginPageRendersInChineseByDefaultAndEnglishOnRequest() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
			.andExpect(content().string(containsString("登录")));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in")))
			.andExpect(cookie().value("jinlin-lang", "en"));
	}

	@Test
	void ageFriendlyModeIsKeptInACookieAndRendered() throws Exception {
		mvc.perform(post("/preferences/age-friendly").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.header("Referer", "http://evil.example/phish"))
			.andExpect(status().is3xxRedirection())
			.andExpect(cookie().value("jinlin-age-friendly", "1"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/phish"));
		mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("jinlin-age-friendly", "1")))
			.andExpect(content().string(containsString("age-friendly")));
	}

	@Test
	void preferencesNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/preferences/age-friendly")).andExpect(status().isForbidden());
	}

	@Test
	void apiAnswersWrongMethodAndUnknownPathWithProblems() throws Exception {
		mvc.perform(post("/api/v1/communities").with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/no-such-thing").with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void browserPagesKeepHtmlErrorPages() throws Exception {
		mvc.perform(get("/public/no-such-page").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(result -> org.assertj.core.api.Assertions.assertThat(String.valueOf(result.getResponse().getContentType()))
				.doesNotContain("problem+json"));
	}
}
