package org.jinlin.people.web;

import java.time.LocalDate;
import java.util.Set;

import org.jinlin.people.Gender;
import org.jinlin.people.RegisterResident;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.people.internal.UpdateResident;
import org.springframework.format.annotation.DateTimeFormat;

/** What the resident form posts; ID number and phone may be left blank on edit to keep them. */
record ResidentForm(String name, Gender gender, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
		String idNumber, String phone, Long buildingId, String unit, String room, Set<ResidentTag> tags,
		RegistrationChannel channel, String reason, Integer version) {

	static ResidentForm empty() {
		return new ResidentForm(null, null, null, null, null, null, null, null, Set.of(), RegistrationChannel.PHONE_CALL,
				null, null);
	}

	static ResidentForm of(ResidentView v) {
		return new ResidentForm(v.name(), v.gender(), v.birthDate(), null, null, v.buildingId(), v.unit(), v.room(),
				v.tags(), v.registrationChannel(), null, v.version());
	}

	/** Clear personal values never go back into a page. */
	ResidentForm withoutPersonalValues() {
		return new ResidentForm(name, gender, birthDate, null, null, buildingId, unit, room, tags, channel, reason, version);
	}

	RegisterResident toRegister() {
		return new RegisterResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, channel);
	}

	UpdateResident toUpdate() {
		return new UpdateResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, version);
	}

	public boolean has(ResidentTag tag) {
		return tags != null && tags.contains(tag);
	}

	@Override
	public String toString() {
		return "ResidentForm[buildingId=" + buildingId + "]";
	}
}
