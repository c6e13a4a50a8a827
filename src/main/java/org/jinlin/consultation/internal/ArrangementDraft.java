package org.jinlin.consultation.internal;

import java.util.List;

/**
 * Staff fix a topic: its form, whether it follows 四议两公开, the venue (text; the room itself is booked through the
 * spaces module, {@link RoomBooking}) and the participants, each optionally with her Jinlin account (invited in-app).
 */
public record ArrangementDraft(String form, Boolean fourTwo, String venue, List<ParticipantDraft> participants) {

	public record ParticipantDraft(String kind, String name, String role, String account) {
	}
}
