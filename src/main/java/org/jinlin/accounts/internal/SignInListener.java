package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.SignInFailed;
import org.jinlin.accounts.SignedIn;

import java.time.Instant;

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
 * Feeds the sign-in throttling and publishes the sign-in events for the audit log. A wrong password (or an unknown
 * name) counts for its name and source; a successful authentication lets the pair start afresh. Events are published
 * inside the transaction, so Spring Modulith's event publication registry stores them together with the counts.
 * <p>
 * Failures are counted for every channel (form login and HTTP Basic), so the API cannot be used to guess passwords
 * either. {@link SignedIn} is published for interactive (form) sign-ins only: the stateless API authenticates every
 * request, and auditing each of them would drown the log. Refused attempts are published by {@link SignInThrottling}.
 */
@Component
@RequiredArgsConstructor
class SignInListener {

	private final SignInThrottling throttling;

	private final ApplicationEventPublisher events;

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			throttling.recordSuccess(principal.getUsername(), remote(event.getAuthentication().getDetails()));
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
		String username = SignInThrottleRule.accountName(String.valueOf(event.getAuthentication().getName()));
		String remote = remote(event.getAuthentication().getDetails());
		String path = throttling.territoryOf(username);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			throttling.recordFailure(username, remote, path);
		}
		events.publishEvent(new SignInFailed(username, path, remote, event.getException().getClass().getSimpleName(),
				Instant.now()));
	}

	private static String remote(Object details) {
		return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}
}
