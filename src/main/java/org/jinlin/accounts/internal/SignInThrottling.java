package org.jinlin.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jinlin.accounts.SignInFailed;
import org.jinlin.accounts.SignInThrottled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling by {@link SignInThrottleRule}, with its state in the database so every instance applies the
 * same throttles. The authentication provider asks {@link #refusal} before checking a password; the sign-in
 * listener reports failures and successes. Names are logged masked, passwords never.
 */
@Service
public class SignInThrottling {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottling.class);

	static final String REFUSED = "SignInThrottledException";

	private final SignInThrottleRepository throttles;

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final SignInThrottleRule rule;

	/** Builds the rule from the {@code jinlin.security.throttle.*} settings. */
	SignInThrottling(SignInThrottleRepository throttles, AccountRepository accounts, ApplicationEventPublisher events,
			@Value("${jinlin.security.throttle.per-account:10}") int perAccount,
			@Value("${jinlin.security.throttle.per-source:50}") int perSource,
			@Value("${jinlin.security.throttle.window:PT15M}") Duration window,
			@Value("${jinlin.security.throttle.pause:PT15M}") Duration pause) {
		this.throttles = throttles;
		this.accounts = accounts;
		this.events = events;
		this.rule = new SignInThrottleRule(perAccount, perSource, window, pause, Clock.systemUTC());
	}

	/**
	 * The refusal when this name from this source is throttled, before any password is checked; a refused attempt
	 * is published as {@link SignInFailed} for the audit log and counts as no failure.
	 */
	@Transactional
	public Optional<SignInThrottleRule.Refusal> refusal(String typedName, String remoteAddress) {
		String name = SignInThrottleRule.accountName(typedName);
		String source = SignInThrottleRule.source(remoteAddress);
		Optional<SignInThrottleRule.Refusal> refusal = throttles.pausedUntil(name, source, rule.now())
			.flatMap(rule::refusal);
		refusal.ifPresent(r -> {
			log.info("Sign-in refused for {} from {}: throttled for {} s more", SignInThrottleRule.masked(name), source,
					r.retryAfterSeconds());
			events.publishEvent(new SignInFailed(name, territoryOf(name), source, REFUSED, rule.now()));
		});
		return refusal;
	}

	/** Counts a wrong password (or an unknown name) and throttles the source when a limit is reached. */
	@Transactional
	public void recordFailure(String typedName, String remoteAddress, String territoryPath) {
		String name = SignInThrottleRule.accountName(typedName);
		String source = SignInThrottleRule.source(remoteAddress);
		Instant now = rule.now();
		Instant since = rule.windowStart();
		throttles.deleteStale(since, now);
		throttles.insertFailure(name, source, now);
		long ofName = throttles.countFailures(name, source, since);
		if (rule.pausesAccount(ofName)) {
			throttles.start(SignInThrottleRepository.Scope.ACCOUNT, name, source, territoryPath, (int) ofName, now,
					rule.pausedUntil()).ifPresent(this::throttled);
		}
		long fromSource = throttles.countFailuresFrom(source, since);
		if (rule.pausesSource(fromSource)) {
			throttles.start(SignInThrottleRepository.Scope.SOURCE, "", source, null, (int) fromSource, now,
					rule.pausedUntil()).ifPresent(this::throttled);
		}
	}

	/** The owner got in from this source: the pair starts afresh. */
	@Transactional
	public void recordSuccess(String username, String remoteAddress) {
		throttles.deleteFailures(SignInThrottleRule.accountName(username), SignInThrottleRule.source(remoteAddress));
	}

	/** The territory path of the account with this name, {@code null} when there is none. */
	String territoryOf(String name) {
		return accounts.findPrincipal(name).map(p -> p.actor().territoryPath()).orElse(null);
	}

	SignInThrottleRule rule() {
		return rule;
	}

	private void throttled(SignInThrottleRepository.ThrottleRow row) {
		boolean wholeSource = row.scope() == SignInThrottleRepository.Scope.SOURCE;
		log.warn("Sign-in throttled until {}: {} from {} after {} failures", row.throttledUntil(),
				wholeSource ? "every name" : SignInThrottleRule.masked(row.accountName()), row.source(), row.failures());
		events.publishEvent(new SignInThrottled(row.id(), wholeSource ? null : row.accountName(), row.source(),
				row.territoryPath(), row.failures(), row.throttledUntil(), row.throttledAt()));
	}
}
