package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jinlin.meals.AgeBand;
import org.jinlin.meals.DinerCategory;

/**
 * The meal-subsidy rules, plain Java. A rule is data: it holds for a territory (every node under its path) and a
 * period (valid from, valid to inclusive, open-ended without an end); it has tiers (an age band and/or a category,
 * each with a per-meal amount), a monthly cap per person and the funding sources that share each subsidy.
 * <p>
 * For a meal: among the rules in force that day whose territory contains the diner's community, the most specific
 * (longest path) wins, the latest start breaking a tie; among its tiers that match the diner (a tier without an age
 * band matches every age, one without a category every category), the most generous applies. The subsidy never
 * exceeds the price nor what is left of the monthly cap; walk-in diners (no eligibility) get none. Amounts are yuan
 * with two decimals; the sources' parts add up to the subsidy exactly (the last source takes the rounding).
 */
public final class SubsidyRules {

	static final int SCALE = 2;

	private SubsidyRules() {
	}

	/** One rule, as stored. Shares of the sources are fractions adding up to 1. */
	public record Rule(long id, String territoryPath, LocalDate validFrom, LocalDate validTo, BigDecimal monthlyCap,
			List<Tier> tiers, List<Source> sources) {

		boolean inForce(LocalDate day) {
			return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
		}

		boolean covers(String path) {
			return path != null && path.startsWith(territoryPath);
		}
	}

	/** A tier: {@code ageBand} or {@code category} {@code null} means any. */
	public record Tier(AgeBand ageBand, DinerCategory category, BigDecimal perMeal) {

		boolean matches(Optional<AgeBand> band, Set<DinerCategory> categories) {
			return (ageBand == null || band.filter(ageBand::equals).isPresent())
					&& (category == null || categories.contains(category));
		}
	}

	/** A funding source (city fund, district fund, charity …) and its share of every subsidy. */
	public record Source(String code, BigDecimal share) {
	}

	/** What the register says about a diner: birth date and categories ({@code ORDINARY} is implied). */
	public record Eligibility(LocalDate birthDate, Set<DinerCategory> categories) {

		Set<DinerCategory> all() {
			Set<DinerCategory> all = EnumSet.of(DinerCategory.ORDINARY);
			if (categories != null) {
				all.addAll(categories);
			}
			return all;
		}
	}

	/** A source's part of a subsidy. */
	public record Part(String source, BigDecimal amount) {
	}

	/** The subsidy of one meal: the amount, the rule and tier applied (none for no subsidy), the sources' parts. */
	public record Subsidy(BigDecimal amount, Long ruleId, Tier tier, List<Part> parts) {

		static Subsidy none() {
			return new Subsidy(yuan(BigDecimal.ZERO), null, null, List.of());
		}
	}

	/** The rule in force for a community path on a day: the most specific, then the latest start. */
	public static Optional<Rule> ruleFor(List<Rule> rules, String communityPath, LocalDate day) {
		return rules.stream()
			.filter(r -> r.covers(communityPath) && r.inForce(day))
			.max(Comparator.<Rule>comparingInt(r -> r.territoryPath().length()).thenComparing(Rule::validFrom));
	}

	/**
	 * The subsidy of a meal at {@code price} for a diner ({@code null}: a walk-in) living under {@code communityPath},
	 * on {@code day}, who has already received {@code usedThisMonth} this month.
	 */
	public static Subsidy subsidy(List<Rule> rules, Eligibility diner, String communityPath, LocalDate day,
			BigDecimal price, BigDecimal usedThisMonth) {
		if (diner == null || price == null || price.signum() <= 0) {
			return Subsidy.none();
		}
		Optional<Rule> rule = ruleFor(rules, communityPath, day);
		if (rule.isEmpty()) {
			return Subsidy.none();
		}
		Optional<AgeBand> band = AgeBand.of(diner.birthDate(), day);
		Set<DinerCategory> categories = diner.all();
		Optional<Tier> tier = rule.get()
			.tiers()
			.stream()
			.filter(t -> t.matches(band, categories))
			.max(Comparator.comparing(Tier::perMeal));
		if (tier.isEmpty()) {
			return Subsidy.none();
		}
		BigDecimal left = rule.get().monthlyCap().subtract(usedThisMonth == null ? BigDecimal.ZERO : usedThisMonth);
		BigDecimal amount = yuan(tier.get().perMeal().min(price).min(left).max(BigDecimal.ZERO));
		if (amount.signum() == 0) {
			return Subsidy.none();
		}
		return new Subsidy(amount, rule.get().id(), tier.get(), split(amount, rule.get().sources()));
	}

	/** Splits an amount among sources by share, to the fen; the last source takes the rounding. */
	static List<Part> split(BigDecimal amount, List<Source> sources) {
		List<Part> parts = new ArrayList<>();
		BigDecimal rest = amount;
		for (int i = 0; i < sources.size(); i++) {
			Source s = sources.get(i);
			BigDecimal part = i == sources.size() - 1 ? rest
					: amount.multiply(s.share()).setScale(SCALE, RoundingMode.HALF_UP).min(rest);
			parts.add(new Part(s.code(), part));
			rest = rest.subtract(part);
		}
		return parts;
	}

	/** Problems of a rule's data, as message codes: shares add up to 1, amounts not negative, a sane period. */
	public static List<String> problems(Rule rule) {
		List<String> p = new ArrayList<>();
		if (rule.territoryPath() == null || !rule.territoryPath().startsWith("/")) {
			p.add("meals.rule.error.territory");
		}
		if (rule.validFrom() == null || (rule.validTo() != null && rule.validTo().isBefore(rule.validFrom()))) {
			p.add("meals.rule.error.period");
		}
		if (rule.monthlyCap() == null || rule.monthlyCap().signum() < 0
				|| rule.tiers().stream().anyMatch(t -> t.perMeal() == null || t.perMeal().signum() < 0)) {
			p.add("meals.rule.error.amount");
		}
		BigDecimal shares = rule.sources().stream().map(Source::share).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (rule.sources().isEmpty() || shares.compareTo(BigDecimal.ONE) != 0
				|| rule.sources().stream().anyMatch(s -> s.share().signum() < 0)) {
			p.add("meals.rule.error.shares");
		}
		return p;
	}

	/** A tier's code for the settlement: its age band, its category, or both joined by "+"; {@code null} for none. */
	public static String tierCode(Tier tier) {
		if (tier == null) {
			return null;
		}
		if (tier.ageBand() != null && tier.category() != null) {
			return tier.ageBand().name() + "+" + tier.category().name();
		}
		return tier.ageBand() != null ? tier.ageBand().name() : tier.category() != null ? tier.category().name() : "ANY";
	}

	/** An amount in yuan with two decimals. */
	public static BigDecimal yuan(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.HALF_UP);
	}
}
