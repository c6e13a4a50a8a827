package org.jinlin.demands;

/** How handling ended: the problem was solved, or it could not be and the resident got an explanation. */
public enum Outcome {
	RESOLVED, EXPLAINED
}
