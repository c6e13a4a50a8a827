package org.jinlin.eldercare;

/**
 * The elderly-care indicators other modules may ask for, over the active elders of the register as they stand
 * today (the register keeps each elder's current due dates, not their history):
 * <ul>
 * <li>{@link #ASSESSED_IN_TIME}: assessed, and not past the date of the next assessment, of every active elder;</li>
 * <li>{@link #VISITS_ON_TIME}: not past the date the next visit was due (as the overdue-visits list counts), of the
 * active elders with a visit schedule.</li>
 * </ul>
 */
public enum ElderIndicator {
	ASSESSED_IN_TIME, VISITS_ON_TIME
}
