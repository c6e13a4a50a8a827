package org.jinlin.demands.internal;

import java.util.List;

/**
 * A choice of a category's question that puts life or safety at risk (电梯故障 → 有人被困): a demand raised with it
 * is an emergency whose deadlines count calendar minutes, and the resident is told at once which emergency numbers
 * to call.
 *
 * @param attributeCode the question
 * @param choiceKey the answer (a choice's key)
 * @param signMinutes minutes to sign for the demand
 * @param handleMinutes minutes to handle it once signed for
 * @param callNumbers emergency numbers to call at once (119, 120, 110)
 */
public record UrgentAnswer(String attributeCode, String choiceKey, int signMinutes, int handleMinutes,
		List<String> callNumbers) {

	public UrgentAnswer {
		callNumbers = callNumbers == null ? List.of() : List.copyOf(callNumbers);
	}
}
