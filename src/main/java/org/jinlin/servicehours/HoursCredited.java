package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hours were credited to a person for a confirmed service record (once per record). Carries the person's key, never
 * her name: the public log records the fact under a keyed pseudonym.
 *
 * @param recordId the service record
 * @param personKey whose hours they are (an account user name or {@code volunteer:<id>})
 * @param communityId the community served
 * @param territoryPath the path of the place served
 * @param hours the hours credited
 * @param source where the service was reported from
 * @param deliveredAt when the service was delivered
 */
public record HoursCredited(long recordId, String personKey, long communityId, String territoryPath, BigDecimal hours,
		ServiceSource source, Instant deliveredAt) {
}
