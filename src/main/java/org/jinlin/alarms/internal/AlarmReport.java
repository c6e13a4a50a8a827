package org.jinlin.alarms.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report against the telecare targets: the share of alarms acknowledged within 60 s (target 97.5%)
 * and within 180 s (target 99%), counted over every alarm raised in the month (one never acknowledged counts as
 * late), arrival times, escalations and outcomes. Staff only, for a territory in their jurisdiction.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AlarmReport {

	public static final double TARGET_60S = 0.975;

	public static final double TARGET_180S = 0.99;

	private final AlarmRepository repository;

	private final Territories territories;

	@Value("${jinlin.alarms.zone:Asia/Shanghai}")
	private final ZoneId zone;

	/** The month's figures for a territory (its code, or the caller's own node when blank). */
	public MonthlyAlarmReport monthly(YearMonth month, String territoryCode) {
		TerritoryNode node = scope(territoryCode);
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		List<Row> rows = repository.reportRows(node.path() + "%", from, to);
		return summarize(node, month, rows, zone);
	}

	/**
	 * The territory a report is for: its code inside the staff member's jurisdiction (404 outside it), or her own
	 * node when blank; 403 for anyone but staff.
	 */
	public TerritoryNode scope(String territoryCode) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff see alarm reports");
		}
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow(() -> new NotFoundException("No such territory"))
				: territories.lookupByCode(territoryCode.strip()).orElseThrow(() -> new NotFoundException("No such territory"));
		if (!actor.covers(node.path())) {
			throw new NotFoundException("No such territory");
		}
		return node;
	}

	record Row(Instant raised, Instant acknowledged, Instant arrived, int escalationLevel, boolean arrivalOverdue,
			String outcome, String kind, String status) {
	}

	static MonthlyAlarmReport summarize(TerritoryNode node, YearMonth month, List<Row> rows, ZoneId zone) {
		int total = rows.size();
		List<Long> ack = new ArrayList<>();
		List<Long> arrival = new ArrayList<>();
		int within60 = 0;
		int within180 = 0;
		int escalated = 0;
		int overdue = 0;
		int open = 0;
		Map<AlarmOutcome, Integer> outcomes = new EnumMap<>(AlarmOutcome.class);
		Map<AlarmKind, Integer> kinds = new EnumMap<>(AlarmKind.class);
		Map<LocalDate, int[]> days = new TreeMap<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			days.put(d, new int[2]);
		}
		for (Row r : rows) {
			kinds.merge(AlarmKind.valueOf(r.kind()), 1, Integer::sum);
			if (r.outcome() != null) {
				outcomes.merge(AlarmOutcome.valueOf(r.outcome()), 1, Integer::sum);
			}
			if (!"RESOLVED".equals(r.status())) {
				open++;
			}
			if (r.escalationLevel() > 0) {
				escalated++;
			}
			if (r.arrivalOverdue()) {
				overdue++;
			}
			int[] day = days.get(LocalDate.ofInstant(r.raised(), zone));
			if (day != null) {
				day[0]++;
			}
			if (r.acknowledged() != null) {
				long s = Duration.between(r.raised(), r.acknowledged()).toSeconds();
				ack.add(s);
				if (s <= 60) {
					within60++;
					if (day != null) {
						day[1]++;
					}
				}
				if (s <= 180) {
					within180++;
				}
			}
			if (r.arrived() != null) {
				arrival.add(Duration.between(r.raised(), r.arrived()).toSeconds());
			}
		}
		List<MonthlyAlarmReport.Day> series = new ArrayList<>();
		days.forEach((d, c) -> series.add(new MonthlyAlarmReport.Day(d, c[0], c[1])));
		return new MonthlyAlarmReport(node.code(), node.name(), month.toString(), total, ack.size(), arrival.size(), open,
				share(within60, total), share(within180, total), TARGET_60S, TARGET_180S,
				total > 0 && (double) within60 / total >= TARGET_60S, total > 0 && (double) within180 / total >= TARGET_180S,
				percentile(ack, 50), percentile(ack, 90), percentile(arrival, 50), percentile(arrival, 90), escalated, overdue,
				outcomes, kinds, series);
	}

	static Double share(int part, int total) {
		return total == 0 ? null : Math.round(part * 10000.0 / total) / 10000.0;
	}

	/** Nearest-rank percentile in seconds, or null when empty. */
	static Long percentile(List<Long> values, int p) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}
}
