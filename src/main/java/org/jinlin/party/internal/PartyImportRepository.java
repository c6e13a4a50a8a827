package org.jinlin.party.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.PartyImport.Table;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bulk load's SQL: one batched insert per party table, and moving its id sequence on. */
@Repository
@RequiredArgsConstructor
public class PartyImportRepository {

	private static final Map<Table, String> TABLES = new EnumMap<>(Map.ofEntries(
			Map.entry(Table.ORGANISATION, "party_org (id, name, kind, parent_id, territory_id, territory_path, secretary_name, "
					+ "secretary_cadre, secretary_phone_cipher, secretary_phone_masked, member_count, created_at, created_by)"),
			Map.entry(Table.ORGANISATION_COMPOUND, "party_org_compound (org_id, compound_id, compound_path)"),
			Map.entry(Table.MEMBER, "party_member (id, org_id, territory_path, name, gender, birth_year, joined_year, "
					+ "account_username, employer_unit, in_service, phone_cipher, phone_masked, created_at)"),
			Map.entry(Table.ALLIANCE, "party_alliance (id, name, territory_id, territory_path, created_at)"),
			Map.entry(Table.UNIT, "party_unit (id, alliance_id, name, kind, territory_id, territory_path, contact_name, "
					+ "contact_phone_cipher, contact_phone_masked, created_at)"),
			Map.entry(Table.COMMITMENT, "party_commitment (id, unit_id, title, category, target_count, created_at)"),
			Map.entry(Table.DELIVERY, "party_delivery (id, commitment_id, description, delivered_on, quantity, hours, "
					+ "person_name, recorded_by, created_at)"),
			Map.entry(Table.COMMITTEE_MEMBER, "party_committee_member (id, committee_id, territory_path, person_name, unit_id, "
					+ "unit_name, term_start, term_end, created_at)"),
			Map.entry(Table.MEETING, "party_meeting (id, committee_id, territory_path, held_on, agenda, attendees, created_by, "
					+ "created_at)"),
			Map.entry(Table.RESOLUTION, "party_resolution (id, meeting_id, seq, content)"),
			Map.entry(Table.TASK, "party_task (id, resolution_id, meeting_id, territory_path, title, owner_unit_id, owner_name, "
					+ "due_on, status, completion_note, completed_at, completed_by)")));

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private static String name(Table table) {
		String spec = TABLES.get(table);
		return spec.substring(0, spec.indexOf(' '));
	}

	public long lastId(Table table) {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + name(table)).query(Long.class).single();
	}

	public void insert(Table table, List<Object[]> rows) {
		String spec = TABLES.get(table);
		int columns = spec.split(",").length;
		String sql = "INSERT INTO " + spec + " VALUES (" + "?, ".repeat(columns - 1) + "?)";
		for (int i = 0; i < rows.size(); i += 1000) {
			jdbcTemplate.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
		}
	}

	public void continueIdsAfter(Table table, long last) {
		String name = name(table);
		String database = jdbcTemplate.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
		if (database != null && database.toLowerCase(Locale.ROOT).contains("postgres")) {
			jdbcTemplate.query("SELECT setval(pg_get_serial_sequence('" + name + "', 'id'), ?, false)", rs -> {
			}, last + 1);
		}
		else {
			jdbcTemplate.execute("ALTER TABLE " + name + " ALTER COLUMN id RESTART WITH " + (last + 1));
		}
	}
}
