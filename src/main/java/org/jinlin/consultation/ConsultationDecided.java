package org.jinlin.consultation;

import java.time.Instant;

/**
 * A consultation topic's decision was published on its community's board (决议公开). {@code demandId} is the demand
 * made a public matter the topic deliberated, or null. Ids, the territory path and the decision text only.
 */
public record ConsultationDecided(long topicId, Long demandId, long communityId, String territoryPath, String decision,
		Instant at) {
}
