package org.jinlin.servicehours.internal;

/** For whom time-bank hours are spent: the holder, a spouse or a parent (the time-bank rule). */
public enum Relation {
	SELF, SPOUSE, PARENT
}
