package org.jinlin.demands;

import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandMeasures;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand indicators for other modules (the quality cockpit): for a territory inside the current account's
 * jurisdiction and a calendar month (demands raised in it, the city's time zone), the {@link Tally} of an
 * {@link DemandIndicator} and the demands it counts, page by page, whose total is the tally's {@code counted}.
 * The same figures as the measures page for the same unit and days. Staff and API keys only (403 otherwise); a
 * territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandIndicators {

	private final DemandMeasures measures;

	/** The indicator's tally for the territory (the account's own node when {@code null}) and month. */
	public Tally tally(DemandIndicator indicator, String territoryCode, YearMonth month) {
		return measures.tally(query(territoryCode, month), indicator);
	}

	/** The demands the tally counts, oldest first, each marked whether it meets the indicator. */
	public Paged<CountedRecord> records(DemandIndicator indicator, String territoryCode, YearMonth month, int page,
			int size) {
		return measures.counted(query(territoryCode, month), indicator, page, size);
	}

	/**
	 * Unscoped, read-only: the ids of the residents who raised a demand under the territory path that was closed on the
	 * days from {@code from} to {@code to} (inclusive) — a survey's population. The calling module checks the caller's
	 * jurisdiction over the path and never shows the ids.
	 */
	public java.util.List<Long> lookupResidentsWithDemandsClosed(String territoryPath, java.time.LocalDate from,
			java.time.LocalDate to) {
		return measures.residentsClosedBetween(territoryPath, from, to);
	}

	private static DemandMeasures.Query query(String territoryCode, YearMonth month) {
		return new DemandMeasures.Query(month.atDay(1), month.atEndOfMonth(), null, territoryCode);
	}
}
