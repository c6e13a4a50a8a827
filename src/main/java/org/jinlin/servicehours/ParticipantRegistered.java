package org.jinlin.servicehours;

import java.time.Instant;

/**
 * Someone registered to serve in a community: a party member or a unit with the community of residence (双报到), or a
 * volunteer. Counted once per person, kind and community in the figures.
 *
 * @param personKey the account user name, {@code unit:<id>} for a unit, or {@code volunteer:<id>}
 * @param kind member, unit or volunteer
 * @param communityId the community registered with
 * @param territoryPath its path
 * @param at when
 */
public record ParticipantRegistered(String personKey, ParticipantKind kind, long communityId, String territoryPath,
		Instant at) {
}
