package org.jinlin.alarms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.jinlin.eldercare.ElderLocation;

/**
 * Bulk loading of the alarm desk's data as it already is: responders with their weekly shifts, and past, resolved
 * alarms with their timeline (for the monthly report's figures). Writes rows only: no checks of the caller, no
 * dispatch, no timers, no events; {@code by} names who loaded them.
 */
public interface AlarmImport {

	/** A responder serving the node with {@code territoryCode}. */
	record Responder(String username, String name, DutyRole role, String territoryCode, DutyStatus status) {
	}

	/** One weekly shift of a responder. */
	record Shift(String username, DayOfWeek day, LocalTime start, LocalTime end) {
	}

	/** A past alarm, taken by {@code responder} and resolved with {@code outcome}. */
	record PastAlarm(ElderLocation elder, AlarmKind kind, AlarmChannel channel, int escalationLevel, String responder,
			String responderName, Instant raised, Instant acknowledged, Instant enRoute, Instant arrived,
			Instant resolved, AlarmOutcome outcome) {
	}

	/** Adds the responders whose node exists (the others are skipped), as of {@code now}; answers how many. */
	int responders(List<Responder> responders, OffsetDateTime now, String by);

	void shifts(List<Shift> shifts);

	/** Adds the alarms, each with its steps raised, acknowledged, arrived and resolved. */
	void pastAlarms(List<PastAlarm> alarms, String by);
}
