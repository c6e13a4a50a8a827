package org.jinlin.quality;

import java.time.LocalDate;

/**
 * A community was certified: the reviewer approved its assessment with a level, valid until the given day (the certificate number is public). No personal data: ids, codes, the level and dates.
 */
public record CertificationAwarded(long assessmentId, String communityCode, String level, String certificateNumber,
		LocalDate validUntil) {
}
