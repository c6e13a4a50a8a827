package org.jinlin.demands.internal;

/** Deadlines count working time only: working hours, or whole working days. */
public enum DeadlineUnit {
	WORKING_HOURS, WORKING_DAYS
}
