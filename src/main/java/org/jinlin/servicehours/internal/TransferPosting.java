package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced transfers to the double-entry ledger: opens accounts, locks the rows of the accounts a transfer
 * touches (in id order, so two transfers never wait on each other in a cycle), reads their balances from the
 * entries, lets {@link LedgerPolicy} judge the result and only then appends the transfer and its entries through
 * {@link LedgerRepository}.
 */
@Component
@RequiredArgsConstructor
public class TransferPosting {

	/** An account to open if absent. */
	public record AccountRef(HolderKind kind, String ref, LedgerUnit unit, String displayName, String territoryPath) {
	}

	/** A leg to post: the account and the signed amount. */
	public record Posting(AccountRef account, BigDecimal amount) {
	}

	private final LedgerRepository ledger;

	private final LedgerPolicy policy;

	private final FieldErrors problems;

	/**
	 * The account's id, opening it first if needed. Concurrent openers meet on the unique holder constraint; the
	 * loser's insert does nothing, so its transaction carries on.
	 */
	long account(AccountRef a) {
		Optional<Long> existing = ledger.findAccount(a.kind(), a.ref(), a.unit());
		if (existing.isPresent()) {
			return existing.get();
		}
		ledger.insertAccountIfAbsent(a.kind(), a.ref(), a.unit(), a.displayName(), a.territoryPath());
		return ledger.findAccount(a.kind(), a.ref(), a.unit()).orElseThrow();
	}

	/**
	 * Opens (if needed) and locks these accounts, in id order, until the transaction ends. A caller posting several
	 * transfers in one transaction locks all their accounts first, so two such callers never deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void lockAll(Collection<AccountRef> refs) {
		SortedSet<Long> ids = new TreeSet<>();
		refs.forEach(r -> ids.add(account(r)));
		ids.forEach(ledger::lock);
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
		Optional<Long> done = ledger.transferByKey(key);
		if (done.isPresent()) {
			return done.get();
		}
		Map<Long, AccountRef> accounts = new TreeMap<>();
		List<Long> ids = new ArrayList<>();
		for (Posting p : postings) {
			long id = account(p.account());
			accounts.put(id, p.account());
			ids.add(id);
		}
		// Lock in id order.
		accounts.keySet().forEach(ledger::lock);
		// Only the balances a rule looks at are summed: an issuer's (which may run negative) can be long.
		Map<Long, BigDecimal> balances = new TreeMap<>();
		accounts.forEach((id, ref) -> balances.put(id, ref.kind().mayGoNegative() ? BigDecimal.ZERO : ledger.balance(id)));
		List<LedgerPolicy.Leg> legs = new ArrayList<>();
		for (int i = 0; i < postings.size(); i++) {
			long id = ids.get(i);
			Posting p = postings.get(i);
			legs.add(new LedgerPolicy.Leg(id, p.account().kind(), p.account().unit(), balances.get(id), p.amount()));
		}
		policy.checkTransfer(legs).ifPresent(rule -> {
			throw problems.conflict(rule, policy.timeBankCap());
		});
		long transferId = ledger.insertTransfer(kind, key, reason, reverses, serviceRecordId, territoryPath, by);
		legs.sort(Comparator.comparingLong(LedgerPolicy.Leg::accountId));
		for (LedgerPolicy.Leg leg : legs) {
			ledger.insertEntry(transferId, leg.accountId(), leg.amount());
		}
		return transferId;
	}

	/** The exact negation of a transfer's entries. */
	List<Posting> negation(long transferId) {
		return ledger.entries(transferId).stream()
			.map(e -> new Posting(new AccountRef(e.kind(), e.ref(), e.unit(), e.displayName(), e.territoryPath()),
					e.amount().negate()))
			.toList();
	}
}
