package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.List;

import org.jinlin.meals.DinerCategory;

/**
 * A diner on her own page and in the API: her name masked, the category from the register, her diet codes (the
 * allergies only as a mark; revealed apart, audited), delivery, pause, and when eligibility is next checked.
 */
public record DinerDetail(long id, long residentId, String name, String communityCode, Long placeId,
		DinerCategory category, List<String> diets, boolean homeDelivery, LocalDate pausedFrom, LocalDate resumeOn,
		boolean pausedToday, LocalDate recheckDue, boolean recheckPastDue) {
}
