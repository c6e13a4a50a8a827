package org.jinlin.shared;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Access to the {@link Actor} of the current request. In the browser UI an official may have
 * narrowed the view with the jurisdiction picker ({@link JurisdictionFocus}); {@link #find()} and
 * {@link #require()} then return the actor with that narrower jurisdiction, so every service
 * respects the picker. The JSON API is stateless and always acts with the account's own
 * jurisdiction.
 */
public final class CurrentActor {

	private CurrentActor() {
	}

	/** The current actor, narrowed to the jurisdiction picker's focus if one applies. */
	public static Optional<Actor> find() {
		return findUnfocused().map(CurrentActor::focused);
	}

	/** The current actor; unauthenticated callers get a 401. */
	public static Actor require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No signed-in account"));
	}

	/** The actor with the account's own (widest) jurisdiction, ignoring the picker: for the picker itself. */
	public static Optional<Actor> findUnfocused() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ActorPrincipal p) {
			return Optional.of(p.actor());
		}
		return Optional.empty();
	}

	/** The focus applying to the current browser request, if any. */
	public static Optional<JurisdictionFocus> focus() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object focus = request == null ? null
				: request.getAttribute(JurisdictionFocus.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		return focus instanceof JurisdictionFocus f ? Optional.of(f) : Optional.empty();
	}

	private static Actor focused(Actor actor) {
		return focus().map(f -> f.applyTo(actor)).orElse(actor);
	}
}
