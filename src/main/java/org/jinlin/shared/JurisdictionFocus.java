package org.jinlin.shared;

import java.io.Serial;
import java.io.Serializable;

/**
 * The jurisdiction picker's choice: an official bound to a high node (city, district, street)
 * narrows the browser UI to a node below it. Kept in the HTTP session (which lives in the
 * database, so every instance sees it) and applied by {@link CurrentActor} to browser requests
 * only; the stateless JSON API never sees it.
 * <p>
 * A focus can only narrow: it applies only to the account that chose it and only when the
 * account's own jurisdiction covers the focused node; anything else is ignored.
 *
 * @param accountId the account that chose the focus
 * @param territoryId the focused node
 * @param territoryPath its materialized path
 * @param territoryName its name, for the navigation bar
 */
public record JurisdictionFocus(long accountId, long territoryId, String territoryPath, String territoryName)
		implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Session attribute holding the focus. */
	public static final String SESSION_ATTRIBUTE = "jinlin.jurisdictionFocus";

	/** Request attribute set by the browser filter chain from the session; read by {@link CurrentActor}. */
	public static final String REQUEST_ATTRIBUTE = "jinlin.jurisdictionFocus.request";

	public JurisdictionFocus {
		new Jurisdiction(territoryPath); // validates the path
	}

	/** The actor narrowed to this focus, or the actor unchanged when the focus does not apply to it. */
	public Actor applyTo(Actor actor) {
		if (actor.isApiKey() || actor.accountId() == null || actor.accountId() != accountId
				|| !actor.covers(territoryPath)) {
			return actor;
		}
		return actor.narrowedTo(territoryId, territoryPath);
	}
}
