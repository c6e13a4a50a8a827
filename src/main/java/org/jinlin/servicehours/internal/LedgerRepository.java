package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.LedgerViews.Movement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the double-entry ledger: accounts, transfers and their entries. Rows are only ever inserted; the
 * database refuses updates and deletes (migration V2). Balances are derived from the entries.
 */
@Repository
@RequiredArgsConstructor
public class LedgerRepository {

	/** A transfer's header. */
	public record TransferRow(long id, TransferKind kind, String reason, Long reversesId, Long serviceRecordId,
			String territoryPath, String bookedBy, Instant bookedAt) {
	}

	/** One entry with its account. */
	public record EntryRow(long transferId, long accountId, HolderKind kind, String ref, LedgerUnit unit,
			String displayName, String territoryPath, BigDecimal amount) {
	}

	private final JdbcClient jdbc;

	Optional<Long> findAccount(HolderKind kind, String ref, LedgerUnit unit) {
		return jdbc.sql("SELECT id FROM ledger_account WHERE holder_kind = ? AND holder_ref = ? AND unit = ?")
			.params(kind.name(), ref, unit.name())
			.query(Long.class)
			.optional();
	}

	/** Opens the account unless a concurrent opener got there first (the unique holder constraint decides). */
	void insertAccountIfAbsent(HolderKind kind, String ref, LedgerUnit unit, String displayName, String territoryPath) {
		jdbc.sql("""
				INSERT INTO ledger_account (holder_kind, holder_ref, unit, display_name, territory_path, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(kind.name(), ref, unit.name(), displayName, territoryPath, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/** Locks the account's row until the transaction ends. */
	void lock(long accountId) {
		jdbc.sql("SELECT id FROM ledger_account WHERE id = ? FOR UPDATE").param(accountId).query(Long.class).single();
	}

	/** The balance, derived: the sum of the account's entries. */
	BigDecimal balance(long accountId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_id = ?")
			.param(accountId)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	public BigDecimal balance(HolderKind kind, String ref, LedgerUnit unit) {
		return findAccount(kind, ref, unit).map(this::balance).orElse(BigDecimal.ZERO.setScale(2));
	}

	Optional<Long> transferByKey(String key) {
		return jdbc.sql("SELECT id FROM ledger_transfer WHERE idempotency_key = ?").param(key).query(Long.class).optional();
	}

	long insertTransfer(TransferKind kind, String key, String reason, Long reverses, Long serviceRecordId,
			String territoryPath, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ledger_transfer (kind, idempotency_key, reason, reverses_id, service_record_id, territory_path,
					booked_by, booked_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kind.name(), key, reason, reverses, serviceRecordId, territoryPath, by,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertEntry(long transferId, long accountId, BigDecimal amount) {
		jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, amount) VALUES (?, ?, ?)")
			.params(transferId, accountId, amount)
			.update();
	}

	Optional<TransferRow> transfer(long id) {
		return jdbc.sql("""
				SELECT id, kind, reason, reverses_id, service_record_id, territory_path, booked_by, booked_at
				FROM ledger_transfer WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new TransferRow(rs.getLong(1), TransferKind.valueOf(rs.getString(2)), rs.getString(3),
					(Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class), rs.getString(6),
					rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
			.optional();
	}

	List<EntryRow> entries(long transferId) {
		return jdbc.sql("""
				SELECT e.transfer_id, e.account_id, a.holder_kind, a.holder_ref, a.unit, a.display_name, a.territory_path,
					e.amount
				FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
				WHERE e.transfer_id = ? ORDER BY e.id""")
			.param(transferId)
			.query((rs, n) -> new EntryRow(rs.getLong(1), rs.getLong(2), HolderKind.valueOf(rs.getString(3)),
					rs.getString(4), LedgerUnit.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8)))
			.list();
	}

	boolean reversed(long transferId) {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_transfer WHERE reverses_id = ?").param(transferId)
			.query(Long.class).single() > 0;
	}

	/** The ids of the latest transfers booked under the path pattern. */
	List<Long> latestTransferIds(String pathPattern, int limit) {
		return jdbc.sql("""
				SELECT id FROM ledger_transfer WHERE territory_path LIKE ? ORDER BY booked_at DESC, id DESC LIMIT ?""")
			.params(pathPattern, limit)
			.query(Long.class)
			.list();
	}

	/** The movements on a person's service and time-bank accounts, latest first. */
	List<Movement> movements(String personKey, int limit) {
		return jdbc.sql("""
				SELECT t.id, t.kind, a.holder_kind, a.unit, e.amount, t.reason, t.booked_at,
					(SELECT COUNT(*) FROM ledger_transfer v WHERE v.reverses_id = t.id)
				FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id JOIN ledger_transfer t ON t.id = e.transfer_id
				WHERE a.holder_ref = ? AND a.holder_kind IN ('PERSON', 'TIME_BANK')
				ORDER BY t.booked_at DESC, t.id DESC, a.holder_kind, a.unit LIMIT ?""")
			.params(personKey, limit)
			.query((rs, n) -> new Movement(rs.getLong(1), TransferKind.valueOf(rs.getString(2)),
					HolderKind.valueOf(rs.getString(3)), LedgerUnit.valueOf(rs.getString(4)), rs.getBigDecimal(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8) > 0))
			.list();
	}
}
