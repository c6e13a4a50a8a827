package org.jinlin.servicehours;

import java.math.BigDecimal;

/**
 * A person's standing, derived from the ledger: service hours and points credited, the time-bank balance, and how
 * many times they served and how many problems they solved.
 */
public record ServiceBalance(String personKey, BigDecimal hours, BigDecimal points, BigDecimal timeBank,
		long personTimes, long problemsSolved) {

	public static ServiceBalance none(String personKey) {
		return new ServiceBalance(personKey, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(2), 0, 0);
	}
}
