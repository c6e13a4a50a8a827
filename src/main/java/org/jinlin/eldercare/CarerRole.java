package org.jinlin.eldercare;

/** The account roles of a care circle (family members are the emergency contacts). */
public enum CarerRole {
	COMMUNITY_WORKER, GRID_WORKER, BUDDY
}
