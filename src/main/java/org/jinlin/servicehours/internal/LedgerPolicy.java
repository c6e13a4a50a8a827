package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

/**
 * The rules of the service ledger, free of Spring and the database so they can be tested alone. Each check answers
 * with the message key of the rule it breaks, or nothing.
 */
@RequiredArgsConstructor
public final class LedgerPolicy {

	/** The ledger's calendar: months, ages and quarters are counted in China Standard Time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** One side of a transfer: an account (with its kind, unit and current balance) and the signed amount. */
	public record Leg(long accountId, HolderKind kind, LedgerUnit unit, BigDecimal balance, BigDecimal amount) {
	}

	private final BigDecimal timeBankCap;

	private final int spendingAge;

	private final BigDecimal pointsPerHour;

	public BigDecimal timeBankCap() {
		return timeBankCap;
	}

	public int spendingAge() {
		return spendingAge;
	}

	/** Points for the hours served, rounded half up to two decimals (e.g. 1 point per hour). */
	public BigDecimal pointsFor(BigDecimal hours) {
		return hours.multiply(pointsPerHour).setScale(2, RoundingMode.HALF_UP);
	}

	/** An amount the ledger accepts: more than zero, at most two decimals, at most {@code max}. */
	public Optional<String> checkAmount(BigDecimal amount, BigDecimal max) {
		if (amount == null) {
			return Optional.of("servicehours.amount.required");
		}
		if (amount.signum() <= 0) {
			return Optional.of("servicehours.amount.positive");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			return Optional.of("servicehours.amount.scale");
		}
		if (max != null && amount.compareTo(max) > 0) {
			return Optional.of("servicehours.amount.too-large");
		}
		return Optional.empty();
	}

	/**
	 * A transfer is acceptable when it has at least two legs, none zero, the legs of each unit sum to zero (double
	 * entry), no account but an issuer's ends below zero, and no time-bank account ends above the cap.
	 */
	public Optional<String> checkTransfer(List<Leg> legs) {
		if (legs.size() < 2) {
			return Optional.of("servicehours.transfer.one-sided");
		}
		Map<LedgerUnit, BigDecimal> sums = new HashMap<>();
		Map<Long, BigDecimal> after = new HashMap<>();
		Map<Long, Leg> byAccount = new HashMap<>();
		for (Leg leg : legs) {
			if (leg.amount().signum() == 0) {
				return Optional.of("servicehours.transfer.zero-leg");
			}
			sums.merge(leg.unit(), leg.amount(), BigDecimal::add);
			after.merge(leg.accountId(), leg.balance().add(leg.amount()), (a, b) -> a.add(leg.amount()));
			byAccount.put(leg.accountId(), leg);
		}
		if (sums.values().stream().anyMatch(s -> s.signum() != 0)) {
			return Optional.of("servicehours.transfer.unbalanced");
		}
		for (Map.Entry<Long, BigDecimal> e : after.entrySet()) {
			Leg leg = byAccount.get(e.getKey());
			if (e.getValue().signum() < 0 && !leg.kind().mayGoNegative()) {
				return Optional.of(leg.kind() == HolderKind.DONATION_POOL ? "servicehours.pool.insufficient"
						: "servicehours.balance.insufficient");
			}
			if (leg.kind() == HolderKind.TIME_BANK && leg.amount().signum() > 0 && e.getValue().compareTo(timeBankCap) > 0) {
				return Optional.of("servicehours.timebank.cap");
			}
		}
		return Optional.empty();
	}

	/** Time-bank hours pay only for the care of someone of the spending age or older. */
	public Optional<String> checkBeneficiary(int beneficiaryAge, Relation relation) {
		if (relation == null) {
			return Optional.of("servicehours.timebank.relation.required");
		}
		if (beneficiaryAge < spendingAge) {
			return Optional.of("servicehours.timebank.too-young");
		}
		return Optional.empty();
	}

	/** How much of a deposit fits under the cap: the rest is not deposited (and said so on the record). */
	public BigDecimal depositable(BigDecimal balance, BigDecimal hours) {
		BigDecimal room = timeBankCap.subtract(balance);
		if (room.signum() <= 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		return room.min(hours).setScale(2, RoundingMode.DOWN);
	}
}
