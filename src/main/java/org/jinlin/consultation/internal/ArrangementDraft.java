package org.jinlin.consultation.internal;

import java.util.List;

/**
 * Staff fix a topic: its form, whether it follows 四议两公开, the venue (text, and the room booking's id once rooms
 * are booked through the spaces module) and the participants.
 */
public record ArrangementDraft(String form, Boolean fourTwo, String venue, Long roomBookingId,
		List<ParticipantDraft> participants) {

	public record ParticipantDraft(String kind, String name, String role) {
	}
}
