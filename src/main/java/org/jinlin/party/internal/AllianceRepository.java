package org.jinlin.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.PartyOrganisations;
import org.jinlin.party.UnitKind;
import org.jinlin.party.internal.PartyAlliances.CommitteeMemberView;
import org.jinlin.party.internal.PartyAlliances.DeliveryView;
import org.jinlin.party.internal.PartyAlliances.UnitRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alliances' SQL: {@code party_alliance}, its co-building units ({@code party_unit}) with their commitments
 * ({@code party_commitment}) and deliveries ({@code party_delivery}), and part-time committee members
 * ({@code party_committee_member}).
 */
@Repository
@RequiredArgsConstructor
public class AllianceRepository {

	/** An alliance as stored. */
	record Alliance(long id, String name, long territoryId, String territoryPath) {
	}

	/** A commitment as stored. */
	record Commitment(long id, long unitId, String title, String category, int targetCount) {
	}

	private record UnitRefRow(long id, String name, String kind, long allianceId, String allianceName, long territoryId,
			String territoryPath) {

		PartyOrganisations.UnitRef ref() {
			return new PartyOrganisations.UnitRef(id, name, UnitKind.valueOf(kind), allianceId, allianceName, territoryId,
					territoryPath);
		}
	}

	private static final String UNIT_SELECT = """
			SELECT u.id, u.alliance_id, u.name, u.kind, u.territory_id, u.territory_path, u.contact_name,
			       u.contact_phone_masked AS contact_phone,
			       (SELECT COUNT(*) FROM party_commitment c WHERE c.unit_id = u.id) AS commitments,
			       (SELECT COUNT(*) FROM party_delivery d JOIN party_commitment c ON c.id = d.commitment_id
			        WHERE c.unit_id = u.id) AS deliveries
			FROM party_unit u""";

	private static final String REF_SELECT = """
			SELECT u.id, u.name, u.kind, u.alliance_id, a.name AS alliance_name, u.territory_id, u.territory_path
			FROM party_unit u JOIN party_alliance a ON a.id = u.alliance_id""";

	private final JdbcClient jdbc;

	/** Units under a path whose name matches the LIKE pattern, by alliance. */
	List<UnitRow> units(String path, String nameLike) {
		return jdbc.sql(UNIT_SELECT + " WHERE u.territory_path LIKE ? AND LOWER(u.name) LIKE ? ORDER BY u.alliance_id, u.id")
			.params(path + "%", nameLike).query(UnitRow.class).list();
	}

	Optional<UnitRow> unit(long id) {
		return jdbc.sql(UNIT_SELECT + " WHERE u.id = ?").param(id).query(UnitRow.class).optional();
	}

	List<Alliance> alliances(List<Long> ids) {
		return jdbc.sql("SELECT id, name, territory_id, territory_path FROM party_alliance WHERE id IN (:ids) ORDER BY territory_path")
			.param("ids", ids).query(Alliance.class).list();
	}

	String allianceName(long id) {
		return jdbc.sql("SELECT name FROM party_alliance WHERE id = ?").param(id).query(String.class).single();
	}

	Optional<Commitment> commitment(long id) {
		return jdbc.sql("SELECT id, unit_id, title, category, target_count FROM party_commitment WHERE id = ?").param(id)
			.query(Commitment.class).optional();
	}

	List<Commitment> commitments(long unitId) {
		return jdbc.sql("SELECT id, unit_id, title, category, target_count FROM party_commitment WHERE unit_id = ? ORDER BY id")
			.param(unitId).query(Commitment.class).list();
	}

	/** A unit's deliveries, newest first. */
	List<DeliveryView> deliveries(long unitId) {
		return jdbc.sql("""
				SELECT d.id, d.commitment_id, d.description, d.delivered_on, d.quantity, d.hours, d.person_name, d.recorded_by
				FROM party_delivery d JOIN party_commitment c ON c.id = d.commitment_id
				WHERE c.unit_id = ? ORDER BY d.delivered_on DESC, d.id DESC""").param(unitId).query(DeliveryView.class).list();
	}

	long insertCommitment(long unitId, String title, String category, int targetCount) {
		return PartyOrgRepository.insertReturningId(jdbc,
				"INSERT INTO party_commitment (unit_id, title, category, target_count, created_at) VALUES (?, ?, ?, ?, ?)",
				unitId, title, category, targetCount, OffsetDateTime.now());
	}

	long insertDelivery(long commitmentId, String description, LocalDate on, int quantity, BigDecimal hours,
			String personName, String recordedBy) {
		return PartyOrgRepository.insertReturningId(jdbc, """
				INSERT INTO party_delivery (commitment_id, description, delivered_on, quantity, hours, person_name,
				  recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				commitmentId, description, on, quantity, hours, personName, recordedBy, OffsetDateTime.now());
	}

	/** Committee seats in the jurisdiction (LIKE pattern), of one unit ({@code unitId}) or under a path. */
	List<CommitteeMemberView> seats(String jurisdiction, Long unitId, String path) {
		return jdbc.sql("""
				SELECT m.id, m.committee_id, o.name AS committee_name, m.person_name, m.unit_id, m.unit_name, m.term_start,
				       m.term_end
				FROM party_committee_member m JOIN party_org o ON o.id = m.committee_id
				WHERE m.territory_path LIKE ?""" + (unitId != null ? " AND m.unit_id = ?" : " AND m.territory_path LIKE ?")
				+ " ORDER BY m.territory_path, m.id")
			.params(jurisdiction, unitId != null ? unitId : path + "%").query(CommitteeMemberView.class).list();
	}

	long insertSeat(long committeeId, String territoryPath, String personName, Long unitId, String unitName,
			LocalDate termStart, LocalDate termEnd) {
		return PartyOrgRepository.insertReturningId(jdbc, """
				INSERT INTO party_committee_member (committee_id, territory_path, person_name, unit_id, unit_name, term_start,
				  term_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				committeeId, territoryPath, personName, unitId, unitName, termStart, termEnd, OffsetDateTime.now());
	}

	List<PartyOrganisations.UnitRef> unitRefs(String path) {
		return jdbc.sql(REF_SELECT + " WHERE u.territory_path LIKE ? ORDER BY u.id").param(path + "%")
			.query(UnitRefRow.class).list().stream().map(UnitRefRow::ref).toList();
	}

	Optional<PartyOrganisations.UnitRef> unitRef(long id) {
		return jdbc.sql(REF_SELECT + " WHERE u.id = ?").param(id).query(UnitRefRow.class).optional().map(UnitRefRow::ref);
	}
}
