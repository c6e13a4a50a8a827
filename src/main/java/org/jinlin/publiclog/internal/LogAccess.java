package org.jinlin.publiclog.internal;

import java.util.Optional;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;

/**
 * The log's permission rules: everything is public except its status, which staff see, and a person's own page,
 * which shows the signed-in person her pseudonym.
 */
public final class LogAccess {

	private LogAccess() {
	}

	public static boolean canSeeStatus(Actor actor) {
		return actor != null && actor.isStaff();
	}

	public static void requireStaff() {
		if (!canSeeStatus(CurrentActor.require())) {
			throw new ForbiddenException("Staff only");
		}
	}

	/**
	 * The key the other modules record this person's public facts under (see {@code PublicFacts}): service hours
	 * credited and reversed and a volunteer's certificates carry the account's user name. Only a person's account
	 * has one: a resident, volunteer or party member, or a staff account linked to a resident. A staff account
	 * without a resident (its work goes on the log without a holder) and an API key have none.
	 */
	public static Optional<String> personKey(Actor actor) {
		if (actor == null || actor.isApiKey() || actor.accountId() == null
				|| (actor.isStaff() && actor.residentId() == null)) {
			return Optional.empty();
		}
		return Optional.of(actor.name());
	}

	/** Whether the actor has a page of her own leaves (the navigation shows it then). */
	public static boolean hasOwnLeaves(Actor actor) {
		return personKey(actor).isPresent();
	}
}
