package org.jinlin.meals;

/** An elder was enrolled as a diner (by staff, or by herself in the app). */
public record DinerEnrolled(long dinerId, long residentId, String territoryPath, DinerCategory category,
		boolean homeDelivery, String enrolledBy) {
}
