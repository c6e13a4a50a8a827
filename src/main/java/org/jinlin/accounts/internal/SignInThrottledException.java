package org.jinlin.accounts.internal;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked, because its source is throttled. */
public class SignInThrottledException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long retryAfterSeconds;

	private final long minutes;

	SignInThrottledException(SignInThrottleRule.Refusal refusal) {
		super("Sign-in from this source is paused");
		this.retryAfterSeconds = refusal.retryAfterSeconds();
		this.minutes = refusal.minutes();
	}

	/** For the HTTP {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** For people: minutes to wait, rounded up. */
	public long minutes() {
		return minutes;
	}
}
