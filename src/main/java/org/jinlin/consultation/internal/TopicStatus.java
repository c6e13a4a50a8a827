package org.jinlin.consultation.internal;

/** Where a topic stands, from proposal to published result. */
public enum TopicStatus {
	/** A resident's proposal gathering supporters. */
	PROPOSED,
	/** Ready to be fixed: enough supporters, or entered by staff or from a demand. */
	ELIGIBLE,
	/** Form, procedure and participants fixed; its stages are being held. */
	FIXED,
	/** Every deciding stage passed: the decision waits to be published. */
	DECIDED,
	/** The decision is published; implementation under way. */
	PUBLISHED,
	/** The result of the implementation is published. */
	COMPLETED,
	/** Withdrawn (not used by the procedure; kept for records entered by mistake). */
	WITHDRAWN
}
