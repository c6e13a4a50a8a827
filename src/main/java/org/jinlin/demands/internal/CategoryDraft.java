package org.jinlin.demands.internal;

import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;

import java.util.List;

/** What an administrator submits to create or change a category. */
public record CategoryDraft(String code, String name, String nameEn, String description, String group,
		String keywords, HandlingLevel handlingLevel, String departmentCode, Urgency urgency, Integer signDeadline,
		DeadlineUnit signDeadlineUnit, Integer handleDeadline, DeadlineUnit handleDeadlineUnit, Boolean active,
		List<AttributeDraft> attributes) {

	public CategoryDraft {
		attributes = attributes == null ? List.of() : List.copyOf(attributes);
	}

	/**
	 * One question; {@code choices} holds one {@code key=label} per line, {@code urgentAnswers} one
	 * {@code key=sign minutes,handle minutes,numbers} per line (see {@link UrgentAnswers}).
	 */
	public record AttributeDraft(String code, AttributeType datatype, Boolean required, String description,
			String descriptionEn, String choices, String urgentAnswers) {
	}
}
