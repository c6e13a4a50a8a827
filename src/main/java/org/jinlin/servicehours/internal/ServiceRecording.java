package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.servicehours.HoursCredited;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.internal.TransferPosting.AccountRef;
import org.jinlin.servicehours.internal.TransferPosting.Posting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records confirmed service once and books it: the person's hours and points from the community's issuing
 * accounts, and, for elderly care by a time-bank member, a deposit into the person's time bank up to the cap.
 */
@Service
@RequiredArgsConstructor
public class ServiceRecording {

	private static final Logger log = LoggerFactory.getLogger(ServiceRecording.class);

	static final BigDecimal MAX_HOURS = new BigDecimal("24");

	private final ServiceRecordRepository records;

	private final TimeBankRepository timeBank;

	private final LedgerRepository ledger;

	private final TransferPosting posting;

	private final LedgerPolicy policy;

	private final ApplicationEventPublisher events;

	static String communityRef(long communityId) {
		return "community:" + communityId;
	}

	static String timeBankIssuerRef(long communityId) {
		return "timebank:" + communityId;
	}

	/** Records and books the service; a repeat of the same source, reference and person changes nothing. */
	@Transactional
	public Optional<Long> record(ServiceDelivered s) {
		if (s.personKey() == null || s.personKey().isBlank() || s.hours() == null || s.hours().signum() <= 0
				|| s.territoryPath() == null || s.source() == null || s.sourceRef() == null) {
			log.warn("Service record refused: incomplete ({} {})", s.source(), s.sourceRef());
			return Optional.empty();
		}
		BigDecimal hours = s.hours().min(MAX_HOURS).setScale(2, RoundingMode.HALF_UP);
		Optional<Long> inserted = records.insert(s, hours);
		if (inserted.isEmpty()) {
			return Optional.empty();
		}
		long recordId = inserted.get();
		String path = s.territoryPath();
		String by = s.confirmedBy() == null ? "system" : s.confirmedBy();
		String community = communityRef(s.communityId());
		BigDecimal points = policy.pointsFor(hours);
		var postings = new ArrayList<Posting>(List.of(
				new Posting(new AccountRef(HolderKind.ORGANISATION, community, LedgerUnit.HOURS, null, path),
						hours.negate()),
				new Posting(new AccountRef(HolderKind.PERSON, s.personKey(), LedgerUnit.HOURS,
						s.personName(), path), hours)));
		if (points.signum() > 0) {
			postings.add(new Posting(
					new AccountRef(HolderKind.ORGANISATION, community, LedgerUnit.POINTS, null, path), points.negate()));
			postings.add(new Posting(
					new AccountRef(HolderKind.PERSON, s.personKey(), LedgerUnit.POINTS, s.personName(), path), points));
		}
		boolean deposit = s.elderlyCare() && timeBankMember(s.personKey());
		AccountRef issuer = new AccountRef(HolderKind.ORGANISATION, timeBankIssuerRef(s.communityId()),
				LedgerUnit.HOURS, null, path);
		AccountRef bank = new AccountRef(HolderKind.TIME_BANK, s.personKey(), LedgerUnit.HOURS,
				s.personName(), path);
		var all = new ArrayList<AccountRef>(postings.stream().map(Posting::account).toList());
		if (deposit) {
			all.add(issuer);
			all.add(bank);
		}
		posting.lockAll(all);
		posting.post(TransferKind.SERVICE, "service:" + recordId, s.content(), null, recordId, path, by, postings);
		if (deposit) {
			BigDecimal balance = ledger.balance(HolderKind.TIME_BANK, s.personKey(), LedgerUnit.HOURS);
			BigDecimal amount = policy.depositable(balance, hours);
			if (amount.signum() > 0) {
				posting.post(TransferKind.TIME_BANK_DEPOSIT, "deposit:" + recordId, s.content(), null, recordId, path, by,
						List.of(new Posting(issuer, amount.negate()), new Posting(bank, amount)));
			}
		}
		events.publishEvent(new HoursCredited(recordId, s.personKey(), s.communityId(), path, hours, s.source(),
				s.deliveredAt()));
		return Optional.of(recordId);
	}

	/**
	 * Books many services in one transaction: each is recorded once and credited exactly as {@link #record} would,
	 * with the accounts opened and locked once for the whole batch.
	 */
	@Transactional
	public int recordAll(List<ServiceDelivered> services) {
		List<ServiceDelivered> valid = services.stream()
			.filter(s -> s.personKey() != null && s.hours() != null && s.hours().signum() > 0 && s.territoryPath() != null
					&& s.source() != null && s.sourceRef() != null)
			.toList();
		// Every account of the batch is locked up front, in id order, so the batch cannot deadlock with anyone.
		Map<String, Boolean> members = new HashMap<>();
		Map<String, AccountRef> refs = new LinkedHashMap<>();
		for (ServiceDelivered s : valid) {
			String community = communityRef(s.communityId());
			for (LedgerUnit unit : LedgerUnit.values()) {
				refs.putIfAbsent("O|" + community + "|" + unit,
						new AccountRef(HolderKind.ORGANISATION, community, unit, null, s.territoryPath()));
				refs.putIfAbsent("P|" + s.personKey() + "|" + unit,
						new AccountRef(HolderKind.PERSON, s.personKey(), unit, s.personName(), s.territoryPath()));
			}
			if (s.elderlyCare() && members.computeIfAbsent(s.personKey(), this::timeBankMember)) {
				refs.putIfAbsent("I|" + s.communityId(), new AccountRef(HolderKind.ORGANISATION,
						timeBankIssuerRef(s.communityId()), LedgerUnit.HOURS, null, s.territoryPath()));
				refs.putIfAbsent("T|" + s.personKey(), new AccountRef(HolderKind.TIME_BANK, s.personKey(),
						LedgerUnit.HOURS, s.personName(), s.territoryPath()));
			}
		}
		posting.lockAll(refs.values());
		int booked = 0;
		for (ServiceDelivered s : valid) {
			booked += record(s).isPresent() ? 1 : 0;
		}
		return booked;
	}

	@Transactional
	public void participant(ParticipantRegistered p) {
		records.insertParticipant(p);
	}

	boolean timeBankMember(String personKey) {
		return timeBank.isMember(personKey);
	}
}
