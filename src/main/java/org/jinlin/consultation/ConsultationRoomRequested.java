package org.jinlin.consultation;

import java.time.OffsetDateTime;

import org.jinlin.spaces.RoomRequest;

/**
 * Staff asked for a consultation room (a zone of kind CONSULTATION_ROOM of the topic's community) for a topic's
 * sitting. The spaces module books it as {@code requestedBy} and answers with its {@code BookingMade} or
 * {@code BookingRefused} carrying {@code reference} ({@code consultation:{topicId}}).
 */
public record ConsultationRoomRequested(long topicId, long zoneId, OffsetDateTime start, OffsetDateTime end,
		String requestedBy, String purpose, String reference) implements RoomRequest {

	public static String referenceOf(long topicId) {
		return "consultation:" + topicId;
	}

	/** The topic a reference names, or null for another module's reference. */
	public static Long topicOf(String reference) {
		if (reference == null || !reference.startsWith("consultation:")) {
			return null;
		}
		try {
			return Long.parseLong(reference.substring("consultation:".length()));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
