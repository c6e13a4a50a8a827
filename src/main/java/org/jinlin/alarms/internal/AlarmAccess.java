package org.jinlin.alarms.internal;

import java.util.Set;

import org.jinlin.alarms.AlarmChannel;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * The alarms' permission rules, in one place for the services, the pages and the navigation. Who may see an
 * alarm: staff whose jurisdiction covers the elder's home, anyone in its dispatch chain, device and integration
 * keys of the area, and the elder herself.
 */
public final class AlarmAccess {

	/** API key purposes that may raise alarms. */
	static final Set<String> RAISING_KEYS = Set.of("DEVICE", "INTEGRATION");

	/** API key purposes that may read alarms. */
	static final Set<String> READING_KEYS = Set.of("DEVICE", "INTEGRATION", "READ");

	/** Who may manage responders: community workers, street/district/city officials and administrators. */
	static final Role[] MANAGERS = { Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
			Role.CITY_OFFICIAL, Role.ADMINISTRATOR };

	private AlarmAccess() {
	}

	/** The alarm desk: staff and volunteers, and reading API keys. */
	public static boolean desk(Actor actor) {
		return actor.isApiKey() ? READING_KEYS.contains(actor.apiKeyPurpose())
				: AccessRules.staffOr(Role.VOLUNTEER).test(actor);
	}

	/** The elder's help page: residents. */
	public static boolean help(Actor actor) {
		return AccessRules.anyOf(Role.RESIDENT).test(actor);
	}

	/** Managing responders and the rota. */
	public static boolean manager(Actor actor) {
		return actor.hasAny(MANAGERS);
	}

	/** Staff who act on alarms in person (never an API key). */
	public static boolean deskStaff(Actor actor) {
		return actor.isStaff() && !actor.isApiKey();
	}

	/** How this actor raises an alarm, or 403 if it may not. */
	static AlarmChannel channel(Actor actor) {
		if (actor.isApiKey()) {
			if (!RAISING_KEYS.contains(actor.apiKeyPurpose())) {
				throw new ForbiddenException("This API key cannot raise alarms");
			}
			return AlarmChannel.DEVICE;
		}
		if (actor.isStaff()) {
			return AlarmChannel.PHONE_CALL;
		}
		if (actor.has(Role.RESIDENT) && actor.residentId() != null) {
			return AlarmChannel.HELP_BUTTON;
		}
		throw new ForbiddenException("This account cannot raise alarms");
	}

	static void requireReader(Actor actor) {
		if (actor.isApiKey() && !READING_KEYS.contains(actor.apiKeyPurpose())) {
			throw new ForbiddenException("This API key cannot read alarms");
		}
		if (!actor.isApiKey() && !actor.isStaff() && !actor.has(Role.VOLUNTEER)) {
			throw new ForbiddenException("This account has no alarm desk");
		}
	}

	/** Acknowledging: a responder of the chain, or staff of the area. */
	static void requireResponder(Actor actor, String path, boolean inChain) {
		if (!inChain && !(deskStaff(actor) && actor.covers(path))) {
			throw new ForbiddenException("Only responders of this alarm or staff of the area acknowledge it");
		}
	}

	/** The later steps: only the responder who took the alarm (409 while nobody has). */
	static void requireTaker(Actor actor, AlarmRepository.AlarmRow a, String conflictMessage) {
		if (!actor.name().equals(a.responderUsername())) {
			if (a.responderUsername() == null) {
				throw new ConflictException(conflictMessage);
			}
			throw new ForbiddenException("Only the responder who took the alarm reports this");
		}
	}

	/** Family calls and notices: staff, or the responder who took the alarm. */
	static boolean family(Actor actor, AlarmRepository.AlarmRow a) {
		return actor.isStaff() || actor.name().equals(a.responderUsername());
	}
}
