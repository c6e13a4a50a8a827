package org.jinlin.accounts.internal;

import org.jinlin.shared.Role;

/** Form and request body for creating an account. */
public record NewAccount(String username, String displayName, Role role, String territoryCode, String password) {
}
