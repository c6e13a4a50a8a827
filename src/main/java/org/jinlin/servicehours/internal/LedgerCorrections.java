package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.LedgerViews.TransferView;
import org.jinlin.servicehours.internal.TransferPosting.AccountRef;
import org.jinlin.servicehours.internal.TransferPosting.Posting;
import org.jinlin.servicehours.HoursReversed;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrections of the ledger: a transfer is never changed, it is reversed by its exact negation with a reason. */
@Service
@RequiredArgsConstructor
public class LedgerCorrections {

	private final TransferPosting posting;

	private final LedgerRepository ledger;

	private final HoursStatements statements;

	private final FieldErrors problems;

	private final ApplicationEventPublisher events;

	/**
	 * Corrects a transfer by booking its exact negation with a reason; the original stays as it was. A transfer is
	 * reversed at most once, a reversal is never reversed, and a reversal that would overdraw an account (hours
	 * already spent) is refused.
	 */
	@Transactional
	public TransferView reverse(long transferId, String reason) {
		Actor actor = ServiceHoursAccess.requireWriter();
		if (reason == null || reason.isBlank()) {
			throw problems.invalid("reason", "servicehours.reverse.reason.required");
		}
		if (reason.strip().length() > 500) {
			throw problems.invalid("reason", "servicehours.reverse.reason.too-long");
		}
		LedgerRepository.TransferRow t = ledger.transfer(transferId)
			.filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No such transfer"));
		if (t.kind() == TransferKind.REVERSAL) {
			throw problems.conflict("servicehours.reverse.of-reversal");
		}
		if (ledger.reversed(transferId)) {
			throw problems.conflict("servicehours.reverse.already");
		}
		List<Posting> negated = posting.negation(transferId);
		Optional<Long> deposit = t.kind() == TransferKind.SERVICE && t.serviceRecordId() != null
				? ledger.transferByKey("deposit:" + t.serviceRecordId()).filter(d -> !ledger.reversed(d))
				: Optional.empty();
		List<Posting> depositBack = deposit.map(posting::negation).orElse(List.of());
		var all = new ArrayList<AccountRef>();
		negated.forEach(p -> all.add(p.account()));
		depositBack.forEach(p -> all.add(p.account()));
		posting.lockAll(all);
		// Checked again under the locks: a concurrent reversal of the same transfer has committed by now.
		if (ledger.reversed(transferId)) {
			throw problems.conflict("servicehours.reverse.already");
		}
		long id;
		try {
			id = posting.post(TransferKind.REVERSAL, "reversal:" + transferId, reason.strip(), transferId,
					t.serviceRecordId(), t.territoryPath(), actor.name(), negated);
		}
		catch (DuplicateKeyException raced) {
			throw problems.conflict("servicehours.reverse.already");
		}
		// The time-bank deposit that came with a service record goes with it.
		if (deposit.isPresent()) {
			posting.post(TransferKind.REVERSAL, "reversal:" + deposit.get(), reason.strip(), deposit.get(),
					t.serviceRecordId(), t.territoryPath(), actor.name(), depositBack);
		}
		BigDecimal personHours = BigDecimal.ZERO;
		String person = null;
		for (Posting p : negated) {
			if (p.account().kind() == HolderKind.PERSON && p.account().unit() == LedgerUnit.HOURS) {
				person = p.account().ref();
				personHours = p.amount().negate();
			}
		}
		events.publishEvent(new HoursReversed(id, transferId, t.serviceRecordId(), person, personHours,
				t.territoryPath(), Instant.now()));
		return statements.view(id);
	}
}
