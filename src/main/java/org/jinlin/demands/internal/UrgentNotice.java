package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the pages say about a demand raised with an urgent answer: the question and the answer as the resident saw
 * them, the deadlines in minutes, the emergency numbers to call at once, and whether (when, by whom) staff confirmed
 * that help is on the way.
 */
public record UrgentNotice(String question, String answer, int signMinutes, int handleMinutes,
		List<String> callNumbers, Instant confirmedAt, String confirmedBy) {

	/** Staff have called the resident and confirmed that help is on the way. */
	public boolean confirmed() {
		return confirmedAt != null;
	}

	static UrgentNotice of(UrgentAnswer u, DemandCategory category, DemandStep confirmation) {
		CategoryAttribute q = category == null ? null
				: category.attributes().stream().filter(a -> a.code().equals(u.attributeCode())).findFirst().orElse(null);
		String answer = q == null ? u.choiceKey()
				: q.choices().stream().filter(c -> c.key().equals(u.choiceKey())).map(CategoryAttribute.Choice::label)
					.findFirst().orElse(u.choiceKey());
		return new UrgentNotice(q == null ? u.attributeCode() : q.description(), answer, u.signMinutes(),
				u.handleMinutes(), u.callNumbers(), confirmation == null ? null : confirmation.at(),
				confirmation == null ? null : confirmation.actor());
	}
}
