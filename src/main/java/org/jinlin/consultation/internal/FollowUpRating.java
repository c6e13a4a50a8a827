package org.jinlin.consultation.internal;

/** A resident's follow-up rating of a published result: 满意, 基本满意, 不满意. */
public enum FollowUpRating {
	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
