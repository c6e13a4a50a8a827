package org.jinlin.eldercare;

/**
 * A member of an elder's care circle.
 *
 * @param role {@code COMMUNITY_WORKER}, {@code GRID_WORKER}, {@code BUDDY} (party member or volunteer, an account)
 *     or {@code FAMILY} (an emergency contact; {@code accountId} only if the relative has an account)
 * @param accountId the member's account id, if any
 * @param name display name
 */
public record CareCircleMember(String role, Long accountId, String name) {
}
