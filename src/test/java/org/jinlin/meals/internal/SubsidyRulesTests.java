package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jinlin.meals.AgeBand;
import org.jinlin.meals.DinerCategory;
import org.jinlin.meals.internal.SubsidyRules.Eligibility;
import org.jinlin.meals.internal.SubsidyRules.Part;
import org.jinlin.meals.internal.SubsidyRules.Rule;
import org.jinlin.meals.internal.SubsidyRules.Source;
import org.jinlin.meals.internal.SubsidyRules.Subsidy;
import org.jinlin.meals.internal.SubsidyRules.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The subsidy rules as plain Java, table by table. */
class SubsidyRulesTests {

	static final String CITY = "/1/";

	static final String GULOU = "/1/2/";

	static final String JUNMEN = "/1/2/3/4/";

	static final String JINAN = "/1/5/6/7/";

	static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	static BigDecimal y(String s) {
		return new BigDecimal(s);
	}

	/** The city's rule: by age band, 特困 and 低保 on top; two sources. */
	static final Rule CITY_2026 = new Rule(1, CITY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), y("150"),
			List.of(new Tier(AgeBand.FROM_60, null, y("2")), new Tier(AgeBand.FROM_70, null, y("3")),
					new Tier(AgeBand.FROM_80, null, y("4")), new Tier(AgeBand.FROM_90, null, y("5")),
					new Tier(null, DinerCategory.SPECIAL_HARDSHIP, y("8")), new Tier(null, DinerCategory.LOW_INCOME, y("6")),
					new Tier(null, DinerCategory.DISABLED, y("4.5")),
					new Tier(AgeBand.FROM_60, DinerCategory.LIVING_ALONE, y("3.5"))),
			List.of(new Source("CITY_FUND", y("0.6")), new Source("DISTRICT_FUND", y("0.4"))));

	/** 鼓楼's own rule for 2026 from July: more generous, a charity joins, a lower cap. */
	static final Rule GULOU_H2 = new Rule(2, GULOU, LocalDate.of(2026, 7, 1), null, y("100"),
			List.of(new Tier(null, DinerCategory.ORDINARY, y("4")), new Tier(null, DinerCategory.SPECIAL_HARDSHIP, y("10"))),
			List.of(new Source("CITY_FUND", y("0.5")), new Source("DISTRICT_FUND", y("0.3")),
					new Source("CHARITY", y("0.2"))));

	static final List<Rule> RULES = List.of(CITY_2026, GULOU_H2);

	static Eligibility elder(int age, DinerCategory... categories) {
		return new Eligibility(DAY.minusYears(age).minusDays(1), Set.of(categories));
	}

	@ParameterizedTest(name = "age {0} {1} in {2}: {3}")
	@CsvSource(textBlock = """
			# age, category,         community, subsidy
			59,   ,                  /1/5/6/7/, 0.00
			60,   ,                  /1/5/6/7/, 2.00
			69,   ,                  /1/5/6/7/, 2.00
			70,   ,                  /1/5/6/7/, 3.00
			80,   ,                  /1/5/6/7/, 4.00
			89,   ,                  /1/5/6/7/, 4.00
			90,   ,                  /1/5/6/7/, 5.00
			104,  ,                  /1/5/6/7/, 5.00
			65,   SPECIAL_HARDSHIP,  /1/5/6/7/, 8.00
			65,   LOW_INCOME,        /1/5/6/7/, 6.00
			65,   DISABLED,          /1/5/6/7/, 4.50
			65,   LIVING_ALONE,      /1/5/6/7/, 3.50
			92,   LIVING_ALONE,      /1/5/6/7/, 5.00
			55,   DISABLED,          /1/5/6/7/, 4.50
			55,   LIVING_ALONE,      /1/5/6/7/, 0.00
			65,   ,                  /1/2/3/4/, 4.00
			95,   ,                  /1/2/3/4/, 4.00
			65,   SPECIAL_HARDSHIP,  /1/2/3/4/, 10.00
			65,   LOW_INCOME,        /1/2/3/4/, 4.00
			65,   ,                  /9/,       0.00
			""")
	void tiersByAgeBandAndCategoryTheMostGenerousApplies(int age, DinerCategory category, String community,
			String expected) {
		Eligibility e = category == null ? elder(age) : elder(age, category);
		Subsidy s = SubsidyRules.subsidy(RULES, e, community, DAY, y("12.00"), BigDecimal.ZERO);
		assertThat(s.amount()).isEqualTo(y(expected));
	}

	@ParameterizedTest(name = "price {0}, used {1}: {2}")
	@CsvSource(textBlock = """
			# price, used this month, subsidy (特困 in 鼓楼: 10 a meal, cap 100)
			12.00,   0,      10.00
			12.00,   90.00,  10.00
			12.00,   95.50,  4.50
			12.00,   100.00, 0.00
			12.00,   120.00, 0.00
			6.00,    0,      6.00
			6.00,    97.00,  3.00
			0.00,    0,      0.00
			""")
	void neverMoreThanThePriceNorWhatIsLeftOfTheMonthlyCap(String price, String used, String expected) {
		Subsidy s = SubsidyRules.subsidy(RULES, elder(70, DinerCategory.SPECIAL_HARDSHIP), JUNMEN, DAY, y(price),
				y(used));
		assertThat(s.amount()).isEqualTo(y(expected));
	}

	@ParameterizedTest(name = "{0} in 军门: rule {1}")
	@CsvSource(textBlock = """
			2025-12-31, 0
			2026-01-01, 1
			2026-06-30, 1
			2026-07-01, 2
			2026-12-31, 2
			2027-03-01, 2
			""")
	void theRuleInForceForThePeriodAndTheMostSpecificTerritoryWins(LocalDate day, long ruleId) {
		assertThat(SubsidyRules.ruleFor(RULES, JUNMEN, day).map(Rule::id).orElse(0L)).isEqualTo(ruleId);
	}

	@Test
	void outsideTheDistrictTheCityRuleHoldsAndEndsWithItsPeriod() {
		assertThat(SubsidyRules.ruleFor(RULES, JINAN, DAY).map(Rule::id)).contains(1L);
		assertThat(SubsidyRules.ruleFor(RULES, JINAN, LocalDate.of(2027, 1, 1))).isEmpty();
		assertThat(SubsidyRules.subsidy(RULES, elder(75), JINAN, LocalDate.of(2027, 1, 1), y("12"), BigDecimal.ZERO)
			.amount()).isEqualTo(y("0.00"));
	}

	@Test
	void theSourcesShareEverySubsidyToTheFen() {
		Subsidy s = SubsidyRules.subsidy(RULES, elder(70, DinerCategory.SPECIAL_HARDSHIP), JUNMEN, DAY, y("12"),
				y("96.67"));
		assertThat(s.amount()).isEqualTo(y("3.33"));
		assertThat(s.ruleId()).isEqualTo(2L);
		assertThat(s.parts()).containsExactly(new Part("CITY_FUND", y("1.67")), new Part("DISTRICT_FUND", y("1.00")),
				new Part("CHARITY", y("0.66")));
		assertThat(s.parts().stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(s.amount());
		Subsidy city = SubsidyRules.subsidy(RULES, elder(82), JINAN, DAY, y("12"), BigDecimal.ZERO);
		assertThat(city.parts()).containsExactly(new Part("CITY_FUND", y("2.40")), new Part("DISTRICT_FUND", y("1.60")));
	}

	@Test
	void aWalkInGetsNoSubsidy() {
		Subsidy s = SubsidyRules.subsidy(RULES, null, JUNMEN, DAY, y("12"), BigDecimal.ZERO);
		assertThat(s.amount()).isEqualTo(y("0.00"));
		assertThat(s.ruleId()).isNull();
		assertThat(s.parts()).isEmpty();
	}

	@Test
	void ageBands() {
		assertThat(AgeBand.ofAge(59)).isEmpty();
		assertThat(AgeBand.ofAge(60)).contains(AgeBand.FROM_60);
		assertThat(AgeBand.ofAge(79)).contains(AgeBand.FROM_70);
		assertThat(AgeBand.ofAge(80)).contains(AgeBand.FROM_80);
		assertThat(AgeBand.ofAge(120)).contains(AgeBand.FROM_90);
		assertThat(AgeBand.of(LocalDate.of(1946, 12, 8), DAY)).contains(AgeBand.FROM_70);
		assertThat(AgeBand.of(LocalDate.of(1946, 12, 7), DAY)).contains(AgeBand.FROM_80);
		assertThat(AgeBand.of(null, DAY)).isEmpty();
	}

	@Test
	void theRulesDataIsChecked() {
		assertThat(SubsidyRules.problems(CITY_2026)).isEmpty();
		assertThat(SubsidyRules.problems(GULOU_H2)).isEmpty();
		Rule bad = new Rule(3, "x", DAY, DAY.minusDays(1), y("-1"), List.of(), List.of(new Source("CITY_FUND", y("0.9"))));
		assertThat(SubsidyRules.problems(bad)).containsExactly("meals.rule.error.territory", "meals.rule.error.period",
				"meals.rule.error.amount", "meals.rule.error.shares");
	}
}
