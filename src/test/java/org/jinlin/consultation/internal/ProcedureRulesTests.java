package org.jinlin.consultation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jinlin.consultation.internal.ProcedureRules.StageStatus;
import org.jinlin.consultation.internal.ProcedureRules.Tally;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The procedure rules as plain Java, table by table. */
class ProcedureRulesTests {

	static final Procedure FOUR_TWO = Procedure.fourTwo();

	static StageRule stage(StageKind kind) {
		return FOUR_TWO.stages().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
	}

	@ParameterizedTest(name = "{0} {3} of {4}: {5}")
	@CsvSource({
			// numerator, denominator, strict, count, base, met
			"1, 2, true, 6, 10, true", "1, 2, true, 5, 10, false", "1, 2, true, 5, 9, true", "1, 2, true, 4, 9, false",
			"2, 3, false, 7, 10, true", "2, 3, false, 6, 10, false", "2, 3, false, 6, 9, true", "2, 3, false, 5, 9, false",
			"2, 3, false, 0, 0, false", "1, 3, false, 1, 3, true", "0, 1, false, 0, 0, true" })
	void thresholds(int numerator, int denominator, boolean strict, long count, long base, boolean met) {
		assertThat(new Threshold(numerator, denominator, strict).met(count, base)).isEqualTo(met);
	}

	@Test
	void thresholdCodesRoundTrip() {
		for (Threshold t : List.of(Threshold.MORE_THAN_HALF, Threshold.TWO_THIRDS, Threshold.ONE_THIRD, Threshold.NONE)) {
			assertThat(Threshold.parse(t.code())).isEqualTo(t);
		}
	}

	@Test
	void fourTwoIsTheBuiltInTemplate() {
		assertThat(FOUR_TWO.stages()).extracting(StageRule::kind).containsExactly(StageKind.PARTY_PROPOSAL,
				StageKind.COMMITTEES, StageKind.PARTY_MEMBERS, StageKind.RESIDENTS_DECISION, StageKind.DECISION_PUBLICATION,
				StageKind.RESULT_PUBLICATION);
		assertThat(stage(StageKind.PARTY_MEMBERS).quorum()).isEqualTo(Threshold.TWO_THIRDS);
		assertThat(stage(StageKind.PARTY_MEMBERS).pass()).isEqualTo(Threshold.MORE_THAN_HALF);
		assertThat(Procedure.of(ConsultationForm.COUNCIL, true)).isEqualTo(FOUR_TWO);
		for (ConsultationForm form : ConsultationForm.values()) {
			Procedure p = Procedure.of(form, false);
			assertThat(p.stages()).hasSize(3);
			assertThat(p.stages().get(0).votes()).isTrue();
			assertThat(p.stages().get(2).kind()).isEqualTo(StageKind.RESULT_PUBLICATION);
		}
	}

	@ParameterizedTest(name = "{0}: 应到 {1} 实到 {2}, {3}/{4}/{5} → quorum {6}, passed {7}")
	@CsvSource({
			// party members' meeting: two-thirds present, more than half of those present for
			"PARTY_MEMBERS, 30, 20, 11, 5, 4, true, true", "PARTY_MEMBERS, 30, 19, 19, 0, 0, false, false",
			"PARTY_MEMBERS, 30, 20, 10, 10, 0, true, false", "PARTY_MEMBERS, 30, 30, 15, 10, 5, true, false",
			"PARTY_MEMBERS, 30, 30, 16, 10, 4, true, true",
			// residents' representatives: two-thirds present, more than half of those present
			"RESIDENTS_DECISION, 45, 30, 16, 14, 0, true, true", "RESIDENTS_DECISION, 45, 29, 29, 0, 0, false, false",
			// two committees: more than half present and for
			"COMMITTEES, 9, 5, 3, 2, 0, true, true", "COMMITTEES, 9, 4, 4, 0, 0, false, false",
			"COMMITTEES, 9, 9, 4, 0, 5, true, false",
			// the proposal is recorded, not voted
			"PARTY_PROPOSAL, 7, 7, 0, 0, 0, true, true" })
	void stagesPassOnlyWithQuorumAndMajority(StageKind kind, int expected, int present, int yes, int no, int abstain,
			boolean quorum, boolean passed) {
		Tally t = new Tally(expected, present, yes, no, abstain);
		assertThat(ProcedureRules.check(stage(kind), t)).isEmpty();
		assertThat(ProcedureRules.evaluate(stage(kind), t)).isEqualTo(new ProcedureRules.Outcome(quorum, passed));
	}

