package org.jinlin.meals;

/** What happened at a door: the meal handed over, refused, or nobody opened. */
public enum DeliveryOutcome {
	DELIVERED, REFUSED, NOBODY_HOME
}
