package org.jinlin.demo;

import org.jinlin.party.PartyImport;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo party organisations for a test that bootstraps only the party module and its dependencies (the demo
 * module itself depends on every business module, so it is not part of such a test's context): loads them once per
 * database, as the demo city does.
 */
public final class DemoPartyLoad {

	private DemoPartyLoad() {
	}

	public static void load(JdbcClient jdbc, PartyImport party, Territories territories, PersonalDataCipher cipher) {
		new DemoParty(jdbc, party, territories, cipher).run(null);
	}
}
