package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of service for a community, street, district or the city: registrations (members, units,
 * volunteers), the people who served, person-times, hours and problems solved — in total, per child node, and month
 * by month for the last twelve months. Reversed records do not count. Staff see their jurisdiction.
 */
@Service
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

	private static final String NOT_REVERSED = """
			NOT EXISTS (SELECT 1 FROM ledger_transfer t JOIN ledger_transfer v ON v.reverses_id = t.id
				WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')""";

	private final JdbcClient jdbc;

	private final Territories territories;

	ServiceFigures(JdbcClient jdbc, Territories territories) {
		this.jdbc = jdbc;
		this.territories = territories;
	}

	/** The figures of {@code territoryCode} (default: the caller's own node), which must lie in the jurisdiction. */
	@Transactional(readOnly = true)
	public Figures figures(String territoryCode) {
		Actor actor = ServiceHours.staff();
		TerritoryNode node = (territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId())
				: territories.lookupByCode(territoryCode.strip()))
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
		List<Row> children = new ArrayList<>();
		if (node.level().ordinal() < TerritoryLevel.COMMUNITY.ordinal()) {
			for (TerritoryNode child : territories.lookupLevelUnder(node.level().childLevel(), node.path())) {
				if (child.parentId() != null && child.parentId() == node.id()) {
					children.add(new Row(child.code(), child.name(), child.level(), measures(child.path())));
				}
			}
		}
		return new Figures(node.code(), node.name(), node.level(), measures(node.path()), children, trend(node.path()));
	}

	Measures measures(String path) {
		String like = path + "%";
		Map<String, Long> regs = new LinkedHashMap<>();
		jdbc.sql("SELECT kind, COUNT(*) FROM service_participant WHERE territory_path LIKE ? GROUP BY kind")
			.param(like)
			.query((rs, n) -> regs.put(rs.getString(1), rs.getLong(2)))
			.list();
		return jdbc.sql("""
				SELECT COUNT(DISTINCT r.person_key), COUNT(*), COALESCE(SUM(r.hours), 0),
					COALESCE(SUM(CASE WHEN r.problem_solved THEN 1 ELSE 0 END), 0)
				FROM service_record r WHERE r.territory_path LIKE ? AND """ + " " + NOT_REVERSED)
			.param(like)
			.query((rs, n) -> new Measures(regs.getOrDefault("PARTY_MEMBER", 0L), regs.getOrDefault("UNIT", 0L),
					regs.getOrDefault("VOLUNTEER", 0L), rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2),
					rs.getLong(4)))
			.single();
	}

	List<Month> trend(String path) {
		YearMonth now = YearMonth.now(ServiceHours.ZONE);
		YearMonth first = now.minusMonths(11);
		OffsetDateTime from = first.atDay(1).atStartOfDay(ServiceHours.ZONE).toOffsetDateTime();
		Map<YearMonth, long[]> counts = new LinkedHashMap<>();
		Map<YearMonth, BigDecimal> hours = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
			counts.put(m, new long[3]);
			hours.put(m, BigDecimal.ZERO.setScale(2));
		}
		jdbc.sql("SELECT r.delivered_at, r.hours, r.problem_solved FROM service_record r WHERE r.territory_path LIKE ?"
				+ " AND r.delivered_at >= ? AND " + NOT_REVERSED)
			.params(path + "%", from)
			.query((rs, n) -> {
				YearMonth m = YearMonth.from(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(ServiceHours.ZONE));
				long[] c = counts.get(m);
				if (c != null) {
					c[0]++;
					c[1] += rs.getBoolean(3) ? 1 : 0;
					hours.merge(m, rs.getBigDecimal(2), BigDecimal::add);
				}
				return null;
			})
			.list();
		jdbc.sql("SELECT registered_at FROM service_participant WHERE territory_path LIKE ? AND registered_at >= ?")
			.params(path + "%", from)
			.query((rs, n) -> {
				long[] c = counts.get(YearMonth.from(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(ServiceHours.ZONE)));
				if (c != null) {
					c[2]++;
				}
				return null;
			})
			.list();
		List<Month> list = new ArrayList<>();
		counts.forEach((m, c) -> list.add(new Month(m.toString(), c[0], hours.get(m).setScale(2), c[1], c[2])));
		return list;
	}

}
