package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.SignInFailed;
import org.jinlin.accounts.SignedIn;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out after repeated failures, and the sign-in events for the audit log. A successful
 * authentication resets the failure count. Events are published inside the transaction, so
 * Spring Modulith's event publication registry stores them together with the lock-out state.
 * <p>
 * Failures are counted for every channel (form login and HTTP Basic), so the API cannot be used
 * to guess passwords either. {@link SignedIn} is published for interactive (form) sign-ins only:
 * the stateless API authenticates every request, and auditing each of them would drown the log.
 */
@Component
@RequiredArgsConstructor
class SignInListener {

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.security.lockout.attempts:5}")
	private final int threshold;

	@Value("${jinlin.security.lockout.duration:PT15M}")
	private final Duration lockDuration;

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			accounts.recordSuccess(principal.getUsername());
		}
	}

	@EventListener
	@Transactional
	public void on(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal)) {
			return;
		}
		events.publishEvent(new SignedIn(principal.getUsername(), principal.actor().territoryPath(),
				remote(event.getAuthentication().getDetails()), Instant.now()));
	}

	@EventListener
	@Transactional
	public void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		boolean locked = false;
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			locked = accounts.recordFailure(username, threshold, Instant.now().plus(lockDuration));
		}
		String path = accounts.findPrincipal(username).map(p -> p.actor().territoryPath()).orElse(null);
		events.publishEvent(new SignInFailed(truncate(username), path, remote(event.getAuthentication().getDetails()),
				event.getException().getClass().getSimpleName(), locked, Instant.now()));
	}

	/** A mistyped password may land in the user name field; keep what reaches the log short. */
	private static String truncate(String username) {
		return username.length() > 64 ? username.substring(0, 64) : username;
	}

	private static String remote(Object details) {
		return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}
}
