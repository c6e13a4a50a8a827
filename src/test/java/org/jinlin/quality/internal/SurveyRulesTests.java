package org.jinlin.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.jinlin.quality.internal.SurveyRules.Draft;
import org.jinlin.quality.internal.SurveyRules.ItemDraft;
import org.jinlin.quality.internal.SurveyRules.Quadrant;
import org.jinlin.quality.internal.SurveyRules.Scored;
import org.jinlin.quality.internal.SurveyRules.Status;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The survey rules: valid questionnaires and items, states, scoring per GB/T 19038's approach, quadrants, sampling. */
class SurveyRulesTests {

	static final LocalDate FROM = LocalDate.of(2026, 11, 1);

	static final LocalDate TO = LocalDate.of(2026, 11, 30);

	static ItemDraft likert(String weight) {
		return new ItemDraft("LIKERT", "办理速度满意吗", "响应速度", weight == null ? null : new BigDecimal(weight), List.of());
	}

	static Draft draft(List<ItemDraft> items) {
		return new Draft("鼓楼区诉求办理满意度", "350102", FROM, TO, "DEMANDS_CLOSED", 50, 7L, items);
	}

	static List<String> codes(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
	}

	@Test
	void aCompleteQuestionnaireIsValid() {
		assertThat(SurveyRules.validate(draft(List.of(likert("40"), likert("60"),
				new ItemDraft("CHOICE", "您通过什么渠道反映", "渠道", BigDecimal.ZERO, List.of("电话", "小程序", "上门")))))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', nullValues = "null", textBlock = """
			# case                       ; title ; from       ; to         ; rule           ; size ; expected field:code
			no title                     ;       ; 2026-11-01 ; 2026-11-30 ; DEMANDS_CLOSED ; 50   ; title:quality.survey.title.required
			end before start             ; T     ; 2026-11-30 ; 2026-11-01 ; DEMANDS_CLOSED ; 50   ; periodTo:quality.survey.period.order
			period over a year           ; T     ; 2025-01-01 ; 2026-01-02 ; DEMANDS_CLOSED ; 50   ; periodTo:quality.survey.period.span
			no start                     ; T     ; null       ; 2026-11-30 ; DEMANDS_CLOSED ; 50   ; periodFrom:quality.survey.period.required
			start before 2000            ; T     ; 1999-12-31 ; 2000-01-31 ; DEMANDS_CLOSED ; 50   ; periodFrom:quality.survey.period.range
			end after 2100               ; T     ; 2100-12-01 ; 2101-01-01 ; DEMANDS_CLOSED ; 50   ; periodTo:quality.survey.period.range
			unknown rule                 ; T     ; 2026-11-01 ; 2026-11-30 ; EVERYONE       ; 50   ; samplingRule:quality.survey.sampling.required
			sample of none               ; T     ; 2026-11-01 ; 2026-11-30 ; ALL_RESIDENTS  ; 0    ; sampleSize:quality.survey.sample.range
			sample too large             ; T     ; 2026-11-01 ; 2026-11-30 ; ELDERS_VISITED ; 5001 ; sampleSize:quality.survey.sample.range
			no sample size               ; T     ; 2026-11-01 ; 2026-11-30 ; ELDERS_VISITED ; null ; sampleSize:quality.survey.sample.range
			""")
	void aQuestionnaireHeadIsChecked(String name, String title, String from, String to, String rule, Integer size,
			String expected) {
		Draft d = new Draft(title, "350102", from == null ? null : LocalDate.parse(from),
				to == null ? null : LocalDate.parse(to), rule, size, null, List.of(likert("1")));
		assertThat(codes(SurveyRules.validate(d))).containsExactly(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', nullValues = "null", textBlock = """
			# case                           ; kind   ; text ; dimension ; weight ; options (/-separated)  ; expected field:code
			likert without weight            ; LIKERT ; Q    ; D         ; null   ;                        ; weight:quality.survey.item.weight.range
			likert weight zero               ; LIKERT ; Q    ; D         ; 0      ;                        ; weight:quality.survey.item.weight.scored
			negative weight                  ; LIKERT ; Q    ; D         ; -1     ;                        ; weight:quality.survey.item.weight.range
			weight over 100                  ; LIKERT ; Q    ; D         ; 100.01 ;                        ; weight:quality.survey.item.weight.range
			three decimals                   ; LIKERT ; Q    ; D         ; 1.005  ;                        ; weight:quality.survey.item.weight.range
			likert with options              ; LIKERT ; Q    ; D         ; 10     ; a/b                    ; options:quality.survey.item.options.likert
			no text                          ; LIKERT ;      ; D         ; 10     ;                        ; text:quality.survey.item.text.required
			no dimension                     ; LIKERT ; Q    ;           ; 10     ;                        ; dimension:quality.survey.item.dimension.required
			unknown kind                     ; SCALE  ; Q    ; D         ; 10     ;                        ; kind:quality.survey.item.kind.required
			choice of one option             ; CHOICE ; Q    ; D         ; 0      ; only                   ; options:quality.survey.item.options.count
			scores on some options only      ; CHOICE ; Q    ; D         ; 10     ; a|100/b                ; options:quality.survey.item.options.mixed
			score out of range               ; CHOICE ; Q    ; D         ; 10     ; a|100/b|101            ; options:quality.survey.item.options.invalid
			descriptive choice with weight   ; CHOICE ; Q    ; D         ; 5      ; a/b/c                  ; weight:quality.survey.item.weight.descriptive
			scored choice with weight zero   ; CHOICE ; Q    ; D         ; 0      ; a|100/b|0              ; weight:quality.survey.item.weight.scored
			""")
	void anItemIsChecked(String name, String kind, String text, String dimension, String weight, String options,
			String expected) {
		ItemDraft item = new ItemDraft(kind, text, dimension, weight == null ? null : new BigDecimal(weight),
				options == null ? List.of() : Arrays.asList(options.split("/")));
		assertThat(codes(SurveyRules.validate(item, ""))).containsExactly(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			valid scored choice     ; CHOICE ; 10 ; 很快|100/一般|50/很慢|0
			valid descriptive choice; CHOICE ; 0  ; 电话/小程序
			valid likert            ; LIKERT ; 0.5;
			""")
	void validItemsHaveNoErrors(String name, String kind, String weight, String options) {
		ItemDraft item = new ItemDraft(kind, "Q", "D", new BigDecimal(weight),
				options == null ? List.of() : Arrays.asList(options.split("/")));
		assertThat(SurveyRules.validate(item, "items[0].")).isEmpty();
	}

	@Test
	void itemErrorsNameTheirRowAndAQuestionnaireNeedsAScoredItem() {
		assertThat(codes(SurveyRules.validate(draft(List.of(likert("10"), likert(null))))))
			.containsExactly("items[1].weight:quality.survey.item.weight.range");
		assertThat(codes(SurveyRules.validate(draft(List.of(
				new ItemDraft("CHOICE", "渠道", "渠道", BigDecimal.ZERO, List.of("电话", "上门")))))))
			.containsExactly("items:quality.survey.items.scored");
		assertThat(codes(SurveyRules.validate(draft(List.of())))).containsExactly("items:quality.survey.items.required");
		List<ItemDraft> many = new ArrayList<>();
		for (int i = 0; i <= SurveyRules.MAX_ITEMS; i++) {
			many.add(likert("1"));
		}
		assertThat(codes(SurveyRules.validate(draft(many)))).containsExactly("items:quality.survey.items.many");
		assertThat(codes(SurveyRules.validate(null))).containsExactly("title:quality.survey.title.required");
	}

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(textBlock = """
			DRAFT,  OPEN,   true
			OPEN,   CLOSED, true
			DRAFT,  CLOSED, false
			OPEN,   DRAFT,  false
			CLOSED, OPEN,   false
			CLOSED, DRAFT,  false
			OPEN,   OPEN,   false
			""")
	void statesMoveDraftOpenClosed(Status from, Status to, boolean allowed) {
		assertThat(SurveyRules.canMove(from, to)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "Likert {0} → {1}")
	@CsvSource(textBlock = """
			5, 100
			4, 75
			3, 50
			2, 25
			1, 0
			""")
	void likertAnswersMapLinearlyOntoZeroToHundred(int answer, double score) {
		assertThat(SurveyRules.likertScore(answer)).isEqualTo(score);
	}

	@Test
	void likertOutOfRangeIsRefused() {
		assertThatThrownBy(() -> SurveyRules.likertScore(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SurveyRules.likertScore(6)).isInstanceOf(IllegalArgumentException.class);
	}

	static final List<Scored> ITEMS = List.of(new Scored(1, "响应速度", 30), new Scored(2, "响应速度", 10),
			new Scored(3, "办理结果", 60));

	@Test
	void theIndexIsTheWeightedMeanOfItemMeansOverallAndByDimension() {
		Map<Long, Double> means = Map.of(1L, 80.0, 2L, 40.0, 3L, 50.0);
		// (30×80 + 10×40 + 60×50) / 100 = 58
		assertThat(SurveyRules.index(ITEMS, means)).isEqualTo(58.0);
		// 响应速度: (30×80 + 10×40) / 40 = 70; 办理结果: 50
		assertThat(SurveyRules.indexByDimension(ITEMS, means)).containsExactly(Map.entry("响应速度", 70.0),
				Map.entry("办理结果", 50.0));
		assertThat(SurveyRules.index(ITEMS, Map.of())).isNull();
	}

	@Test
	void theMeanOfResponseScoresIsTheIndexOfTheItemMeans() {
		List<Map<Long, Double>> responses = List.of(Map.of(1L, 100.0, 2L, 25.0, 3L, 75.0),
				Map.of(1L, 50.0, 2L, 75.0, 3L, 0.0), Map.of(1L, 75.0, 2L, 0.0, 3L, 100.0));
		double meanOfScores = responses.stream().mapToDouble(r -> SurveyRules.responseScore(ITEMS, r)).average()
			.orElseThrow();
		Map<Long, Double> means = new HashMap<>();
		for (long id = 1; id <= 3; id++) {
			long item = id;
			means.put(id, responses.stream().mapToDouble(r -> r.get(item)).average().orElseThrow());
		}
		assertThat(SurveyRules.index(ITEMS, means)).isEqualTo(SurveyRules.round1(meanOfScores));
		assertThatThrownBy(() -> SurveyRules.responseScore(ITEMS, Map.of(1L, 100.0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "importance {0}, performance {1} → {2}")
	@CsvSource(textBlock = """
			40, 50, IMPROVE
			40, 90, KEEP
			10, 50, LOW_PRIORITY
			10, 90, POSSIBLE_OVERKILL
			25, 70, KEEP
			""")
	void quadrantsAreSplitAtTheMeans(double importance, double performance, Quadrant expected) {
		assertThat(SurveyRules.quadrant(importance, performance, 25, 70)).isEqualTo(expected);
	}

	@Test
	void responseRateOfNoInvitationsIsNone() {
		assertThat(SurveyRules.rate(0, 0)).isNull();
		assertThat(SurveyRules.rate(2, 3)).isEqualTo(66.7);
	}

	@Test
	void theSampleIsSeededReproducibleDistinctAndInsideThePopulation() {
		List<Long> population = LongStream.rangeClosed(1, 500).boxed().toList();
		List<Long> shuffled = new ArrayList<>(population);
		java.util.Collections.reverse(shuffled);
		List<Long> a = SurveyRules.sample(population, 40, 42);
		assertThat(a).hasSize(40).doesNotHaveDuplicates().isSorted().allMatch(population::contains);
		assertThat(SurveyRules.sample(shuffled, 40, 42)).isEqualTo(a);
		assertThat(SurveyRules.sample(population, 40, 43)).isNotEqualTo(a);
		assertThat(SurveyRules.sample(List.of(3L, 1L, 3L), 10, 1)).containsExactly(1L, 3L);
	}

	@Test
	void optionsAreStoredNormalisedAndALineBreakIsNoOption() {
		assertThat(SurveyRules.normalizedOptions(List.of(" 很好 | 0100 ", "", "一般|50"))).containsExactly("很好|100", "一般|50");
		assertThat(SurveyRules.option("a\nb")).isNull();
		assertThat(SurveyRules.option("a|x")).isNull();
	}
}
