package db.migration.servicehours;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On the embedded H2 database, a transaction waits up to 10 s for a row another one has locked (H2's default is
 * 1 s, PostgreSQL waits as long as needed). Ledger bookings lock their accounts until commit, and a batch of a year's
 * history may hold them for a few seconds; a booking that still times out is retried with its event publication.
 * The setting is stored in the database, so it holds whatever URL opens it.
 */
public class V3__H2_lock_timeout extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		if (context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
			try (Statement s = context.getConnection().createStatement()) {
				s.execute("SET DEFAULT_LOCK_TIMEOUT 10000");
			}
		}
	}
}
