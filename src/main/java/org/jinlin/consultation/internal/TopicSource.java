package org.jinlin.consultation.internal;

/** Where a topic came from. */
public enum TopicSource {
	/** A resident's proposal, eligible once enough residents of the community support it. */
	RESIDENT,
	/** A demand made a public matter. */
	DEMAND,
	/** An alliance unit (共建单位), entered by staff. */
	UNIT,
	/** The community committees (两委), entered by staff. */
	COMMITTEE
}
