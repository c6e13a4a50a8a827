package org.jinlin.people.internal;

/** The full personal data of one resident, in clear; every {@code reveal} is audited. */
public record ResidentPersonalData(long id, String name, String idNumber, String phone) {

	/** Never prints personal values. */
	@Override
	public String toString() {
		return "ResidentPersonalData[id=" + id + "]";
	}
}
