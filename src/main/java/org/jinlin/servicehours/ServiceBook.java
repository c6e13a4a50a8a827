package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records confirmed service once and books it: the person's hours and points from the community's issuing
 * accounts, and, for elderly care by a time-bank member, a deposit into the person's time bank up to the cap.
 */
@Component
class ServiceBook {

	private static final Logger log = LoggerFactory.getLogger(ServiceBook.class);

	static final BigDecimal MAX_HOURS = new BigDecimal("24");

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final LedgerPolicy policy;

	ServiceBook(JdbcClient jdbc, Ledger ledger, LedgerPolicy policy) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.policy = policy;
	}

	static String communityRef(long communityId) {
		return "community:" + communityId;
	}

	static String timeBankIssuerRef(long communityId) {
		return "timebank:" + communityId;
	}

	/** Records and books the service; a repeat of the same source, reference and person changes nothing. */
	@Transactional
	Optional<Long> record(ServiceDelivered s) {
		if (s.personKey() == null || s.personKey().isBlank() || s.hours() == null || s.hours().signum() <= 0
				|| s.territoryPath() == null || s.source() == null || s.sourceRef() == null) {
			log.warn("Service record refused: incomplete ({} {})", s.source(), s.sourceRef());
			return Optional.empty();
		}
		BigDecimal hours = s.hours().min(MAX_HOURS).setScale(2, RoundingMode.HALF_UP);
		var keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO service_record (person_key, person_name, community_id, territory_path, source, source_ref,
					category, content, hours, problem_solved, elderly_care, delivered_at, confirmed_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(s.personKey(), trim(s.personName(), 120), s.communityId(), s.territoryPath(), s.source().name(),
					trim(s.sourceRef(), 200), trim(s.category(), 40), trim(s.content(), 500), hours, s.problemSolved(),
					s.elderlyCare(), OffsetDateTime.ofInstant(s.deliveredAt(), ZoneOffset.UTC), trim(s.confirmedBy(), 100),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		long recordId = keys.getKey().longValue();
		String path = s.territoryPath();
		String by = s.confirmedBy() == null ? "system" : s.confirmedBy();
		String community = communityRef(s.communityId());
		BigDecimal points = policy.pointsFor(hours);
		var postings = new java.util.ArrayList<Ledger.Posting>(List.of(
				new Ledger.Posting(new Ledger.AccountRef(HolderKind.ORGANISATION, community, LedgerUnit.HOURS, null, path),
						hours.negate()),
				new Ledger.Posting(new Ledger.AccountRef(HolderKind.PERSON, s.personKey(), LedgerUnit.HOURS,
						s.personName(), path), hours)));
		if (points.signum() > 0) {
			postings.add(new Ledger.Posting(
					new Ledger.AccountRef(HolderKind.ORGANISATION, community, LedgerUnit.POINTS, null, path), points.negate()));
			postings.add(new Ledger.Posting(
					new Ledger.AccountRef(HolderKind.PERSON, s.personKey(), LedgerUnit.POINTS, s.personName(), path), points));
		}
		boolean deposit = s.elderlyCare() && timeBankMember(s.personKey());
		Ledger.AccountRef issuer = new Ledger.AccountRef(HolderKind.ORGANISATION, timeBankIssuerRef(s.communityId()),
				LedgerUnit.HOURS, null, path);
		Ledger.AccountRef bank = new Ledger.AccountRef(HolderKind.TIME_BANK, s.personKey(), LedgerUnit.HOURS,
				s.personName(), path);
		var all = new java.util.ArrayList<Ledger.AccountRef>(postings.stream().map(Ledger.Posting::account).toList());
		if (deposit) {
			all.add(issuer);
			all.add(bank);
		}
		ledger.lockAll(all);
		ledger.post(TransferKind.SERVICE, "service:" + recordId, s.content(), null, recordId, path, by, postings);
		if (deposit) {
			BigDecimal balance = ledger.balance(HolderKind.TIME_BANK, s.personKey(), LedgerUnit.HOURS);
			BigDecimal amount = policy.depositable(balance, hours);
			if (amount.signum() > 0) {
				ledger.post(TransferKind.TIME_BANK_DEPOSIT, "deposit:" + recordId, s.content(), null, recordId, path, by,
						List.of(new Ledger.Posting(issuer, amount.negate()), new Ledger.Posting(bank, amount)));
			}
		}
		return Optional.of(recordId);
	}

	/**
	 * Books many services in one transaction: each is recorded once and credited exactly as {@link #record} would,
	 * with the accounts opened and locked once for the whole batch.
	 */
	@Transactional
	int recordAll(List<ServiceDelivered> services) {
		List<ServiceDelivered> valid = services.stream()
			.filter(s -> s.personKey() != null && s.hours() != null && s.hours().signum() > 0 && s.territoryPath() != null
					&& s.source() != null && s.sourceRef() != null)
			.toList();
		// Every account of the batch is locked up front, in id order, so the batch cannot deadlock with anyone.
		java.util.Map<String, Boolean> members = new java.util.HashMap<>();
		java.util.Map<String, Ledger.AccountRef> refs = new java.util.LinkedHashMap<>();
		for (ServiceDelivered s : valid) {
			String community = communityRef(s.communityId());
			for (LedgerUnit unit : LedgerUnit.values()) {
				refs.putIfAbsent("O|" + community + "|" + unit,
						new Ledger.AccountRef(HolderKind.ORGANISATION, community, unit, null, s.territoryPath()));
				refs.putIfAbsent("P|" + s.personKey() + "|" + unit,
						new Ledger.AccountRef(HolderKind.PERSON, s.personKey(), unit, s.personName(), s.territoryPath()));
			}
			if (s.elderlyCare() && members.computeIfAbsent(s.personKey(), this::timeBankMember)) {
				refs.putIfAbsent("I|" + s.communityId(), new Ledger.AccountRef(HolderKind.ORGANISATION,
						timeBankIssuerRef(s.communityId()), LedgerUnit.HOURS, null, s.territoryPath()));
				refs.putIfAbsent("T|" + s.personKey(), new Ledger.AccountRef(HolderKind.TIME_BANK, s.personKey(),
						LedgerUnit.HOURS, s.personName(), s.territoryPath()));
			}
		}
		ledger.lockAll(refs.values());
		int booked = 0;
		for (ServiceDelivered s : valid) {
			booked += record(s).isPresent() ? 1 : 0;
		}
		return booked;
	}

	@Transactional
	void participant(ParticipantRegistered p) {
		jdbc.sql("""
				INSERT INTO service_participant (person_key, kind, community_id, territory_path, registered_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(p.personKey(), p.kind().name(), p.communityId(), p.territoryPath(),
					OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC))
			.update();
	}

	boolean timeBankMember(String personKey) {
		return jdbc.sql("SELECT COUNT(*) FROM time_bank_member WHERE person_key = ?").param(personKey)
			.query(Long.class).single() > 0;
	}

	private static String trim(String s, int max) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.length() > max ? t.substring(0, max) : t;
	}
}
