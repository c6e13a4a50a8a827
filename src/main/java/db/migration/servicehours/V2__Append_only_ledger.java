package db.migration.servicehours;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the service ledger append-only in the database itself: any UPDATE or DELETE of a transfer, an entry, a
 * service record or a time-bank spending fails, whatever code (or person with the application's credentials) tries
 * it. A correction is a new, reversing transfer. PostgreSQL gets a PL/pgSQL trigger; H2 a Java trigger.
 */
public class V2__Append_only_ledger extends BaseJavaMigration {

	static final String[] TABLES = { "ledger_transfer", "ledger_entry", "service_record", "time_bank_spending" };

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		try (Statement s = context.getConnection().createStatement()) {
			if (product.toLowerCase().contains("postgres")) {
				s.execute("""
						CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
						BEGIN
							RAISE EXCEPTION 'the service ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
								USING ERRCODE = 'insufficient_privilege';
						END $$""");
				for (String table : TABLES) {
					s.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
							+ " FOR EACH ROW EXECUTE FUNCTION ledger_append_only()");
					s.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
							+ " FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()");
				}
			}
			else {
				for (String table : TABLES) {
					s.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
							+ " FOR EACH ROW CALL \"org.jinlin.servicehours.ledger.AppendOnlyTrigger\"");
				}
			}
		}
	}
}
