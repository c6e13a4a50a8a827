package org.jinlin.eldercare;

/** How a visit was made. */
public enum VisitKind {
	HOME_VISIT, PHONE_CHECK_IN, BIRTHDAY_VISIT
}
