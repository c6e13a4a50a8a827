package org.jinlin.alarms.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;

/** A responder, their duty role and status, and whether they are on duty right now. */
public record ResponderView(String username, String name, DutyRole role, long territoryId, String territoryName,
		DutyStatus dutyStatus, boolean onDutyNow, boolean active, List<ShiftView> shifts) {

	/** One weekly rota shift. */
	public record ShiftView(DayOfWeek day, LocalTime start, LocalTime end) {
	}
}
