package org.jinlin.consultation.internal;

/**
 * The form a consultation takes (协商形式). Each has its own procedure ({@link Procedure#of}); a secret form
 * stores online ballots without the voter.
 */
public enum ConsultationForm {

	/** 议事会: the community's deliberation council meets and votes. */
	COUNCIL(false),
	/** 听证会: a hearing of the stakeholders, then a vote of the participants. */
	HEARING(false),
	/** 居民代表会议: the residents' representatives decide by secret ballot. */
	REPRESENTATIVES_MEETING(true),
	/** 线上协商: the eligible residents of the community vote online, secretly. */
	ONLINE(true);

	private final boolean secret;

	ConsultationForm(boolean secret) {
		this.secret = secret;
	}

	/** Whether ballots are secret: no voter-to-choice link is stored. */
	public boolean secret() {
		return secret;
	}
}
