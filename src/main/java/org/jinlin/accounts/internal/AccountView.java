package org.jinlin.accounts.internal;

import java.util.Set;

import org.jinlin.shared.Role;

/** An account as administrators see it (never the password hash). */
public record AccountView(long id, String username, String displayName, Set<Role> roles, String territoryCode,
		String territoryName, boolean enabled) {

	/** The account's single role, as the administration UI edits it. */
	public Role role() {
		return roles.stream().findFirst().orElse(null);
	}
}
