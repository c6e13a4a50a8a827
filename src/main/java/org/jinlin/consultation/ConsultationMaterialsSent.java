package org.jinlin.consultation;

import java.time.Instant;
import java.util.List;

/**
 * The materials of a consultation topic were sent ahead to its participants and the residents of its community.
 * {@code invited} are the participants' accounts (each gets an in-app invitation); {@code sittingStart}/{@code End}
 * the booked room's time and {@code venue} where it is held (room or venue text; null when not fixed yet).
 */
public record ConsultationMaterialsSent(long topicId, long communityId, String territoryPath, String title,
		int participants, List<String> invited, String venue, Instant sittingStart, Instant sittingEnd, Instant at) {

	public ConsultationMaterialsSent {
		invited = invited == null ? List.of() : List.copyOf(invited);
	}
}
