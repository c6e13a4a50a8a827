package org.jinlin.accounts;

import java.time.Instant;

/**
 * Roles or jurisdiction of an account were set (on creation) or changed.
 *
 * @param roles the roles now held, comma-separated
 * @param territoryCode code of the territory node the account is now bound to
 * @param territoryPath path of that node, for scoping the audit log
 * @param previous roles and territory code before the change ({@code null} on creation)
 * @param changedBy user name of the administrator who made the change
 */
public record AccountPermissionsChanged(String username, String roles, String territoryCode, String territoryPath,
		String previous, String changedBy, Instant at) {
}
