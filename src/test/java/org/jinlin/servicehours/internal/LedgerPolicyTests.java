package org.jinlin.servicehours.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ledger's rules alone: double entry, no overdraft but for issuers, the time-bank cap and age. */
class LedgerPolicyTests {

	final LedgerPolicy policy = new LedgerPolicy(new BigDecimal("1500"), 60, BigDecimal.ONE);

	static LedgerPolicy.Leg leg(long id, HolderKind kind, String balance, String amount) {
		return new LedgerPolicy.Leg(id, kind, LedgerUnit.HOURS, new BigDecimal(balance), new BigDecimal(amount));
	}

	@Test
	void aBalancedTransferFromAnIssuerIsAccepted() {
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.ORGANISATION, "-10", "-2.5"),
				leg(2, HolderKind.PERSON, "0", "2.5")))).isEmpty();
	}

	@Test
	void entriesThatDoNotSumToZeroAreRefused() {
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.ORGANISATION, "0", "-2"),
				leg(2, HolderKind.PERSON, "0", "2.5")))).contains("servicehours.transfer.unbalanced");
	}

	@Test
	void eachUnitBalancesOnItsOwn() {
		var hours = new LedgerPolicy.Leg(1, HolderKind.ORGANISATION, LedgerUnit.HOURS, BigDecimal.ZERO, new BigDecimal("-1"));
		var points = new LedgerPolicy.Leg(2, HolderKind.PERSON, LedgerUnit.POINTS, BigDecimal.ZERO, BigDecimal.ONE);
		assertThat(policy.checkTransfer(List.of(hours, points))).contains("servicehours.transfer.unbalanced");
	}

	@Test
	void aOneSidedOrZeroTransferIsRefused() {
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.PERSON, "0", "1"))))
			.contains("servicehours.transfer.one-sided");
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.ORGANISATION, "0", "0"), leg(2, HolderKind.PERSON, "0", "0"))))
			.contains("servicehours.transfer.zero-leg");
	}

	@Test
	void onlyIssuersMayGoBelowZero() {
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.TIME_BANK, "3", "-3.01"),
				leg(2, HolderKind.ORGANISATION, "0", "3.01")))).contains("servicehours.balance.insufficient");
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.DONATION_POOL, "1", "-2"),
				leg(2, HolderKind.ORGANISATION, "0", "2")))).contains("servicehours.pool.insufficient");
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.TIME_BANK, "3", "-3"),
				leg(2, HolderKind.ORGANISATION, "0", "3")))).isEmpty();
	}

	@Test
	void aTimeBankAccountHoldsAtMostTheCap() {
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.ORGANISATION, "0", "-1"),
				leg(2, HolderKind.TIME_BANK, "1499.5", "1")))).contains("servicehours.timebank.cap");
		assertThat(policy.checkTransfer(List.of(leg(1, HolderKind.ORGANISATION, "0", "-0.5"),
				leg(2, HolderKind.TIME_BANK, "1499.5", "0.5")))).isEmpty();
		assertThat(policy.depositable(new BigDecimal("1499"), new BigDecimal("3"))).isEqualByComparingTo("1");
		assertThat(policy.depositable(new BigDecimal("1500"), new BigDecimal("3"))).isEqualByComparingTo("0");
	}

	@Test
	void amountsArePositiveWithTwoDecimalsAndBounded() {
		assertThat(policy.checkAmount(null, null)).contains("servicehours.amount.required");
		assertThat(policy.checkAmount(new BigDecimal("-1"), null)).contains("servicehours.amount.positive");
		assertThat(policy.checkAmount(new BigDecimal("0.125"), null)).contains("servicehours.amount.scale");
		assertThat(policy.checkAmount(new BigDecimal("101"), new BigDecimal("100"))).contains("servicehours.amount.too-large");
		assertThat(policy.checkAmount(new BigDecimal("1.50"), new BigDecimal("100"))).isEmpty();
	}

	@Test
	void timeBankHoursPayOnlyForEldersOfTheSpendingAge() {
		assertThat(policy.checkBeneficiary(59, Relation.PARENT)).contains("servicehours.timebank.too-young");
		assertThat(policy.checkBeneficiary(60, Relation.SELF)).isEmpty();
		assertThat(policy.checkBeneficiary(80, null)).contains("servicehours.timebank.relation.required");
	}

	@Test
	void pointsFollowTheConfiguredRate() {
		assertThat(new LedgerPolicy(BigDecimal.TEN, 60, new BigDecimal("1.5")).pointsFor(new BigDecimal("2.5")))
			.isEqualByComparingTo("3.75");
	}
}
