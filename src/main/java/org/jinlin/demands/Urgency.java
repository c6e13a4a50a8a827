package org.jinlin.demands;

/** How urgent a category of demand is; shown in queues and used to order them. */
public enum Urgency {
	NORMAL, URGENT, EMERGENCY
}
