package org.jinlin.eldercare.internal;

/**
 * Recorded events in an elder's condition. The care-risk events (fall, choking, wandering, self-harm) count
 * for the GB/T 42195-2022 upgrade rule (two or more in 30 days raise the level); every event, including a
 * plain change in condition, makes a reassessment due.
 */
public enum RiskEventKind {
	FALL, CHOKING, WANDERING, SELF_HARM, CONDITION_CHANGE;

	/** Whether the event counts as a care-risk event for the upgrade rule. */
	public boolean careRisk() {
		return this != CONDITION_CHANGE;
	}
}
