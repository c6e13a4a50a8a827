package org.jinlin.quality;

import java.time.LocalDate;

/**
 * A community's certificate passed its last day (noticed once, by the daily reminder). No personal data: ids, codes, the level and dates.
 */
public record CertificationExpired(long assessmentId, String communityCode, String level, String certificateNumber,
		LocalDate validUntil) {
}
