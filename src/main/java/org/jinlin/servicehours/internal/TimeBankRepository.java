package org.jinlin.servicehours.internal;

import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the time bank: who joined it, and what its hours paid for. */
@Repository
@RequiredArgsConstructor
public class TimeBankRepository {

	private final JdbcClient jdbc;

	/** Joins the person to the time bank; joining twice changes nothing. */
	public void join(String personKey, String displayName, String territoryPath, OffsetDateTime joinedAt) {
		jdbc.sql("""
				INSERT INTO time_bank_member (person_key, display_name, territory_path, joined_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(personKey, displayName, territoryPath, joinedAt)
			.update();
	}

	boolean isMember(String personKey) {
		return jdbc.sql("SELECT COUNT(*) FROM time_bank_member WHERE person_key = ?").param(personKey)
			.query(Long.class).single() > 0;
	}

	void recordSpending(long transferId, long beneficiaryResidentId, Relation relation, int beneficiaryAge,
			String service) {
		jdbc.sql("""
				INSERT INTO time_bank_spending (transfer_id, beneficiary_resident_id, relation, beneficiary_age, service)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(transferId, beneficiaryResidentId, relation.name(), beneficiaryAge, service)
			.update();
	}
}
