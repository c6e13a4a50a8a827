package org.jinlin.accounts;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.jinlin.support.DemoAccounts.from;
import static org.jinlin.support.DemoAccounts.signIn;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in throttling through the login form and HTTP Basic: ten wrong passwords for one account from one source
 * within 15 minutes pause that source for that account, even with the right password, while the owner signs in from
 * another source; unknown names are treated alike; administrators list and clear throttles. Every source is an
 * address of its own, so the tests do not share counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottlingTests {

	static final String RIGHT = "Right-pass-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theFormRefusesTheRightPasswordFromAThrottledSourceWhileTheOwnerSignsInElsewhere() throws Exception {
		account("throttle-page", "350102004001");
		for (int i = 0; i < 9; i++) {
			mvc.perform(signIn("throttle-page", "Wrong-pass-" + i, "10.0.0.1")).andExpect(redirectedUrl("/login?error"));
		}
		// Nine failures pause nothing.
		mvc.perform(signIn("throttle-page", RIGHT, "10.0.0.1")).andExpect(authenticated());
		// A success lets the pair start afresh: ten more failures are needed.
		for (int i = 0; i < 10; i++) {
			mvc.perform(signIn("throttle-page", "Wrong-pass-" + i, "10.0.0.1")).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(signIn("throttle-page", RIGHT, "10.0.0.1")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?paused=15"));
		mvc.perform(signIn("throttle-page", RIGHT, "10.0.0.2")).andExpect(authenticated());

		// An unknown name gets exactly the same answers.
		for (int i = 0; i < 10; i++) {
			mvc.perform(signIn("no-such-official", "Wrong-pass-" + i, "10.0.0.1")).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(signIn("no-such-official", RIGHT, "10.0.0.1")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?paused=15"));

		mvc.perform(get("/login?paused=15"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此设备或网络的登录失败次数过多，登录已暂停 15 分钟")))
			.andExpect(content().string(not(containsString("锁定"))));
		mvc.perform(get("/login?paused=15&lang=en"))
			.andExpect(content().string(containsString("sign-in from it is paused for 15 minutes")));
		// Only a number of minutes is ever shown.
		mvc.perform(get("/login?paused=call-400-123")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("sign-in-paused"))))
			.andExpect(content().string(not(containsString("call-400-123"))));
	}

	@Test
	void theApiAnswers429WithRetryAfterForAThrottledSourceAndTheSameForUnknownNames() throws Exception {
		account("throttle-api", "350102004001");
		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/communities").with(httpBasic("throttle-api", "Wrong-pass-" + i)).with(from("10.0.0.11")))
				.andExpect(status().isUnauthorized());
		}
		MockHttpServletResponse known = mvc
			.perform(get("/api/v1/communities").with(httpBasic("throttle-api", RIGHT)).with(from("10.0.0.11")))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andReturn().getResponse();
		assertThat(known.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		assertThat(Long.parseLong(known.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
		mvc.perform(get("/api/v1/communities").with(httpBasic("throttle-api", RIGHT)).with(from("10.0.0.12")))
			.andExpect(status().isOk());

		for (int i = 0; i < 10; i++) {
			mvc.perform(get("/api/v1/communities").with(httpBasic("no-such-api-user", "Wrong-pass-" + i)).with(from("10.0.0.11")))
				.andExpect(status().isUnauthorized());
		}
		MockHttpServletResponse unknown = mvc
			.perform(get("/api/v1/communities").with(httpBasic("no-such-api-user", RIGHT)).with(from("10.0.0.11")))
			.andExpect(status().isTooManyRequests())
			.andReturn().getResponse();
		assertThat(unknown.getContentAsString()).isEqualTo(known.getContentAsString());
		assertThat(Long.parseLong(unknown.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
	}

	@Test
	void oneSourceCannotSprayAccounts() throws Exception {
		for (int i = 0; i < 50; i++) {
			mvc.perform(get("/api/v1/communities").with(httpBasic("spray-" + i, "Wrong-pass")).with(from("10.0.0.21")))
				.andExpect(status().isUnauthorized());
		}
		// Every name from that source is refused now, a real one with its right password too ...
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("canteen1")).with(from("10.0.0.21")))
			.andExpect(status().isTooManyRequests());
		mvc.perform(signIn("canteen1", DemoAccounts.PASSWORD, "10.0.0.21")).andExpect(redirectedUrl("/login?paused=15"));
		// ... and nobody else.
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("canteen1")).with(from("10.0.0.22")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/accounts/throttles?size=200").with(DemoAccounts.as("admin")))
			.andExpect(jsonPath("$.items[?(@.source == '10.0.0.21')].wholeSource", hasItem(true)));
	}

	@Test
	void administratorsListAndClearThrottlesOthersAreRefused() throws Exception {
		account("throttle-admin", "350102004001");
		throttle("throttle-admin", "10.0.0.31");
		mvc.perform(get("/api/v1/accounts/throttles?size=200").with(DemoAccounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].accountName", hasItem("throttle-admin")))
			.andExpect(jsonPath("$.items[?(@.accountName == 'throttle-admin')].source", hasItem("10.0.0.31")))
			.andExpect(jsonPath("$.items[?(@.accountName == 'throttle-admin')].failures", hasItem(10)));
		mvc.perform(get("/admin/accounts/throttles").with(page("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登录限制")))
			.andExpect(content().string(containsString("10.0.0.31")));
		long id = throttleId("throttle-admin", "10.0.0.31");
		for (String other : new String[] { "city", "gulou", "junmen", "resident1" }) {
			mvc.perform(get("/api/v1/accounts/throttles").with(DemoAccounts.as(other))).andExpect(status().isForbidden());
			mvc.perform(delete("/api/v1/accounts/throttles/" + id).with(DemoAccounts.as(other))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/accounts/throttles").with(page(other))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/accounts/throttles/" + id + "/clear").with(page(other)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(signIn("throttle-admin", RIGHT, "10.0.0.31")).andExpect(redirectedUrl("/login?paused=15"));

		mvc.perform(delete("/api/v1/accounts/throttles/" + id).with(DemoAccounts.as("admin"))).andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/accounts/throttles/" + id).with(DemoAccounts.as("admin"))).andExpect(status().isNotFound());
		mvc.perform(signIn("throttle-admin", RIGHT, "10.0.0.31")).andExpect(authenticated());
		awaitAudit("admin", "SIGN_IN_THROTTLE_CLEARED", Long.toString(id));

		// The same through the page.
		throttle("throttle-admin", "10.0.0.32");
		long second = throttleId("throttle-admin", "10.0.0.32");
		mvc.perform(post("/admin/accounts/throttles/" + second + "/clear").with(page("admin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts/throttles"));
		mvc.perform(signIn("throttle-admin", RIGHT, "10.0.0.32")).andExpect(authenticated());
		awaitAudit("admin", "SIGN_IN_THROTTLE_CLEARED", Long.toString(second));
	}

	@Test
	void aDistrictAdministratorSeesOnlyThrottlesOfItsAccounts() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"throttle-gulou-admin","displayName":"鼓楼区管理员","role":"ADMINISTRATOR","territoryCode":"350102","password":"%s"}"""
					.formatted(RIGHT)))
			.andExpect(status().isCreated());
		account("throttle-ziyang", "350111003001");
		account("throttle-junmen", "350102004001");
		throttle("throttle-ziyang", "10.0.0.41");
		throttle("throttle-junmen", "10.0.0.41");
		throttle("ghost-official", "10.0.0.41");
		var gulouAdmin = httpBasic("throttle-gulou-admin", RIGHT);
		mvc.perform(get("/api/v1/accounts/throttles?size=200").with(gulouAdmin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].accountName", hasItem("throttle-junmen")))
			.andExpect(jsonPath("$.items[*].accountName", not(hasItem("throttle-ziyang"))))
			.andExpect(jsonPath("$.items[*].accountName", not(hasItem("ghost-official"))));
		mvc.perform(delete("/api/v1/accounts/throttles/" + throttleId("throttle-ziyang", "10.0.0.41")).with(gulouAdmin))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/accounts/throttles/" + throttleId("ghost-official", "10.0.0.41")).with(gulouAdmin))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/accounts/throttles/" + throttleId("throttle-junmen", "10.0.0.41")).with(gulouAdmin))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/accounts/throttles/" + throttleId("ghost-official", "10.0.0.41"))
				.with(DemoAccounts.as("admin")))
			.andExpect(status().isNoContent());
	}

	@Test
	void throttlingIsAuditedAndNoPasswordReachesTheLog() throws Exception {
		account("throttle-audit", "350102004001");
		throttle("throttle-audit", "10.0.0.51");
		awaitAudit("throttle-audit", "SIGN_IN_THROTTLED", Long.toString(throttleId("throttle-audit", "10.0.0.51")));
		assertThat(jdbc.sql("SELECT COALESCE(detail, '') FROM audit_event WHERE actor = 'throttle-audit'").query(String.class).list())
			.isNotEmpty()
			.noneMatch(d -> d.contains("Wrong-pass"));
	}

	void account(String username, String territoryCode) throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"%s","displayName":"限制测试","role":"VOLUNTEER","territoryCode":"%s","password":"%s"}"""
					.formatted(username, territoryCode, RIGHT)))
			.andExpect(status().isCreated());
	}

	/** Ten wrong passwords from the source: the pair is throttled. */
	void throttle(String username, String source) throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(signIn(username, "Wrong-pass-" + i, source)).andExpect(unauthenticated());
		}
		mvc.perform(signIn(username, RIGHT, source)).andExpect(redirectedUrl("/login?paused=15"));
	}

	long throttleId(String accountName, String source) throws Exception {
		String body = mvc.perform(get("/api/v1/accounts/throttles?size=200").with(DemoAccounts.as("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(body,
				"$.items[?(@.accountName == '" + accountName + "' && @.source == '" + source + "')].id");
		assertThat(ids).hasSize(1);
		return ids.get(0).longValue();
	}

	void awaitAudit(String actor, String action, String subjectId) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ? AND subject_type = 'SIGN_IN_THROTTLE' AND subject_id = ?")
			.params(actor, action, subjectId).query(Long.class).single() > 0);
	}

	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}
}
