package org.jinlin.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in throttling rule, Spring-free. Failed sign-ins are counted per (account name as typed, source address)
 * and per source address over all names, within a sliding window. When a count reaches its limit, that source is
 * refused, for that name or for every name, until the pause is over, even with the right password; the same name
 * from another source is not affected, so nobody can lock an owner out of her own account. Unknown names count
 * like known ones, and a refusal says nothing about whether the account exists.
 *
 * @param perAccount failures of one name from one source that pause this source for this name
 * @param perSource failures from one source, over all names, that pause this source for every name
 * @param window how far back failures count
 * @param pause how long a paused source is refused
 */
public record SignInThrottleRule(int perAccount, int perSource, Duration window, Duration pause, Clock clock) {

	/** The longest account name and source address kept (longer input is cut). */
	static final int MAX_LENGTH = 64;

	/** The source when the request carries no address. */
	static final String UNKNOWN_SOURCE = "unknown";

	public SignInThrottleRule {
		Objects.requireNonNull(clock, "clock");
		if (perAccount < 1 || perSource < 1) {
			throw new IllegalArgumentException("Throttle limits must be at least 1: " + perAccount + ", " + perSource);
		}
		if (window == null || window.isNegative() || window.isZero() || pause == null || pause.isNegative()
				|| pause.isZero()) {
			throw new IllegalArgumentException("Throttle window and pause must be positive: " + window + ", " + pause);
		}
	}

	public Instant now() {
		return clock.instant();
	}

	/** Failures at or after this instant count. */
	public Instant windowStart() {
		return now().minus(window);
	}

	/** Whether this many failures of one name from one source within the window pause the pair. */
	public boolean pausesAccount(long failuresOfNameFromSource) {
		return failuresOfNameFromSource >= perAccount;
	}

	/** Whether this many failures from one source within the window pause the source for every name. */
	public boolean pausesSource(long failuresFromSource) {
		return failuresFromSource >= perSource;
	}

	/** When a pause starting now ends. */
	public Instant pausedUntil() {
		return now().plus(pause);
	}

	/** The refusal for a pause lasting until {@code until}, or empty once it is over (or there is none). */
	public Optional<Refusal> refusal(Instant until) {
		Instant now = now();
		if (until == null || !until.isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(Refusal.lasting(Duration.between(now, until)));
	}

	/** The account name as typed, cut to what is stored; never {@code null}. */
	public static String accountName(String typed) {
		String name = typed == null ? "" : typed;
		return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
	}

	/** The source address as the server saw it, cut to what is stored; {@code unknown} when there is none. */
	public static String source(String remoteAddress) {
		if (remoteAddress == null || remoteAddress.isBlank()) {
			return UNKNOWN_SOURCE;
		}
		String s = remoteAddress.trim();
		return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
	}

	/** A name for application logs: its first character only (a password typed into the name field stays out). */
	public static String masked(String name) {
		if (name == null || name.isEmpty()) {
			return "(empty)";
		}
		return name.substring(0, name.offsetByCodePoints(0, 1)) + "***";
	}

	/**
	 * A refused sign-in: try again after {@code retryAfterSeconds} (the HTTP {@code Retry-After}), shown to people as
	 * {@code minutes} (rounded up, at least 1).
	 */
	public record Refusal(long retryAfterSeconds, long minutes) {

		static Refusal lasting(Duration remaining) {
			long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
			return new Refusal(seconds, Math.max(1, (seconds + 59) / 60));
		}
	}
}
