package org.jinlin.people.internal;

import org.jinlin.people.Gender;
import org.jinlin.people.ResidentDraft;
import org.jinlin.people.ResidentTag;

import java.time.LocalDate;
import java.util.Set;

/**
 * Command to change a resident: the full new state of the editable fields.
 *
 * @param version the version the editor saw; when given and stale the update fails with 409
 */
public record UpdateResident(String name, Gender gender, LocalDate birthDate, String idNumber, String phone,
		Long buildingId, String unit, String room, Set<ResidentTag> tags, Integer version) implements ResidentDraft {

	public UpdateResident {
		tags = tags == null ? Set.of() : Set.copyOf(tags);
	}

	/** Never prints personal values. */
	@Override
	public String toString() {
		return "UpdateResident[buildingId=" + buildingId + ", version=" + version + "]";
	}
}
