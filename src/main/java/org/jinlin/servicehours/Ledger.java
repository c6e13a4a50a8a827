package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jinlin.shared.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry book: opens accounts, posts balanced transfers and derives balances. A transfer locks the rows of
 * the accounts it touches (in id order, so two transfers never wait on each other in a cycle), reads their balances
 * from the entries, lets {@link LedgerPolicy} judge the result and only then appends the transfer and its entries.
 * Nothing here updates or deletes a transfer or an entry; the database refuses it anyway (migration V2).
 */
@Component
class Ledger {

	/** An account to open if absent. */
	record AccountRef(HolderKind kind, String ref, LedgerUnit unit, String displayName, String territoryPath) {
	}

	/** A leg to post: the account and the signed amount. */
	record Posting(AccountRef account, BigDecimal amount) {
	}

	private final JdbcClient jdbc;

	private final LedgerPolicy policy;

	private final Problems problems;

	Ledger(JdbcClient jdbc, LedgerPolicy policy, Problems problems) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.problems = problems;
	}

	/**
	 * The account's id, opening it first if needed. Concurrent openers meet on the unique holder constraint; the
	 * loser's insert does nothing, so its transaction carries on.
	 */
	long account(AccountRef a) {
		Optional<Long> existing = findAccount(a.kind(), a.ref(), a.unit());
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("""
				INSERT INTO ledger_account (holder_kind, holder_ref, unit, display_name, territory_path, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(a.kind().name(), a.ref(), a.unit().name(), a.displayName(), a.territoryPath(),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return findAccount(a.kind(), a.ref(), a.unit()).orElseThrow();
	}

	Optional<Long> findAccount(HolderKind kind, String ref, LedgerUnit unit) {
		return jdbc.sql("SELECT id FROM ledger_account WHERE holder_kind = ? AND holder_ref = ? AND unit = ?")
			.params(kind.name(), ref, unit.name())
			.query(Long.class)
			.optional();
	}

	/**
	 * Opens (if needed) and locks these accounts, in id order, until the transaction ends. A caller posting several
	 * transfers in one transaction locks all their accounts first, so two such callers never deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void lockAll(java.util.Collection<AccountRef> refs) {
		java.util.SortedSet<Long> ids = new java.util.TreeSet<>();
		refs.forEach(r -> ids.add(account(r)));
		ids.forEach(id -> jdbc.sql("SELECT id FROM ledger_account WHERE id = ? FOR UPDATE").param(id).query(Long.class).single());
	}

	/** The balance, derived: the sum of the account's entries. */
	BigDecimal balance(long accountId) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE account_id = ?")
			.param(accountId)
			.query(BigDecimal.class)
			.single()
			.setScale(2);
	}

	BigDecimal balance(HolderKind kind, String ref, LedgerUnit unit) {
		return findAccount(kind, ref, unit).map(this::balance).orElse(BigDecimal.ZERO.setScale(2));
	}

	Optional<Long> transferByKey(String key) {
		return jdbc.sql("SELECT id FROM ledger_transfer WHERE idempotency_key = ?").param(key).query(Long.class).optional();
	}

	/**
	 * Posts a transfer, or returns the one already posted under the same key. Must run inside the caller's
	 * transaction: the account locks last until it commits.
	 *
	 * @throws org.jinlin.shared.ConflictException with the rule's message key when the policy refuses it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long post(TransferKind kind, String key, String reason, Long reverses, Long serviceRecordId, String territoryPath,
			String by, List<Posting> postings) {
		Optional<Long> done = transferByKey(key);
		if (done.isPresent()) {
			return done.get();
		}
		Map<Long, AccountRef> accounts = new TreeMap<>();
		List<long[]> ids = new ArrayList<>();
		for (Posting p : postings) {
			long id = account(p.account());
			accounts.put(id, p.account());
			ids.add(new long[] { id });
		}
		// Lock in id order.
		for (Long id : accounts.keySet()) {
			jdbc.sql("SELECT id FROM ledger_account WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
		}
		// Only the balances a rule looks at are summed: an issuer's (which may run negative) can be long.
		Map<Long, BigDecimal> balances = new TreeMap<>();
		accounts.forEach((id, ref) -> balances.put(id, ref.kind().mayGoNegative() ? BigDecimal.ZERO : balance(id)));
		List<LedgerPolicy.Leg> legs = new ArrayList<>();
		for (int i = 0; i < postings.size(); i++) {
			long id = ids.get(i)[0];
			Posting p = postings.get(i);
			legs.add(new LedgerPolicy.Leg(id, p.account().kind(), p.account().unit(), balances.get(id), p.amount()));
		}
		policy.checkTransfer(legs).ifPresent(rule -> {
			throw problems.conflict(rule, policy.timeBankCap());
		});
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ledger_transfer (kind, idempotency_key, reason, reverses_id, service_record_id, territory_path,
					booked_by, booked_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kind.name(), key, reason, reverses, serviceRecordId, territoryPath, by,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		long transferId = keys.getKey().longValue();
		legs.sort(Comparator.comparingLong(LedgerPolicy.Leg::accountId));
		for (LedgerPolicy.Leg leg : legs) {
			jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, amount) VALUES (?, ?, ?)")
				.params(transferId, leg.accountId(), leg.amount())
				.update();
		}
		return transferId;
	}

	/** A transfer's header. */
	record TransferRow(long id, TransferKind kind, String reason, Long reversesId, Long serviceRecordId,
			String territoryPath, String bookedBy, Instant bookedAt) {
	}

	/** One entry with its account. */
	record EntryRow(long transferId, long accountId, HolderKind kind, String ref, LedgerUnit unit, String displayName,
			String territoryPath, BigDecimal amount) {
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
}
