package org.jinlin.demands;

import java.time.Instant;

/**
 * Community staff made a demand a public matter (公共事务) of its community: handling waits for deliberation. The
 * summary is the demand's description as the public board shows it (personal parts hidden); ids and the territory
 * path, never personal data.
 */
public record DemandMadePublicMatter(long demandId, Long communityId, String territoryPath, String categoryName,
		String summary, Instant at) {
}
