package org.jinlin.demands.internal;

import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;

import java.util.List;

/**
 * One category of the catalogue (an Open311 service): where demands of this kind go by default,
 * how urgent they are, the deadlines to sign for and to handle them, and the questions to ask.
 */
public record DemandCategory(long id, String code, String name, String nameEn, String description, String group,
		String keywords, HandlingLevel handlingLevel, Long departmentId, String departmentName, Urgency urgency,
		int signDeadline, DeadlineUnit signDeadlineUnit, int handleDeadline, DeadlineUnit handleDeadlineUnit,
		boolean active, List<CategoryAttribute> attributes) {

	public DemandCategory {
		attributes = attributes == null ? List.of() : List.copyOf(attributes);
	}

	public String localizedName(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
	}
}
