package org.jinlin.eldercare;

/**
 * An emergency contact of an elder, in priority order (1 = call first). The phone is in clear: for system
 * use (notifying the family) and the audited protocol only; lists show {@code Masking.phone}.
 */
public record EmergencyContact(int priority, String name, String relation, String phone, Long accountId) {

	/** Never prints the phone. */
	@Override
	public String toString() {
		return "EmergencyContact[priority=" + priority + ", relation=" + relation + ", accountId=" + accountId + "]";
	}
}
