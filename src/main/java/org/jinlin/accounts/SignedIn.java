package org.jinlin.accounts;

import java.time.Instant;

/** An account signed in successfully. */
public record SignedIn(String username, String remoteAddress, Instant at) {
}
