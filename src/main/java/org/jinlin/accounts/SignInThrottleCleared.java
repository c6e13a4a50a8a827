package org.jinlin.accounts;

import java.time.Instant;

/**
 * An administrator lifted a sign-in throttle before its end.
 *
 * @param accountName the name as typed; {@code null} for a whole source
 * @param territoryPath path of the account's territory node; {@code null} for unknown names and whole sources
 * @param clearedBy user name of the administrator
 */
public record SignInThrottleCleared(long throttleId, String accountName, String source, String territoryPath,
		String clearedBy, Instant at) {
}
