package org.jinlin.eldercare.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GB/T 42195-2022 scoring, level bands and upgrade rules, the risk level and the visit plan. */
class CareRulesTests {

	static int[] full() {
		return CareRules.ITEMS.stream().mapToInt(CareRules.Item::max).toArray();
	}

	/** Item scores adding up to {@code total}, taking points off from the last item backwards. */
	static int[] scoring(int total) {
		int[] s = full();
		int off = CareRules.MAX_TOTAL - total;
		for (int i = s.length - 1; i >= 0 && off > 0; i--) {
			int d = Math.min(off, s[i]);
			s[i] -= d;
			off -= d;
		}
		return s;
	}

	@Test
	void twentySixItemsInFourDomainsAddUpToNinety() {
		assertThat(CareRules.ITEMS).hasSize(26);
		assertThat(CareRules.ITEMS.stream().filter(i -> i.domain() == CareRules.Domain.SELF_CARE)).hasSize(8);
		assertThat(CareRules.ITEMS.stream().filter(i -> i.domain() == CareRules.Domain.BASIC_MOTOR)).hasSize(4);
		assertThat(CareRules.ITEMS.stream().filter(i -> i.domain() == CareRules.Domain.MENTAL_STATE)).hasSize(9);
		assertThat(CareRules.ITEMS.stream().filter(i -> i.domain() == CareRules.Domain.PERCEPTION_SOCIAL)).hasSize(5);
		assertThat(Arrays.stream(full()).sum()).isEqualTo(90);
		CareRules.Result r = CareRules.assess(full(), false, false, 0);
		assertThat(r.selfCare() + r.basicMotor() + r.mentalState() + r.perceptionSocial()).isEqualTo(90);
		assertThat(r.selfCare()).isEqualTo(32);
		assertThat(r.basicMotor()).isEqualTo(16);
	}

	@ParameterizedTest(name = "total {0} -> level {1}")
	@CsvSource({ "90,0", "89,1", "66,1", "65,2", "46,2", "45,3", "30,3", "29,4", "0,4" })
	void everyBandBoundary(int total, int level) {
		assertThat(CareRules.level(total)).isEqualTo(level);
		CareRules.Result r = CareRules.assess(scoring(total), false, false, 0);
		assertThat(r.total()).isEqualTo(total);
		assertThat(r.baseLevel()).isEqualTo(level);
		assertThat(r.finalLevel()).isEqualTo(level);
		assertThat(r.upgraded()).isFalse();
	}

