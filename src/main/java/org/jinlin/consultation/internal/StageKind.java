package org.jinlin.consultation.internal;

/** The kinds of stage a procedure is made of; the last two publish rather than decide. */
public enum StageKind {

	/** 党组织提议: the party organisation proposes (recorded, no vote). */
	PARTY_PROPOSAL,
	/** 两委会议商议: the two committees discuss. */
	COMMITTEES,
	/** 党员大会审议: the party members' meeting reviews. */
	PARTY_MEMBERS,
	/** 居民(代表)会议决议: the residents' (representatives') meeting decides. */
	RESIDENTS_DECISION,
	/** 议事会: the deliberation council meets. */
	COUNCIL_MEETING,
	/** 听证会: the hearing. */
	HEARING,
	/** 线上表决: the eligible residents vote online. */
	ONLINE_VOTE,
	/** 决议公开: the decision is published on the community's board. */
	DECISION_PUBLICATION,
	/** 实施结果公开: the result of the implementation is published. */
	RESULT_PUBLICATION;

	public boolean publication() {
		return this == DECISION_PUBLICATION || this == RESULT_PUBLICATION;
	}
}
