package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jinlin.memberservice.internal.WishStatus.Action;
import org.jinlin.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The micro-wish state rules, without Spring. */
class WishStatusTests {

	@Test
	void theHappyPathRunsOpenClaimedDeliveredConfirmed() {
		WishStatus s = WishStatus.OPEN.after(Action.CLAIM);
		assertThat(s).isEqualTo(WishStatus.CLAIMED);
		s = s.after(Action.DELIVER);
		assertThat(s).isEqualTo(WishStatus.DELIVERED);
		assertThat(s.after(Action.CONFIRM)).isEqualTo(WishStatus.CONFIRMED);
	}

	@Test
	void aClaimCanBeReleasedAndAnOpenWishCancelled() {
		assertThat(WishStatus.CLAIMED.after(Action.RELEASE)).isEqualTo(WishStatus.OPEN);
		assertThat(WishStatus.OPEN.after(Action.CANCEL)).isEqualTo(WishStatus.CANCELLED);
	}

	@ParameterizedTest(name = "{1} on a {0} wish is refused")
	@CsvSource({ "OPEN,DELIVER", "OPEN,CONFIRM", "OPEN,RELEASE", "CLAIMED,CLAIM", "CLAIMED,CONFIRM", "CLAIMED,CANCEL",
			"DELIVERED,CLAIM", "DELIVERED,RELEASE", "DELIVERED,DELIVER", "DELIVERED,CANCEL", "CONFIRMED,CONFIRM",
			"CONFIRMED,CANCEL", "CONFIRMED,RELEASE", "CANCELLED,CLAIM", "CANCELLED,CANCEL", "CANCELLED,CONFIRM" })
	void illegalMovesAreConflictsWithAMessage(WishStatus from, Action action) {
		assertThat(from.allows(action)).isFalse();
		assertThatThrownBy(() -> from.after(action)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("this wish is " + from);
	}

	@Test
	void exactlyFiveMovesAreAllowed() {
		int allowed = 0;
		for (WishStatus s : WishStatus.values()) {
			for (Action a : Action.values()) {
				allowed += s.allows(a) ? 1 : 0;
			}
		}
		assertThat(allowed).isEqualTo(5);
	}

	@Test
	void hoursMustBePositiveAtMost24WithTwoDecimals() {
		assertThat(errors(null)).extracting(e -> e.get("field")).containsExactly("hours");
		assertThat(errors(BigDecimal.ZERO)).hasSize(1);
		assertThat(errors(new BigDecimal("-1"))).hasSize(1);
		assertThat(errors(new BigDecimal("24.01"))).hasSize(1);
		assertThat(errors(new BigDecimal("1.255"))).hasSize(1);
		assertThat(errors(new BigDecimal("1.50"))).isEmpty();
		assertThat(errors(new BigDecimal("24"))).isEmpty();
		assertThat(new MemberValidation().hours(new BigDecimal("1.5")).scale()).isEqualTo(2);
	}

	private static List<Map<String, String>> errors(BigDecimal hours) {
		MemberValidation validation = new MemberValidation();
		validation.hours(hours);
		return validation.errors();
	}

	@Test
	void anElderIsSixtyOrOlder() {
		var today = java.time.LocalDate.now(MemberValidation.ZONE);
		assertThat(MemberValidation.elderly(today.minusYears(60))).isTrue();
		assertThat(MemberValidation.elderly(today.minusYears(60).plusDays(1))).isFalse();
		assertThat(MemberValidation.elderly(null)).isFalse();
	}

	@Test
	void theDemoRolePrefixIsDroppedFromDisplayNames() {
		assertThat(MemberValidation.plainName("党员 张敏")).isEqualTo("张敏");
		assertThat(MemberValidation.plainName("张敏")).isEqualTo("张敏");
	}
}
