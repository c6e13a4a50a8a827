package org.jinlin.consultation.internal;

import java.util.List;

/**
 * The ordered stages of a consultation. Each form has its own; 四议两公开 (four deliberations, two publications) is
 * the built-in template for a community's major matters: the party organisation proposes, the two committees
 * discuss (more than half of the members present, more than half of them for), the party members' meeting reviews
 * (two-thirds present, more than half of those present for), the residents' (representatives') meeting decides
 * (two-thirds present, more than half of those present for), then the decision and later the result are published.
 */
public record Procedure(String code, List<StageRule> stages) {

	public static final String FOUR_TWO = "FOUR_TWO";

	public Procedure {
		stages = List.copyOf(stages);
	}

	/** 四议两公开. */
	public static Procedure fourTwo() {
		return new Procedure(FOUR_TWO, List.of(StageRule.recorded(StageKind.PARTY_PROPOSAL),
				StageRule.voting(StageKind.COMMITTEES, Threshold.MORE_THAN_HALF, Threshold.MORE_THAN_HALF),
				StageRule.voting(StageKind.PARTY_MEMBERS, Threshold.TWO_THIRDS, Threshold.MORE_THAN_HALF),
				StageRule.voting(StageKind.RESIDENTS_DECISION, Threshold.TWO_THIRDS, Threshold.MORE_THAN_HALF),
				StageRule.recorded(StageKind.DECISION_PUBLICATION), StageRule.recorded(StageKind.RESULT_PUBLICATION)));
	}

	/** The procedure of a form, or 四议两公开 for a major matter. */
	public static Procedure of(ConsultationForm form, boolean fourTwo) {
		if (fourTwo) {
			return fourTwo();
		}
		StageRule deciding = switch (form) {
			case COUNCIL -> StageRule.voting(StageKind.COUNCIL_MEETING, Threshold.MORE_THAN_HALF, Threshold.MORE_THAN_HALF);
			case HEARING -> StageRule.voting(StageKind.HEARING, Threshold.MORE_THAN_HALF, Threshold.MORE_THAN_HALF);
			case REPRESENTATIVES_MEETING ->
				StageRule.voting(StageKind.RESIDENTS_DECISION, Threshold.TWO_THIRDS, Threshold.MORE_THAN_HALF);
			case ONLINE -> StageRule.voting(StageKind.ONLINE_VOTE, Threshold.ONE_THIRD, Threshold.MORE_THAN_HALF);
		};
		return new Procedure(form.name(), List.of(deciding, StageRule.recorded(StageKind.DECISION_PUBLICATION),
				StageRule.recorded(StageKind.RESULT_PUBLICATION)));
	}
}
