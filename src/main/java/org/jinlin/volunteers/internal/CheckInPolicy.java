package org.jinlin.volunteers.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in rules at the venue, free of Spring so they can be tested alone: at most
 * {@value #MAX_PAIRS_PER_DAY} sign-in/sign-out pairs per person per day (over all activities; a rejected back-dated
 * record does not count), a sign-out needs an open sign-in, a second sign-in while one is open is refused, and a
 * record added after the fact (补录) is PENDING and counts towards hours only once the organiser approved it. Hours
 * are the time between sign-in and sign-out (at the venue, so travel is excluded), rounded to two decimals.
 */
public final class CheckInPolicy {

	static final int MAX_PAIRS_PER_DAY = 3;

	/** Why a check-in was refused; each has a message {@code volunteers.rule.<code>} in the bundles. */
	enum Rejection {
		DAILY_LIMIT("dailyLimit"), SIGN_OUT_WITHOUT_SIGN_IN("signOutWithoutSignIn"), ALREADY_SIGNED_IN("alreadySignedIn"),
		BACK_DATED_TIMES("backDatedTimes"), BACK_DATED_FUTURE("backDatedFuture"), PENDING_NOT_APPROVED("pendingNotApproved");

		final String code;

		Rejection(String code) {
			this.code = code;
		}

		String messageKey() {
			return "volunteers.rule." + code;
		}
	}

	/** A rule was broken; carries the rejection for the message. */
	static final class Rejected extends RuntimeException {

		final Rejection rejection;

		Rejected(Rejection rejection) {
			super(rejection.name());
			this.rejection = rejection;
		}
	}

	public enum Status {
		APPROVED, PENDING, REJECTED
	}

	/** One pair as stored. */
	public record Pair(long id, long activityId, Instant signedIn, Instant signedOut, boolean backDated, Status status) {

		boolean open() {
			return signedOut == null && status != Status.REJECTED;
		}

		boolean countsForHours() {
			return status == Status.APPROVED && signedOut != null;
		}
	}

	private CheckInPolicy() {
	}

	/**
	 * Checks a sign-in against the person's pairs of the same day.
	 *
	 * @throws Rejected when the person already has three pairs that day, or is signed in already
	 */
	static void checkSignIn(List<Pair> sameDay) {
		if (sameDay.stream().anyMatch(Pair::open)) {
			throw new Rejected(Rejection.ALREADY_SIGNED_IN);
		}
		if (counted(sameDay) >= MAX_PAIRS_PER_DAY) {
			throw new Rejected(Rejection.DAILY_LIMIT);
		}
	}

	/**
	 * The open pair a sign-out closes.
	 *
	 * @throws Rejected when there is no open sign-in for the activity
	 */
	static Pair checkSignOut(List<Pair> sameDay, long activityId) {
		Optional<Pair> open = sameDay.stream().filter(p -> p.activityId() == activityId && p.open()).findFirst();
		return open.orElseThrow(() -> new Rejected(Rejection.SIGN_OUT_WITHOUT_SIGN_IN));
	}

	/**
	 * Checks a back-dated pair (补录): sign-out after sign-in, both in the past, and within the daily limit. The pair is
	 * then stored {@link Status#PENDING}.
	 */
	static Status checkBackDated(List<Pair> sameDay, Instant signedIn, Instant signedOut, Instant now) {
		if (signedIn == null || signedOut == null || !signedOut.isAfter(signedIn)
				|| Duration.between(signedIn, signedOut).toHours() >= 24) {
			throw new Rejected(Rejection.BACK_DATED_TIMES);
		}
		if (signedOut.isAfter(now)) {
			throw new Rejected(Rejection.BACK_DATED_FUTURE);
		}
		if (counted(sameDay) >= MAX_PAIRS_PER_DAY) {
			throw new Rejected(Rejection.DAILY_LIMIT);
		}
		return Status.PENDING;
	}

	/**
	 * Checks that hours may be confirmed from these pairs of one person on one activity: a pending back-dated pair is
	 * refused until the organiser decided it.
	 */
	static void checkConfirmable(List<Pair> pairs) {
		if (pairs.stream().anyMatch(p -> p.status() == Status.PENDING)) {
			throw new Rejected(Rejection.PENDING_NOT_APPROVED);
		}
	}

	/** Hours from the approved, closed pairs; pending, rejected and open pairs count nothing. */
	public static BigDecimal hours(List<Pair> pairs) {
		long seconds = pairs.stream().filter(Pair::countsForHours)
			.mapToLong(p -> Duration.between(p.signedIn(), p.signedOut()).getSeconds()).sum();
		BigDecimal h = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
		return h.min(BigDecimal.valueOf(24).setScale(2));
	}

	private static long counted(List<Pair> sameDay) {
		return sameDay.stream().filter(p -> p.status() != Status.REJECTED).count();
	}
}
