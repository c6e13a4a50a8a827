package org.jinlin.audit.internal;

/**
 * What an audit event records. {@code ACCOUNT_LOCKED} is no longer written (sign-in throttling replaced the
 * per-account lock-out) and stays for the rows written before.
 */
public enum AuditAction {
	SIGNED_IN, SIGN_IN_FAILED, ACCOUNT_LOCKED, PERMISSIONS_CHANGED, ACCOUNT_ENABLED, ACCOUNT_DISABLED, PASSWORD_RESET,
	API_KEY_ISSUED, API_KEY_REVOKED, PERSONAL_DATA_VIEWED, SIGN_IN_THROTTLED, SIGN_IN_THROTTLE_CLEARED,
	// a resident's enrolment, named as the accounts module's EnrolmentStep
	CODE_SENT, SIGN_UP_REQUESTED, SIGN_UP_MATCHED, SIGN_UP_QUEUED, SIGN_UP_CONFIRMED, SIGN_UP_REJECTED, INVITATION_ISSUED,
	INVITATION_USED, PASSWORD_RESET_BY_CODE
}
