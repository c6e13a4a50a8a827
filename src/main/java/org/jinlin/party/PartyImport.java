package org.jinlin.party;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.internal.PartyImportRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of a whole city's party records planned elsewhere with their ids: rows are written in
 * JDBC batches, then each table's id sequence continues after the last planned id. Rows carry the columns listed on
 * each {@link Table}, in that order; phones already encrypted and masked. No permission checks and no events: the
 * caller is the application itself, never a request.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class PartyImport {

	/** The tables a load writes, with the columns of their rows. */
	public enum Table {
		/** id, name, kind, parent_id, territory_id, territory_path, secretary_name, secretary_cadre, secretary_phone_cipher, secretary_phone_masked, member_count, created_at, created_by. */
		ORGANISATION,
		/** org_id, compound_id, compound_path (no id of its own). */
		ORGANISATION_COMPOUND,
		/** id, org_id, territory_path, name, gender, birth_year, joined_year, account_username, employer_unit, in_service, phone_cipher, phone_masked, created_at. */
		MEMBER,
		/** id, name, territory_id, territory_path, created_at. */
		ALLIANCE,
		/** id, alliance_id, name, kind, territory_id, territory_path, contact_name, contact_phone_cipher, contact_phone_masked, created_at. */
		UNIT,
		/** id, unit_id, title, category, target_count, created_at. */
		COMMITMENT,
		/** id, commitment_id, description, delivered_on, quantity, hours, person_name, recorded_by, created_at. */
		DELIVERY,
		/** id, committee_id, territory_path, person_name, unit_id, unit_name, term_start, term_end, created_at. */
		COMMITTEE_MEMBER,
		/** id, committee_id, territory_path, held_on, agenda, attendees, created_by, created_at. */
		MEETING,
		/** id, meeting_id, seq, content. */
		RESOLUTION,
		/** id, resolution_id, meeting_id, territory_path, title, owner_unit_id, owner_name, due_on, status, completion_note, completed_at, completed_by. */
		TASK
	}

	private final PartyImportRepository rows;

	/** The highest id in the table so far (0 when empty): planned ids follow it. */
	public long lastId(Table table) {
		return rows.lastId(table);
	}

	/** Writes the rows, in JDBC batches of a thousand. */
	public void load(Table table, List<Object[]> tableRows) {
		rows.insert(table, tableRows);
	}

	/**
	 * Lets the table's ids continue after the last one loaded. On H2 each restart commits, so these run after every
	 * {@link #load}.
	 */
	public void continueIdsAfter(Table table, long lastId) {
		rows.continueIdsAfter(table, lastId);
	}
}
