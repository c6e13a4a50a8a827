package org.jinlin.servicehours;

import java.time.Instant;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.TimeBankRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of time-bank memberships (an import of an earlier register, or a city's history): the person
 * is a member from {@code joinedAt} on, so her elderly-care service booked afterwards is also deposited in her time
 * bank. Service itself is loaded by publishing {@link ServicesDelivered}.
 */
@Service
@RequiredArgsConstructor
public class TimeBankImport {

	private final TimeBankRepository timeBank;

	/** Enrols the person; enrolling her again changes nothing. */
	@Transactional
	public void enrol(String personKey, String displayName, String territoryPath, Instant joinedAt) {
		timeBank.join(personKey, displayName, territoryPath, joinedAt.atOffset(ZoneOffset.UTC));
	}
}
