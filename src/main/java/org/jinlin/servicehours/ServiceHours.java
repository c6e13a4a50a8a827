package org.jinlin.servicehours;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.HolderKind;
import org.jinlin.servicehours.internal.LedgerRepository;
import org.jinlin.servicehours.internal.LedgerUnit;
import org.jinlin.servicehours.internal.ServiceRecordRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service hours for other modules' pages: a person's balance, derived from the ledger. Unscoped: the calling module
 * decides who may see whose balance.
 */
@Service
@RequiredArgsConstructor
public class ServiceHours {

	private final LedgerRepository ledger;

	private final ServiceRecordRepository records;

	/** A person's hours, points, time-bank hours, person-times and problems solved (zero for {@code null}). */
	@Transactional(readOnly = true)
	public ServiceBalance balanceOf(String personKey) {
		if (personKey == null) {
			return ServiceBalance.none(null);
		}
		ServiceRecordRepository.Counts counts = records.counts(personKey);
		return new ServiceBalance(personKey, ledger.balance(HolderKind.PERSON, personKey, LedgerUnit.HOURS),
				ledger.balance(HolderKind.PERSON, personKey, LedgerUnit.POINTS),
				ledger.balance(HolderKind.TIME_BANK, personKey, LedgerUnit.HOURS), counts.personTimes(),
				counts.problemsSolved());
	}
}
