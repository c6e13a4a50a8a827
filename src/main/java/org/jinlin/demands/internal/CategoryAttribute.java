package org.jinlin.demands.internal;

import java.util.List;

/**
 * A question asked when raising a demand of one category (an Open311 attribute).
 *
 * @param choices for single and multiple choice, the allowed answers
 * @param urgentAnswers the choices that make a demand urgent (see {@link UrgentAnswers})
 */
public record CategoryAttribute(String code, AttributeType datatype, boolean required, String description,
		String descriptionEn, List<Choice> choices, int position, List<UrgentAnswer> urgentAnswers) {

	public CategoryAttribute {
		choices = choices == null ? List.of() : List.copyOf(choices);
		urgentAnswers = urgentAnswers == null ? List.of() : List.copyOf(urgentAnswers);
	}

	/** One allowed answer: a stable key and its label. */
	public record Choice(String key, String label) {
	}

	static List<Choice> parseChoices(String lines) {
		if (lines == null || lines.isBlank()) {
			return List.of();
		}
		return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
			int eq = l.indexOf('=');
			return eq < 0 ? new Choice(l, l) : new Choice(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
		}).toList();
	}

	static String formatChoices(List<Choice> choices) {
		return String.join("\n", choices.stream().map(c -> c.key() + "=" + c.label()).toList());
	}
}
