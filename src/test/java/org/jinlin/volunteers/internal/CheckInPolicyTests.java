package org.jinlin.volunteers.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.volunteers.internal.CheckInPolicy.Pair;
import org.jinlin.volunteers.internal.CheckInPolicy.Rejection;
import org.jinlin.volunteers.internal.CheckInPolicy.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckInPolicyTests {

	static final Instant NINE = Instant.parse("2026-06-01T01:00:00Z");

	static Pair closed(long id, long activity, Instant in, Duration length, Status status, boolean backDated) {
		return new Pair(id, activity, in, in.plus(length), backDated, status);
	}

	static List<Pair> pairs(int n) {
		List<Pair> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			list.add(closed(i + 1, 7, NINE.plus(Duration.ofHours(2L * i)), Duration.ofHours(1), Status.APPROVED, false));
		}
		return list;
	}

	@Test
	void threePairsADayAreAllowedAndTheFourthSignInIsRejected() {
		assertThatCode(() -> CheckInPolicy.checkSignIn(pairs(2))).doesNotThrowAnyException();
		assertThatThrownBy(() -> CheckInPolicy.checkSignIn(pairs(3))).isInstanceOfSatisfying(CheckInPolicy.Rejected.class,
				e -> assertThat(e.rejection).isEqualTo(Rejection.DAILY_LIMIT));
	}

	@Test
	void theDailyLimitCountsEveryActivityAndPendingRecordsButNotRejectedOnes() {
		List<Pair> day = new ArrayList<>(pairs(1));
		day.add(closed(2, 8, NINE.plus(Duration.ofHours(3)), Duration.ofHours(1), Status.APPROVED, false));
		day.add(closed(3, 9, NINE.plus(Duration.ofHours(5)), Duration.ofHours(1), Status.PENDING, true));
		assertThatThrownBy(() -> CheckInPolicy.checkSignIn(day)).isInstanceOf(CheckInPolicy.Rejected.class);
		day.set(2, closed(3, 9, NINE.plus(Duration.ofHours(5)), Duration.ofHours(1), Status.REJECTED, true));
		assertThatCode(() -> CheckInPolicy.checkSignIn(day)).doesNotThrowAnyException();
	}

	@Test
	void aFourthBackDatedPairIsRejectedToo() {
		assertThatThrownBy(() -> CheckInPolicy.checkBackDated(pairs(3), NINE.plus(Duration.ofHours(8)),
				NINE.plus(Duration.ofHours(9)), NINE.plus(Duration.ofDays(1))))
			.isInstanceOfSatisfying(CheckInPolicy.Rejected.class, e -> assertThat(e.rejection).isEqualTo(Rejection.DAILY_LIMIT));
	}

	@Test
	void aSignOutWithoutASignInIsRejected() {
		assertThatThrownBy(() -> CheckInPolicy.checkSignOut(List.of(), 7)).isInstanceOfSatisfying(
				CheckInPolicy.Rejected.class, e -> assertThat(e.rejection).isEqualTo(Rejection.SIGN_OUT_WITHOUT_SIGN_IN));
		// a closed pair is no sign-in to close, nor is an open one of another activity
		List<Pair> day = new ArrayList<>(pairs(1));
		day.add(new Pair(5, 8, NINE.plus(Duration.ofHours(4)), null, false, Status.APPROVED));
		assertThatThrownBy(() -> CheckInPolicy.checkSignOut(day, 7)).isInstanceOf(CheckInPolicy.Rejected.class);
		assertThat(CheckInPolicy.checkSignOut(day, 8).id()).isEqualTo(5);
	}

	@Test
	void aSecondSignInWhileSignedInIsRejected() {
		List<Pair> day = List.of(new Pair(1, 7, NINE, null, false, Status.APPROVED));
		assertThatThrownBy(() -> CheckInPolicy.checkSignIn(day)).isInstanceOfSatisfying(CheckInPolicy.Rejected.class,
				e -> assertThat(e.rejection).isEqualTo(Rejection.ALREADY_SIGNED_IN));
	}

	@Test
	void aBackDatedRecordIsPendingAndCountsNothingUntilApproved() {
		Instant in = NINE;
		Instant out = NINE.plus(Duration.ofMinutes(150));
		assertThat(CheckInPolicy.checkBackDated(List.of(), in, out, NINE.plus(Duration.ofDays(1)))).isEqualTo(Status.PENDING);
		Pair pending = new Pair(1, 7, in, out, true, Status.PENDING);
		assertThat(CheckInPolicy.hours(List.of(pending))).isEqualByComparingTo("0");
		assertThatThrownBy(() -> CheckInPolicy.checkConfirmable(List.of(pending))).isInstanceOfSatisfying(
				CheckInPolicy.Rejected.class, e -> assertThat(e.rejection).isEqualTo(Rejection.PENDING_NOT_APPROVED));
		Pair approved = new Pair(1, 7, in, out, true, Status.APPROVED);
		assertThatCode(() -> CheckInPolicy.checkConfirmable(List.of(approved))).doesNotThrowAnyException();
		assertThat(CheckInPolicy.hours(List.of(approved))).isEqualTo(new BigDecimal("2.50"));
		Pair rejected = new Pair(1, 7, in, out, true, Status.REJECTED);
		assertThat(CheckInPolicy.hours(List.of(rejected))).isEqualByComparingTo("0");
	}

	@Test
	void backDatedTimesMustBeOrderedAndInThePast() {
		assertThatThrownBy(() -> CheckInPolicy.checkBackDated(List.of(), NINE, NINE.minusSeconds(60), NINE.plusSeconds(9999)))
			.isInstanceOfSatisfying(CheckInPolicy.Rejected.class, e -> assertThat(e.rejection).isEqualTo(Rejection.BACK_DATED_TIMES));
		assertThatThrownBy(() -> CheckInPolicy.checkBackDated(List.of(), NINE, NINE.plusSeconds(3600), NINE))
			.isInstanceOfSatisfying(CheckInPolicy.Rejected.class, e -> assertThat(e.rejection).isEqualTo(Rejection.BACK_DATED_FUTURE));
	}

	@Test
	void hoursAreTheTimeBetweenSignInAndSignOutOfApprovedClosedPairs() {
		List<Pair> pairs = List.of(closed(1, 7, NINE, Duration.ofMinutes(95), Status.APPROVED, false),
				closed(2, 7, NINE.plus(Duration.ofHours(3)), Duration.ofMinutes(50), Status.APPROVED, false),
				new Pair(3, 7, NINE.plus(Duration.ofHours(5)), null, false, Status.APPROVED));
		assertThat(CheckInPolicy.hours(pairs)).isEqualTo(new BigDecimal("2.42"));
	}
}
