package org.jinlin.people;

import java.time.LocalDate;
import java.util.Set;

/**
 * Command to register one resident. Personal values are in clear here; the register encrypts them.
 *
 * @param channel how the resident was registered (staff on behalf: PHONE_CALL, DOOR_TO_DOOR, OFFICE; bulk: IMPORT)
 */
public record RegisterResident(String name, Gender gender, LocalDate birthDate, String idNumber, String phone,
		Long buildingId, String unit, String room, Set<ResidentTag> tags, RegistrationChannel channel)
		implements ResidentDraft {

	public RegisterResident {
		tags = tags == null ? Set.of() : Set.copyOf(tags);
	}

	/** Never prints personal values. */
	@Override
	public String toString() {
		return "RegisterResident[buildingId=" + buildingId + ", channel=" + channel + "]";
	}
}
