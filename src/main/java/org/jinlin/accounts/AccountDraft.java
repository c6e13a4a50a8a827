package org.jinlin.accounts;

import org.jinlin.shared.Role;

/** An account to create with {@link AccountBulkLoad}, bound to the territory node with this code. */
public record AccountDraft(String username, String displayName, String territoryCode, Role role) {
}
