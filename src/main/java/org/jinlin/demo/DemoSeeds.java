package org.jinlin.demo;

import java.time.OffsetDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims the right to load a module's demo data exactly once, even with several instances
 * starting together: the first insert into {@code demo_seed} wins; the others block on the
 * primary key until it commits and then see a duplicate. Call inside the seeding transaction.
 * Demo data is loaded only outside the {@code prod} profile.
 */
final class DemoSeeds {

	/** Order of module demo loaders: territory first, then accounts, then people. */
	public static final int TERRITORY = 10;

	public static final int ACCOUNTS = 20;

	public static final int PEOPLE = 30;

	private DemoSeeds() {
	}

	public static boolean claim(JdbcClient jdbc, String module) {
		try {
			jdbc.sql("INSERT INTO demo_seed (module, seeded_at) VALUES (?, ?)").params(module, OffsetDateTime.now()).update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}
}
