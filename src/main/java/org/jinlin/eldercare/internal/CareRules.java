package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of home-based care, free of Spring and the database: the GB/T 42195-2022 ability assessment
 * (26 items, four domains, total 0-90, levels 0-4 and the upgrade rules), the derived risk level, the visit
 * plan and the reassessment date.
 * <p>
 * <b>Item table.</b> The item list follows GB/T 42195-2022 (老年人能力评估规范) Appendix B: self-care 8 items,
 * basic motor 4, mental state 9, perception and social participation 5. The standard's text could not be
 * retrieved here, so the per-item maximum scores are a documented reconstruction chosen to give the standard's
 * total of 90: self-care 8 x 4 = 32, basic motor 4 x 4 = 16, mental state 27 (six cognitive items x 4, aggression 1,
 * depressive symptoms 1, consciousness 1), perception and social participation 15 (vision 2, hearing 2, daily
 * affairs 4, going out by transport 3, social interaction 4). Correcting an item's maximum is a one-line change in
 * {@link #ITEMS}; the level bands and upgrade rules do not depend on it.
 */
public final class CareRules {

	private CareRules() {
	}

	/** The four first-level indicators. */
	public enum Domain {
		SELF_CARE, BASIC_MOTOR, MENTAL_STATE, PERCEPTION_SOCIAL
	}

	/** One second-level indicator: a message key suffix, its domain and its maximum score. */
	public record Item(String code, Domain domain, int max) {
	}

	public static final List<Item> ITEMS = List.of(
			// 自理能力
			new Item("eating", Domain.SELF_CARE, 4), new Item("grooming", Domain.SELF_CARE, 4),
			new Item("bathing", Domain.SELF_CARE, 4), new Item("dressingUpper", Domain.SELF_CARE, 4),
			new Item("dressingLower", Domain.SELF_CARE, 4), new Item("urinaryContinence", Domain.SELF_CARE, 4),
			new Item("bowelContinence", Domain.SELF_CARE, 4), new Item("toileting", Domain.SELF_CARE, 4),
			// 基础运动能力
			new Item("bedMobility", Domain.BASIC_MOTOR, 4), new Item("bedChairTransfer", Domain.BASIC_MOTOR, 4),
			new Item("walking", Domain.BASIC_MOTOR, 4), new Item("stairs", Domain.BASIC_MOTOR, 4),
			// 精神状态
			new Item("timeOrientation", Domain.MENTAL_STATE, 4), new Item("placeOrientation", Domain.MENTAL_STATE, 4),
			new Item("personOrientation", Domain.MENTAL_STATE, 4), new Item("memory", Domain.MENTAL_STATE, 4),
			new Item("comprehension", Domain.MENTAL_STATE, 4), new Item("expression", Domain.MENTAL_STATE, 4),
			new Item("aggression", Domain.MENTAL_STATE, 1), new Item("depression", Domain.MENTAL_STATE, 1),
			new Item("consciousness", Domain.MENTAL_STATE, 1),
			// 感知觉与社会参与
			new Item("vision", Domain.PERCEPTION_SOCIAL, 2), new Item("hearing", Domain.PERCEPTION_SOCIAL, 2),
			new Item("dailyAffairs", Domain.PERCEPTION_SOCIAL, 4), new Item("transport", Domain.PERCEPTION_SOCIAL, 3),
			new Item("socialInteraction", Domain.PERCEPTION_SOCIAL, 4));

	/** The city's zone: days, ages and birthdays are counted in it. */
	public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	/** Today in the city's zone. */
	public static java.time.LocalDate today() {
		return java.time.LocalDate.now(ZONE);
	}

	/** Age in whole years today, or null without a birth date. */
	static Integer age(java.time.LocalDate birthDate) {
		return birthDate == null ? null : Period.between(birthDate, java.time.LocalDate.now(ZONE)).getYears();
	}

	public static final int ITEM_COUNT = 26;

	static final int MAX_TOTAL = 90;

	/** The highest (most dependent) level. */
	static final int MAX_LEVEL = 4;

	/** Window of the care-risk-event upgrade rule. */
	static final int RISK_EVENT_WINDOW_DAYS = 30;

	static final int RISK_EVENTS_FOR_UPGRADE = 2;

	/** Reassessment is due this long after the last assessment. */
	static final Period REASSESSMENT_INTERVAL = Period.ofMonths(6);

	/**
	 * The level by total score: 0 (能力完好) at 90, 1 (轻度失能) 66-89, 2 (中度失能) 46-65, 3 (重度失能) 30-45,
	 * 4 (完全失能) 0-29.
	 */
	static int level(int total) {
		if (total < 0 || total > MAX_TOTAL) {
			throw new IllegalArgumentException("Total score out of range 0.." + MAX_TOTAL + ": " + total);
		}
		if (total == MAX_TOTAL) {
			return 0;
		}
		if (total >= 66) {
			return 1;
		}
		if (total >= 46) {
			return 2;
		}
		if (total >= 30) {
			return 3;
		}
		return 4;
	}

	/** An assessment's result. */
	public record Result(int selfCare, int basicMotor, int mentalState, int perceptionSocial, int total, int baseLevel,
			int finalLevel, List<String> upgradeReasons) {

		public boolean upgraded() {
			return finalLevel > baseLevel;
		}
	}

	/**
	 * Scores an assessment. Upgrade rules: a dementia diagnosis, a mental disorder diagnosis, or two or more
	 * care-risk events (falls, choking, wandering, self-harm ...) in the 30 days before the assessment raise the
	 * level by one, once whatever how many apply, never above 4.
	 *
	 * @param scores the 26 item scores in {@link #ITEMS} order
	 * @param riskEventsInWindow care-risk events in the 30 days before the assessment
	 * @throws IllegalArgumentException for a wrong count or a score outside 0..max (see {@link #invalidItems})
	 */
	public static Result assess(int[] scores, boolean dementia, boolean mentalDisorder, int riskEventsInWindow) {
		List<Integer> invalid = invalidItems(scores);
		if (!invalid.isEmpty()) {
			throw new IllegalArgumentException("Invalid item scores at " + invalid);
		}
		int[] sums = new int[Domain.values().length];
		for (int i = 0; i < ITEM_COUNT; i++) {
			sums[ITEMS.get(i).domain().ordinal()] += scores[i];
		}
		int total = sums[0] + sums[1] + sums[2] + sums[3];
		int base = level(total);
		List<String> reasons = new ArrayList<>();
		if (dementia) {
			reasons.add("DEMENTIA");
		}
		if (mentalDisorder) {
			reasons.add("MENTAL_DISORDER");
		}
		if (riskEventsInWindow >= RISK_EVENTS_FOR_UPGRADE) {
			reasons.add("RISK_EVENTS");
		}
		int level = reasons.isEmpty() ? base : Math.min(MAX_LEVEL, base + 1);
		return new Result(sums[0], sums[1], sums[2], sums[3], total, base, level, List.copyOf(reasons));
	}

	/** Indexes of scores that are missing or outside 0..max; a wrong array length marks every index. */
	static List<Integer> invalidItems(int[] scores) {
		List<Integer> invalid = new ArrayList<>();
		if (scores == null || scores.length != ITEM_COUNT) {
			for (int i = 0; i < ITEM_COUNT; i++) {
				invalid.add(i);
			}
			return invalid;
		}
		for (int i = 0; i < ITEM_COUNT; i++) {
			if (scores[i] < 0 || scores[i] > ITEMS.get(i).max()) {
				invalid.add(i);
			}
		}
		return invalid;
	}

	/** Whether a risk event on {@code occurredOn} counts for an assessment on {@code assessedOn}. */
	static boolean inRiskWindow(LocalDate occurredOn, LocalDate assessedOn) {
		return !occurredOn.isAfter(assessedOn) && occurredOn.isAfter(assessedOn.minusDays(RISK_EVENT_WINDOW_DAYS + 1L));
	}

	/** Reassessment is due 6 months after the last assessment (earlier after a recorded change in condition). */
	static LocalDate reassessmentDue(LocalDate assessedOn) {
		return assessedOn.plus(REASSESSMENT_INTERVAL);
	}

	/**
	 * The derived risk level: points for the ability level (2 -> 1, 3 -> 2, 4 -> 3), living alone (+1), aged 80 or
	 * more (+1) and any alarm in the recent window (+1); 0 LOW, 1 MEDIUM, 2 HIGH, 3 or more VERY_HIGH.
	 *
	 * @param abilityLevel {@code null} when never assessed
	 */
	static RiskLevel risk(Integer abilityLevel, boolean livingAlone, int age, int recentAlarms) {
		int points = abilityLevel == null ? 0 : Math.max(0, abilityLevel - 1);
		if (livingAlone) {
			points++;
		}
		if (age >= 80) {
			points++;
		}
		if (recentAlarms > 0) {
			points++;
		}
		return RiskLevel.values()[Math.min(points, RiskLevel.VERY_HIGH.ordinal())];
	}

	/**
	 * How often an elder is visited, by configurable rule: living alone and aged {@code aloneAge} or more; living
	 * alone or ability level 3 or more; everybody else.
	 */
	record VisitPlan(int aloneAge, Period aloneAged, Period aloneOrDependent, Period others) {

		/** The default plan: living alone aged 80+ weekly; living alone or level >= 3 every 2 weeks; others monthly. */
		static final VisitPlan DEFAULT = new VisitPlan(80, Period.ofWeeks(1), Period.ofWeeks(2), Period.ofMonths(1));

		Period interval(boolean livingAlone, int age, Integer abilityLevel) {
			if (livingAlone && age >= aloneAge) {
				return aloneAged;
			}
			if (livingAlone || (abilityLevel != null && abilityLevel >= 3)) {
				return aloneOrDependent;
			}
			return others;
		}

		LocalDate nextDue(LocalDate lastVisit, boolean livingAlone, int age, Integer abilityLevel) {
			return lastVisit.plus(interval(livingAlone, age, abilityLevel));
		}
	}

	/** The next birthday on or after {@code today} (29 February falls on 28 February in other years). */
	static LocalDate nextBirthday(LocalDate birthDate, LocalDate today) {
		LocalDate thisYear = birthDate.withYear(today.getYear());
		return thisYear.isBefore(today) ? birthDate.withYear(today.getYear() + 1) : thisYear;
	}
}
