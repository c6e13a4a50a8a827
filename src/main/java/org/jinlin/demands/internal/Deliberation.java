package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

/** Where the deliberation of a public matter stands: support, opposition, comments and meetings. */
public record Deliberation(long demandId, long support, long oppose, Stance myStance, List<Comment> comments,
		List<Meeting> meetings) {

	public enum Stance {
		SUPPORT, OPPOSE
	}

	/** A resident's or worker's comment; the name is masked. */
	public record Comment(long id, String displayName, String text, Instant at) {
	}
}
