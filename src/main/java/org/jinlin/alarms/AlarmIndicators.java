package org.jinlin.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.internal.AlarmReport;
import org.jinlin.alarms.internal.AlarmRepository;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm indicators for other modules (the quality cockpit): for a territory inside the current account's
 * jurisdiction and a month, the {@link Tally} of an {@link AlarmIndicator} and the alarms it counts, whose total is
 * the tally's {@code counted}; the same counts as the monthly report ({@code /api/v1/alarms/report}). Staff only (403
 * otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AlarmIndicators {

	private final AlarmReport report;

	private final AlarmRepository repository;

	private final Territories territories;

	private final MessageSource messages;

	@Value("${jinlin.alarms.zone:Asia/Shanghai}")
	private final ZoneId zone;

	/** The indicator's tally for the territory (the account's own node when {@code null}) and month. */
	public Tally tally(AlarmIndicator indicator, String territoryCode, YearMonth month) {
		List<AlarmRepository.IndicatorRow> rows = rows(indicator, territoryCode, month);
		return new Tally(rows.stream().filter(r -> meets(indicator, r)).count(), rows.size());
	}

	/** The alarms the tally counts, oldest first, each marked whether it meets the indicator. */
	public Paged<CountedRecord> records(AlarmIndicator indicator, String territoryCode, YearMonth month, int page,
			int size) {
		List<AlarmRepository.IndicatorRow> rows = rows(indicator, territoryCode, month);
		Map<Long, String> places = new HashMap<>();
		List<CountedRecord> items = rows.stream()
			.skip((long) page * size)
			.limit(size)
			.map(r -> new CountedRecord(r.id(),
					messages.getMessage("alarms.pages.kind." + r.kind(), null, r.kind(), LocaleContextHolder.getLocale()),
					r.communityId() == null ? null : places.computeIfAbsent(r.communityId(),
							id -> territories.lookup(id).map(TerritoryNode::name).orElse(null)),
					r.raised(), meets(indicator, r), "/alarms/" + r.id()))
			.toList();
		return new Paged<>(items, page, size, rows.size());
	}

	private List<AlarmRepository.IndicatorRow> rows(AlarmIndicator indicator, String territoryCode, YearMonth month) {
		TerritoryNode node = report.scope(territoryCode);
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		return repository.indicatorRows(node.path() + "%", from, to)
			.stream()
			.filter(r -> indicator != AlarmIndicator.ARRIVED_30MIN || r.arrived() != null || r.arrivalOverdue())
			.toList();
	}

	private static boolean meets(AlarmIndicator indicator, AlarmRepository.IndicatorRow r) {
		return switch (indicator) {
			case ACKNOWLEDGED_60S -> within(r.raised(), r.acknowledged(), 60);
			case ACKNOWLEDGED_180S -> within(r.raised(), r.acknowledged(), 180);
			case ARRIVED_30MIN -> within(r.raised(), r.arrived(), 30 * 60);
		};
	}

	private static boolean within(Instant from, Instant at, long seconds) {
		return at != null && Duration.between(from, at).toSeconds() <= seconds;
	}
}
