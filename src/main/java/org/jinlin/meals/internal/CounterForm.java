package org.jinlin.meals.internal;

import java.util.List;

/**
 * The counter page's sale: the diner by id (picked from a name search) or by card (neither: a walk-in), the menu
 * items of today chosen ({@code null} or empty: the standard set meal of the day) and the idempotency key the form
 * carries from the preview to the confirmation, so a double submit never charges twice.
 */
public record CounterForm(Long dinerId, String cardNumber, List<Long> items, String idempotencyKey) {
}
