package org.jinlin.accounts;

import java.time.Instant;

/**
 * An account signed in interactively (form login).
 *
 * @param territoryPath path of the account's territory node, for scoping the audit log
 */
public record SignedIn(String username, String territoryPath, String remoteAddress, Instant at) {
}
