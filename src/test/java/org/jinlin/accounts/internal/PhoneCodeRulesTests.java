package org.jinlin.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of one-time phone codes and of matching a sign-up, without Spring. */
class PhoneCodeRulesTests {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void codesHaveSixDigitsAndAreKeptOnlyAsASaltedHash() {
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			assertThat(PhoneCodeRules.newCode(random)).matches("[0-9]{6}");
		}
		String hash = PhoneCodeRules.hash("012345");
		assertThat(hash).doesNotContain("012345");
		assertThat(PhoneCodeRules.hash("012345")).as("salted: the same code hashes differently").isNotEqualTo(hash);
		assertThat(PhoneCodeRules.sameCode(hash, "012345")).isTrue();
		assertThat(PhoneCodeRules.sameCode(hash, " 012345 ")).isTrue();
		assertThat(PhoneCodeRules.sameCode(hash, "012346")).isFalse();
		assertThat(PhoneCodeRules.sameCode(hash, "12345")).isFalse();
		assertThat(PhoneCodeRules.sameCode(hash, null)).isFalse();
		assertThat(PhoneCodeRules.sameCode("garbage", "012345")).isFalse();
	}

	@Test
	void aCodeIsAcceptedOnlyInTimeWithTriesLeftAndOnce() {
		String hash = PhoneCodeRules.hash("424242");
		Instant expires = NOW.plus(PhoneCodeRules.LIFETIME);
		var fresh = new PhoneCodeRules.StoredCode(hash, expires, 0, null);
		assertThat(PhoneCodeRules.check(fresh, "424242", NOW)).isEqualTo(PhoneCodeRules.Check.ACCEPTED);
		assertThat(PhoneCodeRules.check(fresh, "424243", NOW)).isEqualTo(PhoneCodeRules.Check.WRONG);
		// ten minutes
		assertThat(PhoneCodeRules.LIFETIME).isEqualTo(Duration.ofMinutes(10));
		assertThat(PhoneCodeRules.check(fresh, "424242", expires.minusSeconds(1))).isEqualTo(PhoneCodeRules.Check.ACCEPTED);
		assertThat(PhoneCodeRules.check(fresh, "424242", expires)).isEqualTo(PhoneCodeRules.Check.SPENT);
		// five tries: after four wrong ones the fifth may still be right, after five none is
		var fourTried = new PhoneCodeRules.StoredCode(hash, expires, 4, null);
		assertThat(PhoneCodeRules.check(fourTried, "424242", NOW)).isEqualTo(PhoneCodeRules.Check.ACCEPTED);
		var fiveTried = new PhoneCodeRules.StoredCode(hash, expires, PhoneCodeRules.MAX_TRIES, null);
		assertThat(PhoneCodeRules.check(fiveTried, "424242", NOW)).isEqualTo(PhoneCodeRules.Check.SPENT);
		// once
		var used = new PhoneCodeRules.StoredCode(hash, expires, 1, NOW);
		assertThat(PhoneCodeRules.check(used, "424242", NOW)).isEqualTo(PhoneCodeRules.Check.SPENT);
		assertThat(PhoneCodeRules.check(null, "424242", NOW)).isEqualTo(PhoneCodeRules.Check.SPENT);
	}

	@Test
	void resendingWaitsAMinutePerPhoneAndHourlyLimitsPerPhoneAndSource() {
		assertThat(PhoneCodeRules.waitBeforeSending(null, List.of(), List.of(), NOW)).isZero();
		Instant justNow = NOW.minusSeconds(20);
		assertThat(PhoneCodeRules.waitBeforeSending(justNow, List.of(justNow), List.of(justNow), NOW))
			.isEqualTo(Duration.ofSeconds(40));
		Instant aMinuteAgo = NOW.minusSeconds(60);
		assertThat(PhoneCodeRules.waitBeforeSending(aMinuteAgo, List.of(aMinuteAgo), List.of(aMinuteAgo), NOW)).isZero();
		// five to the phone in the hour: the sixth waits until the oldest leaves the hour
		List<Instant> five = new ArrayList<>();
		for (int i = 5; i >= 1; i--) {
			five.add(NOW.minus(Duration.ofMinutes(10L * i)));
		}
		assertThat(PhoneCodeRules.waitBeforeSending(five.get(4), five, five, NOW)).isEqualTo(Duration.ofMinutes(10));
		// twenty from one source (to different phones) in the hour
		List<Instant> twenty = new ArrayList<>();
		for (int i = 20; i >= 1; i--) {
			twenty.add(NOW.minus(Duration.ofMinutes(2L * i)));
		}
		assertThat(PhoneCodeRules.waitBeforeSending(null, List.of(), twenty, NOW)).isEqualTo(Duration.ofMinutes(20));
		assertThat(PhoneCodeRules.waitBeforeSending(null, List.of(), twenty.subList(1, 20), NOW)).isZero();
		assertThat(PhoneCodeRules.seconds(Duration.ofMillis(40_001))).isEqualTo(41);
	}

	@Test
	void phonesAndIdSuffixesAreNormalizedOrRefused() {
		assertThat(PhoneCodeRules.phone("138 1234 5678")).isEqualTo("13812345678");
		assertThat(PhoneCodeRules.phone("+86 138-1234-5678")).isEqualTo("13812345678");
		assertThat(PhoneCodeRules.phone("12812345678")).isNull();
		assertThat(PhoneCodeRules.phone("1381234567")).isNull();
		assertThat(PhoneCodeRules.phone("0591-8765432")).isNull();
		assertThat(PhoneCodeRules.phone(null)).isNull();
		assertThat(PhoneCodeRules.idSuffix(" 12345x ")).isEqualTo("12345X");
		assertThat(PhoneCodeRules.idSuffix("123456")).isEqualTo("123456");
		assertThat(PhoneCodeRules.idSuffix("1234X6")).isNull();
		assertThat(PhoneCodeRules.idSuffix("12345")).isNull();
		assertThat(PhoneCodeRules.maskedIdSuffix("12345X")).isEqualTo("**345X");
	}

	@Test
	void onlyASingleFreeCandidateIsAMatch() {
		assertThat(PhoneCodeRules.uniqueMatch(List.of(7L), Set.of())).contains(7L);
		assertThat(PhoneCodeRules.uniqueMatch(List.of(), Set.of())).isEmpty();
		assertThat(PhoneCodeRules.uniqueMatch(List.of(7L, 8L), Set.of())).isEmpty();
		assertThat(PhoneCodeRules.uniqueMatch(List.of(7L), Set.of(7L))).as("already someone's account").isEmpty();
	}

	@Test
	void usernamesAndTokensAreUnambiguousAndLong() {
		Random random = new Random(3);
		for (int i = 0; i < 100; i++) {
			String username = PhoneCodeRules.newUsername(random);
			assertThat(username).matches("jl[a-z2-9]{8}").matches(AccountAdministration.USERNAME.pattern());
			assertThat(username.substring(2)).doesNotContainPattern("[01oil]");
		}
		assertThat(PhoneCodeRules.newToken()).hasSize(32).matches("[A-Za-z0-9_-]+");
	}
}
