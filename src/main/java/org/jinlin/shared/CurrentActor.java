package org.jinlin.shared;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the {@link Actor} of the current request. */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Optional<Actor> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ActorPrincipal p) {
			return Optional.of(p.actor());
		}
		return Optional.empty();
	}

	/** The current actor; unauthenticated callers get a 401. */
	public static Actor require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No signed-in account"));
	}
}
