package org.jinlin.meals.internal;

import java.math.BigDecimal;

/** A sale in the day's list: the diner's masked name ({@code null}: a walk-in), what was sold and the amounts. */
public record SaleRow(long id, String dinerName, String items, BigDecimal price, BigDecimal subsidy, BigDecimal paid) {
}
