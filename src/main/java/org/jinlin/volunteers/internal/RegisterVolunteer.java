package org.jinlin.volunteers.internal;

import org.jinlin.volunteers.ServiceIntention;

import java.util.List;

/**
 * A registration (志愿者注册) with the fields of the Volunteer Service Regulations: identity, contact, skills, service
 * intentions, available time and the community served. Dates as text (yyyy-MM-dd) so a bad one is a field message.
 *
 * @param onBehalf staff registering someone without an account (the volunteer gets {@code volunteer:<id>})
 */
public record RegisterVolunteer(String name, String idNumber, String gender, String birthDate, String phone, String skills,
		List<String> intentions, String availableTime, String communityCode, Boolean onBehalf) {

	public static RegisterVolunteer empty(String communityCode) {
		return new RegisterVolunteer(null, null, null, null, null, null, List.of(), null, communityCode, false);
	}

	public boolean wants(ServiceIntention i) {
		return intentions != null && intentions.contains(i.name());
	}
}
