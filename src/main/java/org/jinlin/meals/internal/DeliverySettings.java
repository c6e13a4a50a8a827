package org.jinlin.meals.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of meal delivery ({@code jinlin.meals.delivery.*}, see application.yml).
 *
 * @param couriers couriers of a place on a day (default 3)
 * @param bagsPerCourier meals one courier carries (default 15)
 * @param hotFoodMinutes the longest from the kitchen to the door (default 45)
 * @param windowStart the lunch delivery window's start (default 11:00)
 * @param windowEnd its end (default 12:30)
 * @param departure when the couriers leave the kitchen (default 10:45)
 * @param handoverSeconds time at each door (default 60)
 * @param cyclingKmh couriers' speed along the streets (default 12)
 * @param solveTime how long the route planner searches (default 5 s)
 */
@ConfigurationProperties("jinlin.meals.delivery")
public record DeliverySettings(Integer couriers, Integer bagsPerCourier, Integer hotFoodMinutes, LocalTime windowStart,
		LocalTime windowEnd, LocalTime departure, Integer handoverSeconds, Double cyclingKmh, Duration solveTime) {

	public DeliverySettings {
		couriers = couriers == null ? 3 : Math.max(1, couriers);
		bagsPerCourier = bagsPerCourier == null ? 15 : Math.max(1, bagsPerCourier);
		hotFoodMinutes = hotFoodMinutes == null ? 45 : Math.max(1, hotFoodMinutes);
		windowStart = windowStart == null ? LocalTime.of(11, 0) : windowStart;
		windowEnd = windowEnd == null ? LocalTime.of(12, 30) : windowEnd;
		departure = departure == null ? LocalTime.of(10, 45) : departure;
		handoverSeconds = handoverSeconds == null ? 60 : Math.max(0, handoverSeconds);
		cyclingKmh = cyclingKmh == null ? 12.0 : cyclingKmh;
		solveTime = solveTime == null ? Duration.ofSeconds(5) : solveTime;
	}
}
