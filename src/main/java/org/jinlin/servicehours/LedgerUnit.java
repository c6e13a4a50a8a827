package org.jinlin.servicehours;

/** What a ledger account counts. */
public enum LedgerUnit {
	HOURS, POINTS
}
