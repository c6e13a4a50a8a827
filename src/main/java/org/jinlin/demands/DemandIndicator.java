package org.jinlin.demands;

/**
 * The demand-handling indicators other modules may ask for, each a rate over the demands raised in a period (merged
 * duplicates left out), defined exactly as on the measures page ({@code DemandMeasures}):
 * <ul>
 * <li>{@link #RESPONSE}: signed for, of those dispatched;</li>
 * <li>{@link #ON_TIME_SIGN}: signed for on time, of those signed for;</li>
 * <li>{@link #ON_TIME_CLOSING}: resolved on time, of those resolved;</li>
 * <li>{@link #RESOLUTION}: resolved with the outcome "resolved" (not only explained), of those resolved;</li>
 * <li>{@link #SATISFACTION}: rated satisfied or basically satisfied and never sent back for rework, of those
 * rated;</li>
 * <li>{@link #REWORK}: sent back for rework at least once, of those resolved (lower is better).</li>
 * </ul>
 */
public enum DemandIndicator {
	RESPONSE, ON_TIME_SIGN, ON_TIME_CLOSING, RESOLUTION, SATISFACTION, REWORK
}
