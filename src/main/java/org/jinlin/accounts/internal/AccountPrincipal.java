package org.jinlin.accounts.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security sees it; serialisable for the JDBC session store. */
final class AccountPrincipal implements UserDetails, ActorPrincipal, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Actor actor;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	AccountPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled) {
		this.actor = actor;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	public String getDisplayName() {
		return displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> list = actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
		return list;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.name();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/**
	 * Called by the authentication manager once authenticated: the hash must never reach the
	 * session store (the principal is serialised into {@code spring_session_attributes}).
	 */
	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
