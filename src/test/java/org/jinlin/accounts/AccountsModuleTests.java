package org.jinlin.accounts;

import java.util.List;

import org.jinlin.people.ResidentLinkedToAccount;
import org.jinlin.shared.Role;
import org.jinlin.territory.TerritoryBulkLoad;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNodeDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts module with its direct dependencies (no demo city): it links an account to its resident record
 * when the people module says so, and turns a failed sign-in into {@link SignInFailed} for the audit log.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AccountsModuleTests {

	static final String CITY = "ACCOUNTS-MODULE-CITY";

	@Autowired
	TerritoryBulkLoad territory;

	@Autowired
	AccountBulkLoad accounts;

	@Autowired
	AccountManagement management;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void oneCityWithTwoAccounts() {
		if (management.lookup("module-resident").isPresent()) {
			return;
		}
		territory.load(List.of(new TerritoryNodeDraft(TerritoryLevel.CITY, null, false, CITY, "模块测试市", null, null,
				null, null)));
		accounts.createAccounts("module-password-1", List.of(
				new AccountDraft("module-resident", "模块测试 居民", CITY, Role.RESIDENT),
				new AccountDraft("module-worker", "模块测试 网格员", CITY, Role.GRID_WORKER)));
	}

	@Test
	void aResidentLinkedToAnAccountIsRecordedOnTheAccount(Scenario scenario) {
		scenario.publish(new ResidentLinkedToAccount(4711, "module-resident"))
			.andWaitForStateChange(() -> residentOf("module-resident"), id -> id != null)
			.andVerify(id -> assertThat(id).isEqualTo(4711L));
		// An account already linked keeps its link.
		scenario.publish(new ResidentLinkedToAccount(4712, "module-resident"))
			.andWaitForStateChange(this::pendingPublications, n -> n == 0)
			.andVerify(n -> assertThat(residentOf("module-resident")).isEqualTo(4711L));
	}

	@Test
	void aFailedSignInIsPublishedForTheAuditLogUnderTheAccountsTerritory(Scenario scenario) {
		String cityPath = management.lookup("module-worker").orElseThrow().territoryPath();
		scenario.stimulate(() -> events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("module-worker", "wrong"),
				new BadCredentialsException("bad"))))
			.andWaitForEventOfType(SignInFailed.class)
			.matching(e -> e.username().equals("module-worker"))
			.toArriveAndVerify(e -> {
				assertThat(e.territoryPath()).isEqualTo(cityPath);
				assertThat(e.reason()).isEqualTo("BadCredentialsException");
				// Counted for throttling under the name and the source (none in this test), not against the account.
				assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE account_name = 'module-worker' AND source = 'unknown'")
					.query(Long.class).single()).isPositive();
				assertThat(management.lookup("module-worker")).isPresent();
			});
	}

	@Test
	void tenWrongPasswordsForOneNameFromOneSourceThrottleThatSource(Scenario scenario) {
		String cityPath = management.lookup("module-resident").orElseThrow().territoryPath();
		scenario.stimulate(() -> {
			for (int i = 0; i < 10; i++) {
				events.publishEvent(wrongPassword("module-resident", "10.9.9.9"));
			}
		})
			.andWaitForEventOfType(SignInThrottled.class)
			.matching(e -> "module-resident".equals(e.accountName()))
			.toArriveAndVerify(e -> {
				assertThat(e.source()).isEqualTo("10.9.9.9");
				assertThat(e.failures()).isEqualTo(10);
				assertThat(e.territoryPath()).isEqualTo(cityPath);
				assertThat(e.until()).isAfter(e.at().plusSeconds(14 * 60));
			});
		// Nine failures from another source start nothing.
		for (int i = 0; i < 9; i++) {
			events.publishEvent(wrongPassword("module-worker", "10.9.9.10"));
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE source = '10.9.9.10'").query(Long.class).single())
			.isZero();
	}

	static AuthenticationFailureBadCredentialsEvent wrongPassword(String name, String source) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong");
		token.setDetails(new WebAuthenticationDetails(source, null));
		return new AuthenticationFailureBadCredentialsEvent(token, new BadCredentialsException("bad"));
	}

	/** Event publications whose listeners have not completed yet. */
	long pendingPublications() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single();
	}

	Long residentOf(String username) {
		return jdbc.sql("SELECT resident_id FROM account WHERE username = ?").param(username).query(Long.class).single();
	}
}
