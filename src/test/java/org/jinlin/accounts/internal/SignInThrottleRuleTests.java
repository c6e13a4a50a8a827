package org.jinlin.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttling rule without Spring: limits, window, pause and what a refusal tells. */
class SignInThrottleRuleTests {

	static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

	static SignInThrottleRule rule(Instant now) {
		return new SignInThrottleRule(10, 50, Duration.ofMinutes(15), Duration.ofMinutes(15),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	void tenFailuresOfOneNameFromOneSourcePauseThePairNineDoNot() {
		SignInThrottleRule rule = rule(NOW);
		assertThat(rule.pausesAccount(9)).isFalse();
		assertThat(rule.pausesAccount(10)).isTrue();
		assertThat(rule.pausesAccount(11)).isTrue();
	}

	@Test
	void fiftyFailuresFromOneSourcePauseTheWholeSource() {
		SignInThrottleRule rule = rule(NOW);
		assertThat(rule.pausesSource(49)).isFalse();
		assertThat(rule.pausesSource(50)).isTrue();
	}

	@Test
	void failuresCountForFifteenMinutesAndAPauseLastsFifteenMinutes() {
		SignInThrottleRule rule = rule(NOW);
		assertThat(rule.windowStart()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
		assertThat(rule.pausedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	void aRefusalLastsUntilThePauseEndsRoundedUpForPeople() {
		Instant until = NOW.plus(Duration.ofMinutes(15));
		assertThat(rule(NOW).refusal(until)).hasValueSatisfying(r -> {
			assertThat(r.retryAfterSeconds()).isEqualTo(900);
			assertThat(r.minutes()).isEqualTo(15);
		});
		assertThat(rule(until.minusSeconds(61)).refusal(until)).hasValueSatisfying(r -> {
			assertThat(r.retryAfterSeconds()).isEqualTo(61);
			assertThat(r.minutes()).isEqualTo(2);
		});
		assertThat(rule(until.minusMillis(200)).refusal(until)).hasValueSatisfying(r -> {
			assertThat(r.retryAfterSeconds()).isEqualTo(1);
			assertThat(r.minutes()).isEqualTo(1);
		});
		assertThat(rule(until).refusal(until)).isEmpty();
		assertThat(rule(until.plusSeconds(1)).refusal(until)).isEmpty();
		assertThat(rule(NOW).refusal(null)).isEmpty();
	}

	@Test
	void namesAndSourcesAreKeptAsTypedButCut() {
		assertThat(SignInThrottleRule.accountName("Junmen ")).isEqualTo("Junmen ");
		assertThat(SignInThrottleRule.accountName(null)).isEmpty();
		assertThat(SignInThrottleRule.accountName("x".repeat(100))).hasSize(64);
		assertThat(SignInThrottleRule.source(" 10.0.0.1 ")).isEqualTo("10.0.0.1");
		assertThat(SignInThrottleRule.source(null)).isEqualTo("unknown");
		assertThat(SignInThrottleRule.source("")).isEqualTo("unknown");
	}

	@Test
	void logsSeeOnlyTheFirstCharacterOfAName() {
		assertThat(SignInThrottleRule.masked("junmen")).isEqualTo("j***");
		assertThat(SignInThrottleRule.masked("王小明")).isEqualTo("王***");
		assertThat(SignInThrottleRule.masked("")).doesNotContain("junmen");
	}

	@Test
	void settingsMustMakeSense() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		assertThatThrownBy(() -> new SignInThrottleRule(0, 50, Duration.ofMinutes(15), Duration.ofMinutes(15), clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottleRule(10, 50, Duration.ZERO, Duration.ofMinutes(15), clock))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SignInThrottleRule(10, 50, Duration.ofMinutes(15), Duration.ofMinutes(-1), clock))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
