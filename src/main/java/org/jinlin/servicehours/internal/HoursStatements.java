package org.jinlin.servicehours.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.servicehours.internal.LedgerViews.EntryView;
import org.jinlin.servicehours.internal.LedgerViews.MyHours;
import org.jinlin.servicehours.internal.LedgerViews.ServiceRecordView;
import org.jinlin.servicehours.internal.LedgerViews.TransferView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ledger says, for the module's pages and API: a person's own hours, records and movements; the records of
 * a person and the transfers of a jurisdiction for staff.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class HoursStatements {

	private final ServiceHours hours;

	private final LedgerRepository ledger;

	private final ServiceRecordRepository records;

	private final TimeBankRepository timeBank;

	private final LedgerPolicy policy;

	private final ServiceTerritories territories;

	/** The signed-in person's balances, time-bank membership, records and movements. */
	public MyHours mine() {
		Actor actor = ServiceHoursAccess.requirePerson();
		return new MyHours(hours.balanceOf(actor.name()), timeBank.isMember(actor.name()), policy.timeBankCap(),
				policy.spendingAge(), records.recordsOf(actor.name(), 100), ledger.movements(actor.name(), 100));
	}

	/** A person's statement for staff: only records served inside the caller's jurisdiction. */
	public List<ServiceRecordView> recordsOf(String personKey) {
		Actor actor = ServiceHoursAccess.requireReader();
		return records.recordsOf(personKey, actor.jurisdiction().likePattern(), 500);
	}

	/** The latest transfers booked in the caller's jurisdiction (or under the node {@code territoryCode}). */
	public List<TransferView> transfers(String territoryCode, int limit) {
		Actor actor = ServiceHoursAccess.requireReader();
		String pattern = territories.scopePattern(actor, territoryCode);
		return ledger.latestTransferIds(pattern, Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
	}

	public TransferView transfer(long id) {
		Actor actor = ServiceHoursAccess.requireReader();
		TransferView t = view(id);
		if (!actor.covers(t.territoryPath())) {
			throw new NotFoundException("No such transfer");
		}
		return t;
	}

	/** A transfer with its entries, unchecked: callers check the jurisdiction. */
	TransferView view(long id) {
		LedgerRepository.TransferRow t = ledger.transfer(id).orElseThrow(() -> new NotFoundException("No such transfer"));
		List<EntryView> entries = ledger.entries(id).stream()
			.map(e -> new EntryView(e.kind(), e.ref(), e.unit(), e.displayName(), e.amount()))
			.toList();
		return new TransferView(t.id(), t.kind(), t.reason(), t.reversesId(), ledger.reversed(id), t.territoryPath(),
				t.bookedBy(), t.bookedAt(), entries);
	}
}
