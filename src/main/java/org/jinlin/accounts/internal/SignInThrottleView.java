package org.jinlin.accounts.internal;

import java.time.Instant;

/**
 * A running sign-in throttle as administrators see it.
 *
 * @param wholeSource whether every name from the source is refused (then {@code accountName} is {@code null})
 * @param accountName the name as typed, which may belong to no account
 * @param failures failed sign-ins counted when it started
 * @param minutesLeft minutes until it ends, rounded up
 */
public record SignInThrottleView(long id, boolean wholeSource, String accountName, String source, int failures,
		Instant since, Instant until, long minutesLeft) {
}
