package org.jinlin.audit;

import java.time.Instant;


import org.jinlin.accounts.AccountPermissionsChanged;
import org.jinlin.accounts.SignInFailed;
import org.jinlin.accounts.SignInThrottleCleared;
import org.jinlin.accounts.SignInThrottled;
import org.jinlin.accounts.SignedIn;
import org.jinlin.people.ResidentPersonalDataViewed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;


import static org.assertj.core.api.Assertions.assertThat;

/** The audit module alone: accounts' events become audit rows. */
@ApplicationModuleTest
class AuditModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void personalDataViewIsAuditedUnderTheResidentsTerritoryWithoutNumbersInClear(Scenario scenario) {
		scenario.publish(new ResidentPersonalDataViewed(4711, "/1/2/3/4/", "viewer-test", "核实身份 350102199001011234 13912345678", Instant.now()))
			.andWaitForStateChange(() -> rows("viewer-test", "PERSONAL_DATA_VIEWED"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		var row = jdbc.sql("SELECT subject_type, subject_id, territory_path, detail FROM audit_event WHERE actor = 'viewer-test'")
			.query().singleRow();
		assertThat(row.get("subject_type")).isEqualTo("RESIDENT");
		assertThat(row.get("subject_id")).isEqualTo("4711");
		assertThat(row.get("territory_path")).isEqualTo("/1/2/3/4/");
		assertThat((String) row.get("detail")).contains("核实身份").doesNotContain("350102199001011234")
			.doesNotContain("13912345678");
	}

	@Test
	void signedInBecomesAnAuditRow(Scenario scenario) {
		scenario.publish(new SignedIn("module-test-user", "/1/2/", "10.0.0.7", Instant.now()))
			.andWaitForStateChange(() -> rows("module-test-user", "SIGNED_IN"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		assertThat(jdbc.sql("SELECT territory_path FROM audit_event WHERE actor = 'module-test-user'").query(String.class).single())
			.isEqualTo("/1/2/");
	}

	@Test
	void failedSignInBecomesAnAuditRowWithItsReason(Scenario scenario) {
		scenario.publish(new SignInFailed("module-failed", "/1/", "10.0.0.8", "BadCredentialsException", Instant.now()))
			.andWaitForStateChange(() -> rows("module-failed", "SIGN_IN_FAILED"), n -> n > 0)
			.andVerify(n -> assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = 'module-failed'")
				.query(String.class).single()).isEqualTo("BadCredentialsException"));
	}

	@Test
	void throttlingASourceIsAuditedUnderTheNameAsTyped(Scenario scenario) {
		Instant until = Instant.now().plusSeconds(900);
		scenario.publish(new SignInThrottled(77, "module-throttled", "10.0.0.9", "/1/2/", 10, until, Instant.now()))
			.andWaitForStateChange(() -> rows("module-throttled", "SIGN_IN_THROTTLED"), n -> n > 0)
			.andVerify(n -> {
				var row = jdbc.sql("SELECT subject_id, remote_address, territory_path, detail FROM audit_event WHERE actor = 'module-throttled'")
					.query().singleRow();
				assertThat(row.get("subject_id")).isEqualTo("77");
				assertThat(row.get("remote_address")).isEqualTo("10.0.0.9");
				assertThat(row.get("territory_path")).isEqualTo("/1/2/");
				assertThat((String) row.get("detail")).contains("failures=10");
			});
		// A whole source is recorded under its address.
		scenario.publish(new SignInThrottled(78, null, "10.0.0.10", null, 50, until, Instant.now()))
			.andWaitForStateChange(() -> rows("10.0.0.10", "SIGN_IN_THROTTLED"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
	}

	@Test
	void clearingAThrottleNamesWhoClearedIt(Scenario scenario) {
		scenario.publish(new SignInThrottleCleared(79, "someone", "10.0.0.11", "/1/2/", "module-clearer", Instant.now()))
			.andWaitForStateChange(() -> rows("module-clearer", "SIGN_IN_THROTTLE_CLEARED"), n -> n > 0)
			.andVerify(n -> assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = 'module-clearer'")
				.query(String.class).single()).contains("10.0.0.11").contains("someone"));
	}

	@Test
	void permissionChangeNamesWhoChangedIt(Scenario scenario) {
		scenario.publish(new AccountPermissionsChanged("someone", "GRID_WORKER", "350102004001G01", "/1/2/3/4/5/",
				"COMMUNITY_WORKER@350102004001", "module-admin", Instant.now()))
			.andWaitForStateChange(() -> rows("module-admin", "PERMISSIONS_CHANGED"), n -> n > 0)
			.andVerify(n -> assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE actor = 'module-admin'")
				.query(String.class).single()).contains("GRID_WORKER").contains("COMMUNITY_WORKER@350102004001"));
	}

	long rows(String actor, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?").params(actor, action)
			.query(Long.class).single();
	}
}
