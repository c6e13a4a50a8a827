package org.jinlin.accounts;

import java.time.Instant;

/**
 * A sign-in failed, or was refused because its source is throttled.
 *
 * @param territoryPath path of the account's territory node, {@code null} when no such account exists
 * @param reason the kind of failure (e.g. {@code BadCredentialsException}, {@code DisabledException},
 *        {@code SignInThrottledException})
 */
public record SignInFailed(String username, String territoryPath, String remoteAddress, String reason, Instant at) {
}
