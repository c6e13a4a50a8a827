package org.jinlin.servicehours.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the service ledger.
 *
 * @param pointsPerHour points credited per hour of service
 * @param timeBankCap the most hours a time-bank account may hold
 * @param spendingAge the age from which time-bank hours may be spent on someone's care
 * @param demandHours hours credited to a member or volunteer for a demand handed to them and closed
 * @param visitHours hours credited to a volunteer buddy for a recorded visit
 * @param alarmHours hours credited to a volunteer who reached an elder's alarm
 */
@ConfigurationProperties("jinlin.servicehours")
record ServiceHoursProperties(BigDecimal pointsPerHour, BigDecimal timeBankCap, Integer spendingAge,
		BigDecimal demandHours, BigDecimal visitHours, BigDecimal alarmHours) {

	ServiceHoursProperties {
		pointsPerHour = pointsPerHour == null ? BigDecimal.ONE : pointsPerHour;
		timeBankCap = timeBankCap == null ? new BigDecimal("1500") : timeBankCap;
		spendingAge = spendingAge == null ? 60 : spendingAge;
		demandHours = demandHours == null ? BigDecimal.ONE : demandHours;
		visitHours = visitHours == null ? BigDecimal.ONE : visitHours;
		alarmHours = alarmHours == null ? BigDecimal.ONE : alarmHours;
	}
}
