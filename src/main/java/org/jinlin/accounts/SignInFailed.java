package org.jinlin.accounts;

import java.time.Instant;

/** A sign-in failed; {@code lockedOut} tells whether this failure locked the account. */
public record SignInFailed(String username, String remoteAddress, String reason, boolean lockedOut, Instant at) {
}
