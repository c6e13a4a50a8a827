package org.jinlin.people;

import java.time.LocalDate;
import java.util.Set;

/**
 * The fields of a resident that the register's field rules check, as given by a form,
 * the API or one row of an import. Implemented by {@link RegisterResident} and the register's change command.
 */
public interface ResidentDraft {

	String name();

	Gender gender();

	LocalDate birthDate();

	/** 18-character ID-card number (GB 11643-1999), in clear. */
	String idNumber();

	/** Mobile or landline; optional. */
	String phone();

	/** Territory node id of the building (level BUILDING). */
	Long buildingId();

	String unit();

	String room();

	Set<ResidentTag> tags();
}
