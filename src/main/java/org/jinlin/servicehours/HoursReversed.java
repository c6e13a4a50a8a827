package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A transfer of hours was corrected by its exact reversal (the original stays in the ledger). Carries keys and the
 * amount, never names or the reason's text.
 *
 * @param reversalId the reversing transfer
 * @param reversedId the transfer it reverses
 * @param serviceRecordId the service record the reversed transfer credited, if any
 * @param personKey the person whose hours changed, if a person's hours changed
 * @param hours the person's hours taken back (positive), zero if none
 * @param territoryPath where the transfer was booked
 * @param at when it was reversed
 */
public record HoursReversed(long reversalId, long reversedId, Long serviceRecordId, String personKey, BigDecimal hours,
		String territoryPath, Instant at) {
}
