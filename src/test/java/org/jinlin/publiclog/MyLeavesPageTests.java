package org.jinlin.publiclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jinlin.publiclog.internal.LogIntegration;
import org.jinlin.publiclog.internal.LogSettings;
import org.jinlin.servicehours.HoursCredited;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.support.DemoAccounts;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person finds her own leaves from her own pages: {@code /log/mine} shows the signed-in volunteer her pseudonym and
 * her leaves, each with "verify", and nobody else's; signed out it sends to sign-in; a staff account without a
 * resident is told why it has none. Her hours and volunteering pages and her menu link to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyLeavesPageTests {

	static final Pattern ROW = Pattern.compile("<tr>\\s*<td>(\\d+)</td>.*?</tr>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Territories territories;

	@Autowired
	LogIntegration integration;

	@Autowired
	LogSettings settings;

	@Autowired
	UserDetailsService users;

	/** Hours credited to a person, on the log once integrated. */
	long credit(String personKey, String hours) {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		long record = 8_000_000L + System.nanoTime() % 1_000_000L;
		tx.executeWithoutResult(s -> events.publishEvent(new HoursCredited(record, personKey, junmen.id(), junmen.path(),
				new BigDecimal(hours), ServiceSource.MICRO_WISH, Instant.now())));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			integration.integrateAll();
			return jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE source_key = ?").param("hours.credited:" + record)
				.query(Long.class).single() == 1;
		});
		return record;
	}

	String page(String path, String username) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void aVolunteerSeesHerOwnLeavesWithVerifyAndNobodyElses() throws Exception {
		long hers = credit(DemoAccounts.VOLUNTEER, "1.75");
		long someoneElses = credit(DemoAccounts.MEMBER, "3.25");
		String pseudonym = settings.pseudonym(DemoAccounts.VOLUNTEER);

		String html = page("/log/mine", DemoAccounts.VOLUNTEER);
		assertThat(html).contains("id=\"my-pseudonym\">" + pseudonym + "<", "id=\"my-log-private\"",
				"/api/v1/log/leaves?holder=" + pseudonym);
		assertThat(html).contains("&quot;record&quot;:" + hers + ",")
			.doesNotContain("&quot;record&quot;:" + someoneElses + ",", settings.pseudonym(DemoAccounts.MEMBER), "my-log-none");
		// every row is one of her leaves, with its own "verify" (the browser checks it against the signed checkpoint)
		Matcher rows = ROW.matcher(html.substring(html.indexOf("id=\"my-leaves\"")));
		int n = 0;
		long newest = -1;
		while (rows.find()) {
			n++;
			newest = Math.max(newest, Long.parseLong(rows.group(1)) - 1);
			assertThat(rows.group()).contains("&quot;holder&quot;:&quot;" + pseudonym + "&quot;", "data-log-verify",
					"data-leaf-hash=");
		}
		// all of hers up to the newest shown (the demo city may still be adding more behind it), twenty to a page
		long upToNewest = jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE holder = ? AND idx <= ?").params(pseudonym, newest)
			.query(Long.class).single();
		assertThat(n).isEqualTo((int) Math.min(20, upToNewest)).isPositive();

		// and the member sees hers, not the volunteer's
		String member = page("/log/mine", DemoAccounts.MEMBER);
		assertThat(member).contains("&quot;record&quot;:" + someoneElses + ",").doesNotContain(pseudonym,
				"&quot;record&quot;:" + hers + ",");
	}

	@Test
	void signedOutTheOwnPageSendsToSignIn() throws Exception {
		mvc.perform(get("/log/mine")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void staffWithoutAResidentAreToldWhyTheyHaveNoLeaves() throws Exception {
		String html = page("/log/mine", DemoAccounts.COMMUNITY);
		assertThat(html).contains("id=\"my-log-none\"").doesNotContain("my-pseudonym", "my-leaves",
				settings.pseudonym(DemoAccounts.COMMUNITY));
		assertThat(page("/", DemoAccounts.COMMUNITY)).doesNotContain("href=\"/log/mine\"");
	}

	@Test
	void herMenuAndHerOwnPagesLinkToHerLeaves() throws Exception {
		assertThat(page("/", DemoAccounts.VOLUNTEER)).contains("href=\"/log/mine\"");
		assertThat(page("/", DemoAccounts.RESIDENT)).contains("href=\"/log/mine\"");
		assertThat(page("/volunteers/me", DemoAccounts.VOLUNTEER)).contains("href=\"/log/mine\"");
		assertThat(page("/service/hours", DemoAccounts.VOLUNTEER)).contains("href=\"/log/mine\"");
	}
}
