package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of service for a community, street, district or the city: registrations (members, units,
 * volunteers), the people who served, person-times, hours and problems solved — in total, per child node, and month
 * by month for the last twelve months. Reversed records do not count. Staff see their jurisdiction.
 */
@Service
@RequiredArgsConstructor
public class ServiceFigures {

	/** The measures of one node (or one month). */
	public record Measures(long memberRegistrations, long unitRegistrations, long volunteerRegistrations,
			long peopleServing, long personTimes, BigDecimal hours, long problemsSolved) {

		public long registrations() {
			return memberRegistrations + unitRegistrations + volunteerRegistrations;
		}
	}

	public record Row(String code, String name, TerritoryLevel level, Measures measures) {
	}

	public record Month(String month, long personTimes, BigDecimal hours, long problemsSolved, long registrations) {
	}

	public record Figures(String code, String name, TerritoryLevel level, Measures total, List<Row> children,
			List<Month> trend) {
	}

	private final ServiceRecordRepository records;

	private final ServiceTerritories territories;

	/** The figures of {@code territoryCode} (default: the caller's own node), which must lie in the jurisdiction. */
	@Transactional(readOnly = true)
	public Figures figures(String territoryCode) {
		Actor actor = ServiceHoursAccess.requireReader();
		TerritoryNode node = territories.node(actor, territoryCode);
		List<Row> children = territories.childrenOf(node).stream()
			.map(child -> new Row(child.code(), child.name(), child.level(), measures(child.path())))
			.toList();
		return new Figures(node.code(), node.name(), node.level(), measures(node.path()), children, trend(node.path()));
	}

	Measures measures(String path) {
		Map<String, Long> regs = records.registrationsByKind(path);
		ServiceRecordRepository.Totals t = records.totals(path);
		return new Measures(regs.getOrDefault("PARTY_MEMBER", 0L), regs.getOrDefault("UNIT", 0L),
				regs.getOrDefault("VOLUNTEER", 0L), t.people(), t.personTimes(), t.hours(), t.problemsSolved());
	}

	List<Month> trend(String path) {
		YearMonth now = YearMonth.now(LedgerPolicy.ZONE);
		YearMonth first = now.minusMonths(11);
		OffsetDateTime from = first.atDay(1).atStartOfDay(LedgerPolicy.ZONE).toOffsetDateTime();
		Map<YearMonth, long[]> counts = new LinkedHashMap<>();
		Map<YearMonth, BigDecimal> hours = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
			counts.put(m, new long[3]);
			hours.put(m, BigDecimal.ZERO.setScale(2));
		}
		for (ServiceRecordRepository.Dated r : records.deliveredSince(path, from)) {
			YearMonth m = month(r.deliveredAt());
			long[] c = counts.get(m);
			if (c != null) {
				c[0]++;
				c[1] += r.problemSolved() ? 1 : 0;
				hours.merge(m, r.hours(), BigDecimal::add);
			}
		}
		for (OffsetDateTime at : records.registeredSince(path, from)) {
			long[] c = counts.get(month(at));
			if (c != null) {
				c[2]++;
			}
		}
		List<Month> list = new ArrayList<>();
		counts.forEach((m, c) -> list.add(new Month(m.toString(), c[0], hours.get(m).setScale(2), c[1], c[2])));
		return list;
	}

	private static YearMonth month(OffsetDateTime at) {
		return YearMonth.from(at.atZoneSameInstant(LedgerPolicy.ZONE));
	}
}
