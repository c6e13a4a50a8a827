package org.jinlin.audit;

import org.jinlin.support.DemoAccounts;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.jinlin.support.DemoAccounts.from;
import static org.jinlin.support.DemoAccounts.signIn;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Real sign-ins through the login form end up in the audit log; repeated failures from one source throttle it. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void formSignInIsAuditedWithTheAccountsTerritory() throws Exception {
		mvc.perform(formLogin("/login").user("dongjie").password(DemoAccounts.PASSWORD)).andExpect(authenticated());
		awaitRows("dongjie", "SIGNED_IN", 1);
		// The principal stored in the session table carries no password hash.
		List<byte[]> stored = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes").query(byte[].class).list();
		assertThat(stored).isNotEmpty();
		assertThat(stored).noneMatch(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).contains("{bcrypt}"));
		String path = jdbc.sql("SELECT territory_path FROM account WHERE username = 'dongjie'").query(String.class).single();
		assertThat(jdbc.sql("SELECT territory_path FROM audit_event WHERE actor = 'dongjie' AND action = 'SIGNED_IN'")
			.query(String.class).list()).containsOnly(path);
		// API calls with HTTP Basic authenticate every request and are not logged as sign-ins.
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("dongjie"))).andExpect(status().isOk());
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
			.until(() -> rows("dongjie", "SIGNED_IN") == 1);
	}

	@Test
	void failedSignInIsAuditedWithoutThePassword() throws Exception {
		mvc.perform(formLogin("/login").user("canteen1").password("wrong-password-typed")).andExpect(unauthenticated());
		awaitRows("canteen1", "SIGN_IN_FAILED", 1);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = 'canteen1'").query(String.class).list())
			.noneMatch(d -> d != null && d.contains("wrong-password-typed"));
		mvc.perform(formLogin("/login").user("canteen1").password(DemoAccounts.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void tenFailuresFromOneSourcePauseThatSourceNotTheAccountAndEveryStepIsAudited() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"throttle-me","displayName":"限制测试","role":"VOLUNTEER","territoryCode":"350102004001","password":"Right-pass-2026"}"""))
			.andExpect(status().isCreated());
		for (int i = 0; i < 10; i++) {
			mvc.perform(signIn("throttle-me", "Wrong-pass-" + i, "10.0.7.1")).andExpect(unauthenticated());
		}
		// The right password from that source is refused, on the form and on the API ...
		mvc.perform(signIn("throttle-me", "Right-pass-2026", "10.0.7.1")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?paused=15"));
		mvc.perform(get("/api/v1/communities").with(httpBasic("throttle-me", "Right-pass-2026")).with(from("10.0.7.1")))
			.andExpect(status().isTooManyRequests());
		// ... while the owner signs in from elsewhere.
		mvc.perform(signIn("throttle-me", "Right-pass-2026", "10.0.7.2")).andExpect(authenticated());
		awaitRows("throttle-me", "SIGN_IN_THROTTLED", 1);
		awaitRows("throttle-me", "SIGN_IN_FAILED", 12);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = 'throttle-me' AND action = 'SIGN_IN_FAILED' ORDER BY id DESC")
			.query(String.class).list().get(0)).isEqualTo("SignInThrottledException");
		assertThat(jdbc.sql("SELECT remote_address FROM audit_event WHERE actor = 'throttle-me' AND action = 'SIGN_IN_THROTTLED'")
			.query(String.class).single()).isEqualTo("10.0.7.1");
		// Resetting the password lifts no throttle: the throttle holds the source back, not the account.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/accounts/throttle-me/password")
				.with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Fresh-pass-2026\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(signIn("throttle-me", "Fresh-pass-2026", "10.0.7.1")).andExpect(unauthenticated());
		mvc.perform(signIn("throttle-me", "Fresh-pass-2026", "10.0.7.2")).andExpect(authenticated());
	}

	@Test
	void auditApiIsScopedToTheJurisdiction() throws Exception {
		mvc.perform(formLogin("/login").user("junmen").password(DemoAccounts.PASSWORD)).andExpect(authenticated());
		mvc.perform(formLogin("/login").user("nobody-such").password("whatever-typed")).andExpect(unauthenticated());
		awaitRows("junmen", "SIGNED_IN", 1);
		awaitRows("nobody-such", "SIGN_IN_FAILED", 1);
		jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, territory_path) VALUES (CURRENT_TIMESTAMP, 'ziyang-test', 'SIGNED_IN', ?)")
			.param(jdbc.sql("SELECT path FROM territory_node WHERE code = '350111003001'").query(String.class).single()).update();
		String gulouPath = jdbc.sql("SELECT path FROM territory_node WHERE code = '350102'").query(String.class).single();
		mvc.perform(get("/api/v1/audit-events?size=200").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].actor", hasItem("junmen")))
			.andExpect(jsonPath("$.items[*].actor", not(hasItem("ziyang-test"))))
			.andExpect(jsonPath("$.items[*].actor", not(hasItem("nobody-such"))))
			.andExpect(jsonPath("$.items[*].territoryPath", everyItem(startsWith(gulouPath))));
		mvc.perform(get("/api/v1/audit-events?size=200").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].actor", hasItem("ziyang-test")))
			.andExpect(jsonPath("$.items[*].actor", hasItem("nobody-such")));
		mvc.perform(get("/api/v1/audit-events?action=SIGN_IN_FAILED&actor=nobody-such").with(DemoAccounts.as("admin")))
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].action", is("SIGN_IN_FAILED")));
		mvc.perform(get("/api/v1/audit-events?from=2000-01-01&to=2000-01-31").with(DemoAccounts.as("admin")))
			.andExpect(jsonPath("$.total", is(0)));
		for (String user : new String[] { "dongjie", "junmen", "junmen-grid1", "resident1" }) {
			mvc.perform(get("/api/v1/audit-events").with(DemoAccounts.as(user))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/audit-events").header("X-Api-Key", DemoAccounts.OPEN311_KEY)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit-events?action=NOPE").with(DemoAccounts.as("admin"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/audit-events?size=100000").with(DemoAccounts.as("admin"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/audit-events?from=2026-02-01&to=2026-01-01").with(DemoAccounts.as("admin")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void auditPageAndExportInTheBrowser() throws Exception {
		mvc.perform(formLogin("/login").user("volunteer1").password(DemoAccounts.PASSWORD)).andExpect(authenticated());
		awaitRows("volunteer1", "SIGNED_IN", 1);
		var gulou = user(principal("gulou"));
		mvc.perform(get("/admin/audit").with(gulou))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审计日志")))
			.andExpect(content().string(containsString("volunteer1")));
		byte[] xlsx = mvc.perform(get("/admin/audit/export.xlsx?actor=volunteer1").with(gulou))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("时间");
			assertThat(rows).hasSizeGreaterThan(1);
			assertThat(rows.subList(1, rows.size())).allMatch(r -> r.getCellText(1).equals("volunteer1"));
			assertThat(rows.get(1).getCellText(2)).isEqualTo("登录成功");
		}
		mvc.perform(get("/admin/audit").with(user(principal("junmen")))).andExpect(status().isForbidden());
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	org.springframework.security.core.userdetails.UserDetails principal(String username) {
		return users.loadUserByUsername(username);
	}

	long rows(String actor, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?").params(actor, action)
			.query(Long.class).single();
	}

	void awaitRows(String actor, String action, long atLeast) {
		await().atMost(Duration.ofSeconds(20)).until(() -> rows(actor, action) >= atLeast);
	}
}
