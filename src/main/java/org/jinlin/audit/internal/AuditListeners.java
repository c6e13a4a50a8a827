package org.jinlin.audit.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountPermissionsChanged;
import org.jinlin.accounts.AccountStatusChanged;
import org.jinlin.accounts.EnrolmentStepTaken;
import org.jinlin.accounts.ApiKeyIssued;
import org.jinlin.accounts.ApiKeyRevoked;
import org.jinlin.accounts.SignInFailed;
import org.jinlin.accounts.SignInThrottleCleared;
import org.jinlin.accounts.SignInThrottled;
import org.jinlin.accounts.SignedIn;
import org.jinlin.people.ResidentPersonalDataViewed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from other modules' events. Each listener runs in its own transaction
 * after the publishing transaction committed; Spring Modulith's event publication registry
 * keeps the event until the row is written and republishes it after a crash.
 * Never write personal data in clear into {@code detail}.
 */
@Component
@RequiredArgsConstructor
class AuditListeners {

	static final String ACCOUNT = "ACCOUNT";

	static final String API_KEY = "API_KEY";

	static final String RESIDENT = "RESIDENT";

	static final String SIGN_IN_THROTTLE = "SIGN_IN_THROTTLE";

	private final AuditRepository repository;

	/**
	 * Scoped by the resident's territory: the officials answerable for that resident see every
	 * view of her data, whoever made it.
	 */
	@ApplicationModuleListener
	void on(ResidentPersonalDataViewed event) {
		repository.insert(event.at(), event.viewer(), AuditAction.PERSONAL_DATA_VIEWED, RESIDENT,
				Long.toString(event.residentId()), event.territoryPath(), null,
				"purpose=" + AuditRepository.scrub(event.purpose()));
	}

	@ApplicationModuleListener
	void on(org.jinlin.demands.DemandContactViewed event) {
		repository.insert(event.at(), event.viewer(), AuditAction.PERSONAL_DATA_VIEWED, "DEMAND",
				Long.toString(event.demandId()), event.territoryPath(), null, "purpose=call back the resident");
	}

	/** Views of an elder's health data, door-access notes and contact phones (profile reveal or emergency protocol). */
	@ApplicationModuleListener
	void on(org.jinlin.eldercare.ElderCareDataViewed event) {
		repository.insert(event.at(), event.viewer(), AuditAction.PERSONAL_DATA_VIEWED, "ELDER",
				Long.toString(event.elderId()), event.territoryPath(), null,
				"what=" + event.what() + "; purpose=" + AuditRepository.scrub(event.purpose()));
	}

	/** Views of a diner's diet needs and allergies (meal assistance; health-like data) on her page. */
	@ApplicationModuleListener
	void on(org.jinlin.meals.DinerDietsViewed event) {
		repository.insert(event.at(), event.viewer(), AuditAction.PERSONAL_DATA_VIEWED, "DINER",
				Long.toString(event.dinerId()), event.territoryPath(), null,
				"what=DIETS; purpose=" + AuditRepository.scrub(event.purpose()));
	}

	@ApplicationModuleListener
	void on(SignedIn event) {
		repository.insert(event.at(), event.username(), AuditAction.SIGNED_IN, ACCOUNT, event.username(),
				event.territoryPath(), event.remoteAddress(), null);
	}

	@ApplicationModuleListener
	void on(SignInFailed event) {
		repository.insert(event.at(), event.username(), AuditAction.SIGN_IN_FAILED, ACCOUNT, event.username(),
				event.territoryPath(), event.remoteAddress(), event.reason());
	}

	/**
	 * Recorded under the name as typed (the source address for a whole source), so the name's history shows its
	 * failures, the throttle and its end together.
	 */
	@ApplicationModuleListener
	void on(SignInThrottled event) {
		String who = event.accountName() == null ? event.source() : event.accountName();
		repository.insert(event.at(), who, AuditAction.SIGN_IN_THROTTLED, SIGN_IN_THROTTLE, Long.toString(event.throttleId()),
				event.territoryPath(), event.source(), (event.accountName() == null ? "every account; " : "")
						+ "failures=" + event.failures() + "; until=" + event.until());
	}

	@ApplicationModuleListener
	void on(SignInThrottleCleared event) {
		repository.insert(event.at(), event.clearedBy(), AuditAction.SIGN_IN_THROTTLE_CLEARED, SIGN_IN_THROTTLE,
				Long.toString(event.throttleId()), event.territoryPath(), null, "source=" + event.source() + "; account="
						+ (event.accountName() == null ? "(every account)" : event.accountName()));
	}

	@ApplicationModuleListener
	void on(AccountPermissionsChanged event) {
		String detail = "roles=" + event.roles() + "; territory=" + event.territoryCode()
				+ (event.previous() == null ? "; created" : "; before: " + event.previous());
		repository.insert(event.at(), event.changedBy(), AuditAction.PERMISSIONS_CHANGED, ACCOUNT, event.username(),
				event.territoryPath(), null, detail);
	}

	@ApplicationModuleListener
	void on(AccountStatusChanged event) {
		AuditAction action = switch (event.change()) {
			case "ENABLED" -> AuditAction.ACCOUNT_ENABLED;
			case "DISABLED" -> AuditAction.ACCOUNT_DISABLED;
			default -> AuditAction.PASSWORD_RESET;
		};
		repository.insert(event.at(), event.changedBy(), action, ACCOUNT, event.username(), event.territoryPath(), null,
				null);
	}

	@ApplicationModuleListener
	void on(ApiKeyIssued event) {
		repository.insert(event.at(), event.issuedBy(), AuditAction.API_KEY_ISSUED, API_KEY, Long.toString(event.id()),
				event.territoryPath(), null,
				"name=" + event.name() + "; purpose=" + event.purpose() + "; territory=" + event.territoryCode());
	}

	@ApplicationModuleListener
	void on(ApiKeyRevoked event) {
		repository.insert(event.at(), event.revokedBy(), AuditAction.API_KEY_REVOKED, API_KEY, Long.toString(event.id()),
				event.territoryPath(), null, "name=" + event.name());
	}

	/** A resident's sign-up, invitation or password reset; the subject is a user name or a masked phone. */
	@ApplicationModuleListener
	void on(EnrolmentStepTaken event) {
		repository.insert(event.at(), event.actor(), AuditAction.valueOf(event.step().name()), ACCOUNT, event.subject(),
				event.territoryPath(), event.remoteAddress(), event.detail());
	}
}
