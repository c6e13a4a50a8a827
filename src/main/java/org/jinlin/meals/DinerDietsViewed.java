package org.jinlin.meals;

import java.time.Instant;

/**
 * Staff viewed a diner's diet needs and allergies (health-like data) on her page. Recorded by the audit log under
 * her jurisdiction ({@code territoryPath}). Carries no personal data.
 */
public record DinerDietsViewed(long dinerId, String territoryPath, String viewer, String purpose, Instant at) {
}
