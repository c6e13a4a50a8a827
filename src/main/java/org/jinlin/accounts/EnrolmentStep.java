package org.jinlin.accounts;

/** A step of a resident getting (or regaining) an account, each recorded in the audit log. */
public enum EnrolmentStep {
	/** A one-time code was requested for a phone (sent, or for an unknown phone on password reset, not). */
	CODE_SENT,
	/** A resident asked for an account at {@code /register}. */
	SIGN_UP_REQUESTED,
	/** The sign-up matched exactly one resident of the register: the account was created and linked. */
	SIGN_UP_MATCHED,
	/** The sign-up matched no single resident: it waits for a community worker. */
	SIGN_UP_QUEUED,
	/** A community worker confirmed a waiting sign-up as a resident of the register. */
	SIGN_UP_CONFIRMED,
	/** A community worker rejected a waiting sign-up. */
	SIGN_UP_REJECTED,
	/** Staff created or linked a resident's account and issued a printed invitation. */
	INVITATION_ISSUED,
	/** An invitation was used to set the account's password. */
	INVITATION_USED,
	/** A password was reset with a one-time phone code. */
	PASSWORD_RESET_BY_CODE
}
