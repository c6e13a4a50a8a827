package org.jinlin.accounts.internal;

import org.jinlin.shared.Role;

/** Form and request body for changing an account's role and territory node. */
public record PermissionsChange(Role role, String territoryCode) {
}
