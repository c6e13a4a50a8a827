package org.jinlin.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.quality.internal.CertificationRules.Draft;
import org.jinlin.quality.internal.CertificationRules.Level;
import org.jinlin.quality.internal.CertificationRules.Standing;
import org.jinlin.quality.internal.CertificationRules.Weighted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The certification rules, table by table: totals, levels from thresholds, validity, standing, checks. */
class CertificationRulesTests {

	static final List<Weighted> CRITERIA = List.of(new Weighted("A", 50, 5), new Weighted("B", 30, 5),
			new Weighted("C", 20, 10));

	static final List<Level> LEVELS = List.of(new Level("FIVE_STAR", new BigDecimal("90.0"), 3),
			new Level("FOUR_STAR", new BigDecimal("80.0"), 3), new Level("THREE_STAR", new BigDecimal("70.0"), 3));

	@ParameterizedTest(name = "A={0} B={1} C={2} → {3}")
	@CsvSource(nullValues = "null", value = { "5, 5, 10, 100.0", "0, 0, 0, 0.0", "4, 4, 8, 80.0", "5, 0, 0, 50.0",
			"3, 4, 7, 68.0", "null, 5, 10, 50.0", "4, 5, 9, 88.0", "2, 1, 3, 32.0" })
	void theTotalIsTheWeightedShareOfTheMaximum(Integer a, Integer b, Integer c, String total) {
		Map<String, Integer> scores = new HashMap<>();
		scores.put("A", a);
		scores.put("B", b);
		scores.put("C", c);
		assertThat(CertificationRules.total(CRITERIA, scores)).isEqualByComparingTo(total);
	}

	@Test
	void theTotalRoundsToOneDecimal() {
		// 1/3 of the weight of a single criterion: 33.33… → 33.3
		assertThat(CertificationRules.total(List.of(new Weighted("X", 1, 3)), Map.of("X", 1))).isEqualTo(new BigDecimal("33.3"));
		assertThat(CertificationRules.total(List.of(new Weighted("X", 1, 3)), Map.of("X", 2))).isEqualTo(new BigDecimal("66.7"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "null", value = { "100.0, FIVE_STAR", "90.0, FIVE_STAR", "89.9, FOUR_STAR", "80.0, FOUR_STAR",
			"79.9, THREE_STAR", "70.0, THREE_STAR", "69.9, null", "0.0, null" })
	void theLevelIsTheHighestThresholdReached(String total, String level) {
		assertThat(CertificationRules.level(new BigDecimal(total), LEVELS).map(Level::code).orElse(null)).isEqualTo(level);
	}

	@ParameterizedTest(name = "{0} + {1} years → {2}")
	@CsvSource({ "2026-03-18, 3, 2029-03-17", "2024-02-29, 3, 2027-02-27", "2026-01-01, 1, 2026-12-31" })
	void aCertificateIsValidForItsYearsLessADay(LocalDate from, int years, LocalDate until) {
		assertThat(CertificationRules.validUntil(from, years)).isEqualTo(until);
	}

	@ParameterizedTest(name = "until {0}, on {1} → {2}")
	@CsvSource({ "2029-03-17, 2026-12-07, VALID", "2029-03-17, 2028-12-17, VALID", "2029-03-17, 2028-12-18, LAPSING",
			"2029-03-17, 2029-03-17, LAPSING", "2029-03-17, 2029-03-18, EXPIRED", "2029-03-17, 2030-01-01, EXPIRED" })
	void aCertificateLapsesInItsLastNinetyDaysAndExpiresAfterItsLastDay(LocalDate until, LocalDate today,
			Standing standing) {
		assertThat(CertificationRules.standing(until, today)).isEqualTo(standing);
	}

	@ParameterizedTest(name = "{0}={1} → {2}")
	@CsvSource(nullValues = "null", value = { "A, 5, null", "A, 0, null", "A, 6, score.A", "A, -1, score.A",
			"C, 10, null", "C, 11, score.C", "Z, 1, scores", "A, null, null" })
	void aScoreIsFromZeroToTheCriterionsMaximum(String code, Integer score, String field) {
		Map<String, Integer> scores = new HashMap<>();
		scores.put(code, score);
		var problems = CertificationRules.scoreProblems(CRITERIA, scores, Map.of());
		assertThat(problems.stream().map(p -> p.field()).findFirst().orElse(null)).isEqualTo(field);
	}

	@Test
	void aLongNoteIsRefused() {
		assertThat(CertificationRules.scoreProblems(CRITERIA, Map.of(), Map.of("A", "x".repeat(1001))))
			.extracting(p -> p.field()).containsExactly("note.A");
		assertThat(CertificationRules.scoreProblems(CRITERIA, Map.of(), Map.of("A", "x".repeat(1000)))).isEmpty();
	}

	@Test
	void unscoredCriteriaAreNamed() {
		Map<String, Integer> scores = new HashMap<>();
		scores.put("A", 3);
		scores.put("B", null);
		assertThat(CertificationRules.unscored(CRITERIA, scores)).containsExactly("B", "C");
	}

	@ParameterizedTest(name = "{0} with {1} bytes {2} → {3}")
	@CsvSource({ "application/pdf, 25504446, true", "image/jpeg, ffd8ffe0, true", "image/png, 89504e47, true",
			"image/png, ffd8ffe0, false", "application/pdf, 3c68746d, false", "text/html, 3c68746d, false",
			"image/gif, 47494638, false" })
	void aFileMustBeOfAnAllowedTypeAndLookLikeIt(String type, String hex, boolean ok) {
		byte[] bytes = java.util.HexFormat.of().parseHex(hex + "00000000");
		assertThat(CertificationRules.fileTypeMatches(type, bytes)).isEqualTo(ok);
	}

	@Test
	void aChecklistNeedsUniqueCodesTextsAndSensibleWeights() {
		Draft good = new Draft("F1", "FACILITIES", "服务设施", "Facilities", "名称", "Name", "材料", "Evidence", 10, 5);
		assertThat(CertificationRules.checklistProblems(List.of(good))).isEmpty();
		assertThat(CertificationRules.checklistProblems(List.of())).extracting(p -> p.field()).containsExactly("criteria");
		assertThat(CertificationRules.checklistProblems(List.of(good, good))).extracting(p -> p.field())
			.containsExactly("criteria[1].code");
		Draft bad = new Draft("f1", "x", " ", "Facilities", "名称", "N".repeat(301), "材料", "Evidence", 0, 11);
		assertThat(CertificationRules.checklistProblems(List.of(bad))).extracting(p -> p.field())
			.containsExactlyInAnyOrder("criteria[0].code", "criteria[0].section", "criteria[0].sectionZh",
					"criteria[0].nameEn", "criteria[0].weight", "criteria[0].maxScore");
	}
}
