package org.jinlin.meals.internal;

import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/**
 * Who may do what with meal assistance: staff read the diners of their jurisdiction; a canteen operator the diners of
 * the places she operates, and nothing else; a place's counter terminal (an API key of purpose CANTEEN bound to the
 * place) and its operators record sales there. The services, the pages and the navigation apply these same rules.
 */
public final class MealsAccess {

	private MealsAccess() {
	}

	/** Staff (their jurisdiction) and canteen operators (their places) read diners. */
	public static boolean canReadDiners(Actor actor) {
		return !actor.isApiKey() && (AccessRules.staff(actor) || isOperator(actor));
	}

	/** A canteen operator (an account, never a key). */
	public static boolean isOperator(Actor actor) {
		return !actor.isApiKey() && actor.has(Role.CANTEEN_OPERATOR) && !AccessRules.staff(actor);
	}

	/** A counter terminal key. */
	public static boolean isTerminal(Actor actor) {
		return actor.isApiKey() && ApiKeyPurpose.CANTEEN.name().equals(actor.apiKeyPurpose());
	}

	/** Terminals and operators sell at the counter (at their own place). */
	public static boolean canSell(Actor actor) {
		return isTerminal(actor) || isOperator(actor);
	}

	/** The current actor if she may read diners, else 403. */
	public static Actor dinerReader() {
		return AccessRules.require(MealsAccess::canReadDiners, "Only staff and canteen operators see the diners");
	}

	/** The current actor if she may sell, else 403. */
	public static Actor seller() {
		return AccessRules.require(MealsAccess::canSell, "Only a canteen's terminal or operator records sales");
	}

	/** The key name of a terminal actor ({@code apikey:<name>}). */
	static String keyName(Actor actor) {
		return actor.name().startsWith("apikey:") ? actor.name().substring("apikey:".length()) : actor.name();
	}
}
