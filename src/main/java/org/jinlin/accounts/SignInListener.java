package org.jinlin.accounts;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out after repeated failures, and the sign-in events for the audit log. A successful
 * sign-in resets the failure count.
 */
@Component
class SignInListener {

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final int threshold;

	private final Duration lockDuration;

	SignInListener(AccountRepository accounts, ApplicationEventPublisher events,
			@Value("${jinlin.security.lockout.attempts:5}") int threshold,
			@Value("${jinlin.security.lockout.duration:PT15M}") Duration lockDuration) {
		this.accounts = accounts;
		this.events = events;
		this.threshold = threshold;
		this.lockDuration = lockDuration;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal)) {
			return;
		}
		accounts.recordSuccess(principal.getUsername());
		events.publishEvent(new SignedIn(principal.getUsername(), remote(event.getAuthentication().getDetails()), Instant.now()));
	}

	@EventListener
	@Transactional
	public void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		boolean locked = false;
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			locked = accounts.recordFailure(username, threshold, Instant.now().plus(lockDuration));
		}
		events.publishEvent(new SignInFailed(username, remote(event.getAuthentication().getDetails()),
				event.getException().getClass().getSimpleName(), locked, Instant.now()));
	}

	private static String remote(Object details) {
		return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}
}
