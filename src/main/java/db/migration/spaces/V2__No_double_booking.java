package db.migration.spaces;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * No double booking, enforced by the database itself on PostgreSQL: two active bookings of one zone never overlap on
 * [start_at, blocked_until), whatever code writes them, on however many instances. An exclusion constraint over a
 * GiST index needs btree_gist for the zone's equality; the extension goes into {@code public} and its operator class
 * is named there, so the constraint works in whatever schema the tables live in (each PostgreSQL test context has
 * its own). H2 has no exclusion constraints: there every booking of a zone is decided under the zone row's lock
 * ({@code SpaceRepository.lockZone}), as on PostgreSQL too, where the constraint is the last word.
 */
public class V2__No_double_booking extends BaseJavaMigration {

	/** The constraint's name, which a refused insert carries. */
	public static final String CONSTRAINT = "space_booking_no_overlap";

	@Override
	public void migrate(Context context) throws Exception {
		if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
			return;
		}
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			// Two schemas migrated at once may both find the extension missing; the loser finds it made.
			Savepoint before = c.setSavepoint();
			try {
				s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public");
			}
			catch (SQLException raced) {
				c.rollback(before);
				try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'")) {
					if (!r.next()) {
						throw raced;
					}
				}
			}
			s.execute("ALTER TABLE space_booking ADD CONSTRAINT " + CONSTRAINT + " EXCLUDE USING gist ("
					+ "zone_id public.gist_int8_ops WITH =, tstzrange(start_at, blocked_until) WITH &&) "
					+ "WHERE (status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN'))");
		}
	}
}
