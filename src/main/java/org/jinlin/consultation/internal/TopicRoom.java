package org.jinlin.consultation.internal;

import java.time.Instant;

/**
 * The room of a topic's sitting as asked of the spaces module: zone, name and time; REQUESTED until spaces answers,
 * BOOKED (with the booking's id), REFUSED (with the spaces bundle's message code) or CANCELLED (the booking was
 * cancelled or released there).
 */
public record TopicRoom(long zoneId, String name, Instant start, Instant end, Status status, String refusal,
		Long bookingId) {

	public enum Status {
		REQUESTED, BOOKED, REFUSED, CANCELLED
	}

	public boolean booked() {
		return status == Status.BOOKED;
	}

	public boolean pending() {
		return status == Status.REQUESTED;
	}
}
