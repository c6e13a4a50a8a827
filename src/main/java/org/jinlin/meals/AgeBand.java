package org.jinlin.meals;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** The age bands meal subsidies are tiered by: 60–69, 70–79, 80–89, 90 and over. */
public enum AgeBand {
	FROM_60, FROM_70, FROM_80, FROM_90;

	/** The band of an age in whole years; none below 60. */
	public static Optional<AgeBand> ofAge(int years) {
		if (years < 60) {
			return Optional.empty();
		}
		if (years >= 90) {
			return Optional.of(FROM_90);
		}
		return Optional.of(values()[(years - 60) / 10]);
	}

	/** The band of someone born on {@code birthDate}, on {@code day}; none without a birth date or below 60. */
	public static Optional<AgeBand> of(LocalDate birthDate, LocalDate day) {
		if (birthDate == null || day == null || birthDate.isAfter(day)) {
			return Optional.empty();
		}
		return ofAge(Period.between(birthDate, day).getYears());
	}
}
