package org.jinlin.eldercare;

/** How an elder gets about. */
public enum Mobility {
	INDEPENDENT, WALKING_AID, WHEELCHAIR, BEDRIDDEN
}