	@Test
	void totalsOutsideTheScaleAreRejected() {
		assertThatThrownBy(() -> CareRules.level(91)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CareRules.level(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void itemScoresAreCheckedAgainstTheirMaximum() {
		int[] s = full();
		s[0] = 5; // eating max 4
		s[18] = 2; // aggression max 1
		assertThat(CareRules.invalidItems(s)).containsExactly(0, 18);
		assertThat(CareRules.invalidItems(new int[25])).hasSize(26);
		int[] negative = full();
		negative[25] = -1;
		assertThat(CareRules.invalidItems(negative)).containsExactly(25);
		assertThatThrownBy(() -> CareRules.assess(s, false, false, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dementiaRaisesTheLevelByOne() {
		CareRules.Result r = CareRules.assess(scoring(70), true, false, 0);
		assertThat(r.baseLevel()).isEqualTo(1);
		assertThat(r.finalLevel()).isEqualTo(2);
		assertThat(r.upgradeReasons()).containsExactly("DEMENTIA");
	}

	@Test
	void mentalDisorderRaisesTheLevelByOne() {
		CareRules.Result r = CareRules.assess(scoring(90), false, true, 0);
		assertThat(r.finalLevel()).isEqualTo(1);
		assertThat(r.upgradeReasons()).containsExactly("MENTAL_DISORDER");
	}

	@Test
	void twoRiskEventsRaiseTheLevelButOneDoesNot() {
		assertThat(CareRules.assess(scoring(50), false, false, 1).finalLevel()).isEqualTo(2);
		CareRules.Result r = CareRules.assess(scoring(50), false, false, 2);
		assertThat(r.finalLevel()).isEqualTo(3);
		assertThat(r.upgradeReasons()).containsExactly("RISK_EVENTS");
	}

	@Test
	void severalReasonsRaiseOnceAndNeverAboveFour() {
		CareRules.Result once = CareRules.assess(scoring(40), true, true, 3);
		assertThat(once.baseLevel()).isEqualTo(3);
		assertThat(once.finalLevel()).isEqualTo(4);
		assertThat(once.upgradeReasons()).containsExactly("DEMENTIA", "MENTAL_DISORDER", "RISK_EVENTS");
		CareRules.Result capped = CareRules.assess(scoring(10), true, false, 0);
		assertThat(capped.baseLevel()).isEqualTo(4);
		assertThat(capped.finalLevel()).isEqualTo(4);
	}

	@Test
	void theRiskWindowIsTheThirtyDaysBefore() {
		LocalDate on = LocalDate.of(2026, 6, 30);
		assertThat(CareRules.inRiskWindow(on, on)).isTrue();
		assertThat(CareRules.inRiskWindow(on.minusDays(30), on)).isTrue();
		assertThat(CareRules.inRiskWindow(on.minusDays(31), on)).isFalse();
		assertThat(CareRules.inRiskWindow(on.plusDays(1), on)).isFalse();
	}

	@Test
	void reassessmentIsDueSixMonthsLater() {
		assertThat(CareRules.reassessmentDue(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 7, 31));
		assertThat(CareRules.reassessmentDue(LocalDate.of(2026, 8, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@ParameterizedTest(name = "level {0}, alone {1}, age {2}, alarms {3} -> {4}")
	@CsvSource(nullValues = "null", value = { "null,false,65,0,LOW", "0,false,70,0,LOW", "1,false,70,0,LOW",
			"2,false,70,0,MEDIUM", "3,false,70,0,HIGH", "4,false,70,0,VERY_HIGH", "0,true,70,0,MEDIUM",
			"0,false,80,0,MEDIUM", "0,true,80,0,HIGH", "1,true,86,1,VERY_HIGH", "4,true,90,2,VERY_HIGH",
			"0,false,79,1,MEDIUM" })
	void riskLevel(Integer level, boolean alone, int age, int alarms, RiskLevel expected) {
		assertThat(CareRules.risk(level, alone, age, alarms)).isEqualTo(expected);
	}

	@Test
	void defaultVisitPlan() {
		CareRules.VisitPlan plan = CareRules.VisitPlan.DEFAULT;
		assertThat(plan.interval(true, 80, null)).isEqualTo(Period.ofWeeks(1));
		assertThat(plan.interval(true, 86, 4)).isEqualTo(Period.ofWeeks(1));
		assertThat(plan.interval(true, 79, 0)).isEqualTo(Period.ofWeeks(2));
		assertThat(plan.interval(false, 85, 3)).isEqualTo(Period.ofWeeks(2));
		assertThat(plan.interval(false, 85, 2)).isEqualTo(Period.ofMonths(1));
		assertThat(plan.interval(false, 62, null)).isEqualTo(Period.ofMonths(1));
		assertThat(plan.nextDue(LocalDate.of(2026, 1, 31), false, 62, null)).isEqualTo(LocalDate.of(2026, 2, 28));
	}

	@Test
	void aConfiguredPlanIsFollowed() {
		CareRules.VisitPlan plan = new CareRules.VisitPlan(75, Period.ofDays(3), Period.ofDays(10), Period.ofDays(20));
		assertThat(plan.interval(true, 75, null)).isEqualTo(Period.ofDays(3));
		assertThat(plan.interval(false, 75, 3)).isEqualTo(Period.ofDays(10));
		assertThat(plan.interval(false, 90, 1)).isEqualTo(Period.ofDays(20));
	}

	@Test
	void nextBirthday() {
		LocalDate today = LocalDate.of(2026, 11, 27);
		assertThat(CareRules.nextBirthday(LocalDate.of(1940, 11, 27), today)).isEqualTo(today);
		assertThat(CareRules.nextBirthday(LocalDate.of(1940, 12, 2), today)).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(CareRules.nextBirthday(LocalDate.of(1940, 11, 26), today)).isEqualTo(LocalDate.of(2027, 11, 26));
		assertThat(CareRules.nextBirthday(LocalDate.of(1940, 2, 29), LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2027, 2, 28));
	}
}
