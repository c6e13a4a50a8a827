package org.jinlin.servicehours;

import java.math.BigDecimal;

/**
 * The service hours of a territory and month: the {@code records} counted (service records delivered in the month,
 * not reversed), their {@code hours}, the territory's official resident {@code population} and the hours per 1,000
 * residents (one decimal), {@code null} without a population to divide by — never 0 for nothing.
 */
public record HoursFigure(long records, BigDecimal hours, Long population, Double perThousand) {
}
