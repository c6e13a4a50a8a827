package org.jinlin.demands;

/** The resident's evaluation (评事). */
public enum Rating {
	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

	public boolean counts() {
		return this != UNSATISFIED;
	}
}
