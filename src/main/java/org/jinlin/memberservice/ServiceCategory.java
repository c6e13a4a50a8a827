package org.jinlin.memberservice;

import java.util.Arrays;
import java.util.Optional;

/** Service categories: the five helps (children, education, medical care, the elderly, hardship) and others. */
public enum ServiceCategory {
	CHILDREN, EDUCATION, MEDICAL, ELDERLY, HARDSHIP, GREENERY, SAFETY, OTHER;

	public static Optional<ServiceCategory> parse(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.trim())).findFirst();
	}
}
