package org.jinlin.demands.internal;

/** Why a handling unit returns a demand to its dispatcher. */
public enum ReturnReason {
	WRONG_AREA, NOT_OUR_RESPONSIBILITY, OTHER
}
