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

	/** Staff enrol the elders of their jurisdiction and change their enrolment (never a key). */
	public static boolean canEnrolOthers(Actor actor) {
		return !actor.isApiKey() && AccessRules.staff(actor);
	}

	/** A resident linked to the register enrols herself and manages her own enrolment and meals. */
	public static boolean isSelfDiner(Actor actor) {
		return !actor.isApiKey() && actor.has(Role.RESIDENT) && actor.residentId() != null && !AccessRules.staff(actor);
	}

	/** Staff (others) or a resident (herself) enrol. */
	public static boolean canEnrol(Actor actor) {
		return canEnrolOthers(actor) || isSelfDiner(actor);
	}

	/** The current actor if she may enrol, else 403. */
	public static Actor enroller() {
		return AccessRules.require(MealsAccess::canEnrol, "Only staff and residents linked to the register enrol diners");
	}

	/** The current actor if she is a resident linked to the register (her own meals), else 403. */
	public static Actor selfDiner() {
		return AccessRules.require(MealsAccess::isSelfDiner, "Only a resident linked to the register has meals of her own");
	}

	/** The current actor if she may enrol others (staff), else 403. */
	public static Actor staffEnroller() {
		return AccessRules.require(MealsAccess::canEnrolOthers, "Only staff enrol others");
	}

	/** Menus: any signed-in account (never a key). */
	public static boolean canReadMenus(Actor actor) {
		return !actor.isApiKey();
	}

	/** The current actor if she may read menus, else 403. */
	public static Actor menuReader() {
		return AccessRules.require(MealsAccess::canReadMenus, "API keys do not read menus");
	}

	/** Orders: the elder herself, staff on her behalf, a place's operators (its diners and its day's orders). */
	public static boolean canOrder(Actor actor) {
		return isSelfDiner(actor) || canEnrolOthers(actor) || isOperator(actor);
	}

	/** The current actor if she may order or read orders, else 403. */
	public static Actor orderer() {
		return AccessRules.require(MealsAccess::canOrder, "Only the diner, staff and canteen operators handle orders");
	}

	/** Food safety (samples, flags, kitchen checks): staff of the jurisdiction and the place's operators read it. */
	public static boolean canReadSafety(Actor actor) {
		return canReadDiners(actor);
	}

	/** The current actor if she may read food-safety records, else 403. */
	public static Actor safetyReader() {
		return AccessRules.require(MealsAccess::canReadSafety, "Only staff and canteen operators see food-safety records");
	}

	/** The current actor if she operates a place (logs samples and kitchen checks there), else 403. */
	public static Actor sampleLogger() {
		return AccessRules.require(MealsAccess::isOperator, "Only a place's operator logs samples and kitchen checks");
	}

	/** The street (or above) approves the canteens' monthly statements of its jurisdiction. */
	public static boolean canApproveSettlements(Actor actor) {
		return !actor.isApiKey()
				&& actor.hasAny(Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	/** The current actor if she may approve statements, else 403. */
	public static Actor settlementApprover() {
		return AccessRules.require(MealsAccess::canApproveSettlements, "Only the street approves monthly statements");
	}

	/** The meal figures of a jurisdiction: staff (never a key). */
	public static boolean canReadFigures(Actor actor) {
		return !actor.isApiKey() && AccessRules.staff(actor);
	}

	/** The current actor if she may read the meal figures, else 403. */
	public static Actor figuresReader() {
		return AccessRules.require(MealsAccess::canReadFigures, "Only staff see the meal figures");
	}

	/** The key name of a terminal actor ({@code apikey:<name>}). */
	static String keyName(Actor actor) {
		return actor.name().startsWith("apikey:") ? actor.name().substring("apikey:".length()) : actor.name();
	}
}
