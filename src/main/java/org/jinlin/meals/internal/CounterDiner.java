package org.jinlin.meals.internal;

import org.jinlin.meals.DinerCategory;

/** A diner the counter may pick: her name masked, the end of her card number, her category from the register. */
public record CounterDiner(long id, String name, String cardHint, DinerCategory category) {
}
