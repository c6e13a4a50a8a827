package org.jinlin.servicehours.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of the append-only guard (see the servicehours V2 migration): refuses every UPDATE and DELETE. */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("the service ledger is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on "
				+ table + " refused", "42501");
	}
}
