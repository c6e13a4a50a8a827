package org.jinlin.accounts;

import java.time.Instant;

/** Roles or jurisdiction of an account were set (on creation) or changed. */
public record AccountPermissionsChanged(String username, String roles, String territoryCode, String changedBy,
		Instant at) {
}
