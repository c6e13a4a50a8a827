package org.jinlin.accounts;

import java.time.Instant;

/**
 * Too many failed sign-ins came from one source: it is refused until {@code until}, for one account name or, when
 * {@code accountName} is {@code null}, for every name.
 *
 * @param throttleId the throttle, as administrators list and clear it
 * @param accountName the name as typed (which may belong to no account); {@code null} for a whole source
 * @param source the source address
 * @param territoryPath path of the account's territory node; {@code null} for unknown names and whole sources
 * @param failures failed sign-ins counted within the window
 */
public record SignInThrottled(long throttleId, String accountName, String source, String territoryPath, int failures,
		Instant until, Instant at) {
}
