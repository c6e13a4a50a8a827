package org.jinlin.servicehours.internal;

/** What a ledger account counts. */
public enum LedgerUnit {
	HOURS, POINTS
}
