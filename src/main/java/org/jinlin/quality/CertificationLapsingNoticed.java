package org.jinlin.quality;

import java.time.LocalDate;

/**
 * A community's certificate lapses within 90 days (noticed once, by the daily reminder): staff should start a new assessment. No personal data: ids, codes, the level and dates.
 */
public record CertificationLapsingNoticed(long assessmentId, String communityCode, String level, String certificateNumber,
		LocalDate validUntil) {
}