	@ParameterizedTest(name = "{0}: {1}/{2} {3}/{4}/{5} → {6} on {7}")
	@CsvSource(nullValues = "-", value = {
			"PARTY_MEMBERS, 30, 20, 15, 5, 1, consultation.stage.votes-exceed-present, votesFor",
			"PARTY_MEMBERS, 30, 31, 15, 5, 1, consultation.stage.present-exceeds-expected, present",
			"PARTY_MEMBERS, 0, 0, 0, 0, 0, consultation.stage.expected-positive, expected",
			"PARTY_MEMBERS, -, 0, 0, 0, 0, consultation.stage.count-required, expected",
			"PARTY_MEMBERS, 30, 20, -1, 0, 0, consultation.stage.count-range, votesFor",
			"PARTY_MEMBERS, 30, 20, -, 0, 0, consultation.stage.count-required, votesFor",
			"PARTY_PROPOSAL, 7, 7, 1, 0, 0, consultation.stage.no-vote, votesFor" })
	void figuresThatDoNotAddUpAreRefused(StageKind kind, Integer expected, Integer present, Integer yes, Integer no,
			Integer abstain, String code, String field) {
		List<FieldError> problems = ProcedureRules.check(stage(kind), new Tally(expected, present, yes, no, abstain));
		assertThat(problems).extracting(FieldError::code).contains(code);
		assertThat(problems).extracting(FieldError::field).contains(field);
	}

	@ParameterizedTest(name = "online: {0} eligible, {1}/{2}/{3} → {4}")
	@CsvSource(nullValues = "-", value = { "10, 5, 3, 2, -", "10, 6, 3, 2, consultation.stage.votes-exceed-eligible",
			"0, 0, 0, 0, consultation.stage.expected-positive" })
	void onlineVotesNeverExceedTheEligibleVoters(int eligible, int yes, int no, int abstain, String code) {
		List<FieldError> problems = ProcedureRules.checkOnline(eligible, yes, no, abstain);
		if (code == null) {
			assertThat(problems).isEmpty();
		}
		else {
			assertThat(problems).extracting(FieldError::code).containsExactly(code);
		}
	}

	@ParameterizedTest(name = "statuses {0}, hold {1} → {2}")
	@CsvSource(nullValues = "-", value = {
			"PENDING PENDING PENDING PENDING PENDING PENDING, 0, -",
			"PENDING PENDING PENDING PENDING PENDING PENDING, 1, consultation.stage.out-of-order",
			"PASSED FAILED PENDING PENDING PENDING PENDING, 1, -",
			"PASSED FAILED PENDING PENDING PENDING PENDING, 2, consultation.stage.out-of-order",
			"PASSED PASSED PENDING PENDING PENDING PENDING, 1, consultation.stage.already-passed",
			"PASSED PASSED PASSED FAILED PENDING PENDING, 4, consultation.stage.publish-before-decision",
			"PASSED PASSED PASSED PENDING PENDING PENDING, 5, consultation.stage.publish-before-decision",
			"PASSED PASSED PASSED PASSED PENDING PENDING, 4, -",
			"PASSED PASSED PASSED PASSED PENDING PENDING, 5, consultation.stage.out-of-order",
			"PASSED PASSED PASSED PASSED PASSED PENDING, 5, -",
			"PASSED PASSED PASSED PASSED PASSED PENDING, 6, consultation.stage.unknown" })
	void stagesAreHeldInOrderAndPublishedOnlyAfterTheDecision(String statuses, int index, String refusal) {
		List<StageStatus> s = new ArrayList<>();
		for (String x : statuses.split(" ")) {
			s.add(StageStatus.valueOf(x));
		}
		assertThat(ProcedureRules.refusal(FOUR_TWO, s, index)).isEqualTo(refusal);
	}

	@Test
	void aStageWhoseQuorumFailedIsHeldAgainAndThenPasses() {
		List<StageStatus> s = new ArrayList<>(Collections.nCopies(6, StageStatus.PENDING));
		s.set(0, StageStatus.PASSED);
		s.set(1, StageStatus.PASSED);
		StageRule members = stage(StageKind.PARTY_MEMBERS);
		Tally thin = new Tally(30, 18, 18, 0, 0);
		assertThat(ProcedureRules.refusal(FOUR_TWO, s, 2)).isNull();
		assertThat(ProcedureRules.evaluate(members, thin).passed()).isFalse();
		s.set(2, StageStatus.FAILED);
		assertThat(ProcedureRules.refusal(FOUR_TWO, s, 3)).isEqualTo("consultation.stage.out-of-order");
		assertThat(ProcedureRules.refusal(FOUR_TWO, s, 2)).isNull();
		assertThat(ProcedureRules.evaluate(members, new Tally(30, 24, 20, 3, 1)).passed()).isTrue();
		s.set(2, StageStatus.PASSED);
		assertThat(ProcedureRules.current(s)).isEqualTo(3);
	}
}
