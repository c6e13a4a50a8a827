package org.jinlin.accounts;

import java.time.Instant;

/**
 * A sign-in failed; {@code lockedOut} tells whether this failure locked the account.
 *
 * @param territoryPath path of the account's territory node, {@code null} when no such account exists
 * @param reason the kind of failure (e.g. {@code BadCredentialsException}, {@code LockedException})
 */
public record SignInFailed(String username, String territoryPath, String remoteAddress, String reason,
		boolean lockedOut, Instant at) {
}
