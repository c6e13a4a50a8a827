package org.jinlin.audit;

import java.time.Instant;


import org.jinlin.accounts.AccountPermissionsChanged;
import org.jinlin.accounts.SignInFailed;
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
	void lockingFailureWritesTwoRows(Scenario scenario) {
		scenario.publish(new SignInFailed("module-locked", "/1/", "10.0.0.8", "BadCredentialsException", true, Instant.now()))
			.andWaitForStateChange(() -> rows("module-locked", "ACCOUNT_LOCKED"), n -> n > 0)
			.andVerify(n -> assertThat(rows("module-locked", "SIGN_IN_FAILED")).isEqualTo(1));
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
