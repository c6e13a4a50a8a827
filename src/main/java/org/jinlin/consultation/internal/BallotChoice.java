package org.jinlin.consultation.internal;

/** An online ballot's choice. */
public enum BallotChoice {
	FOR, AGAINST, ABSTAIN
}
