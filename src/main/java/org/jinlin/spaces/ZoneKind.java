package org.jinlin.spaces;

/** What a zone of a neighbourhood space is for. */
public enum ZoneKind {
	CHILDREN, NEIGHBOURS_BAR, SPORT, GREEN, CONSULTATION_ROOM, REST_ROOM
}
