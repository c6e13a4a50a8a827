package org.jinlin.demands.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the holiday calendar: the days that differ from the Monday-to-Friday rule. */
@Repository
@RequiredArgsConstructor
class DemandCalendarRepository {

	/** A holiday (not working) or a make-up working day. */
	record CalendarDay(LocalDate day, boolean working, String name) {
	}

	private final JdbcClient jdbc;

	/** Working or not, by date. */
	Map<LocalDate, Boolean> exceptions() {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		jdbc.sql("SELECT calendar_date, working FROM demand_calendar_day").query(rs -> {
			exceptions.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
		});
		return exceptions;
	}

	List<CalendarDay> days() {
		return jdbc.sql("SELECT calendar_date, working, name FROM demand_calendar_day ORDER BY calendar_date")
			.query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
			.list();
	}

	/** Adds a day, or replaces the entry of the same date. */
	void save(LocalDate date, boolean working, String name) {
		int changed = jdbc.sql("UPDATE demand_calendar_day SET working = ?, name = ? WHERE calendar_date = ?")
			.params(working, name, date).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO demand_calendar_day (calendar_date, working, name) VALUES (?, ?, ?)")
				.params(date, working, name).update();
		}
	}

	boolean remove(LocalDate date) {
		return jdbc.sql("DELETE FROM demand_calendar_day WHERE calendar_date = ?").param(date).update() > 0;
	}
}
