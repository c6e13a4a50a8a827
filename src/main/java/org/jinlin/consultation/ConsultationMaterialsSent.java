package org.jinlin.consultation;

import java.time.Instant;

/**
 * The materials of a consultation topic were sent ahead to its participants and the residents of its community
 * (an in-app notice on the topic; a notification service may listen). Ids, the territory path and the title only.
 */
public record ConsultationMaterialsSent(long topicId, long communityId, String territoryPath, String title,
		int participants, Instant at) {
}
