package org.jinlin.alarms.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.AlarmStatus;
import org.jinlin.alarms.internal.AlarmView;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Shared helpers of the alarm pages: messages, field errors, and the rows of the queue with names resolved. */
@Component
@RequiredArgsConstructor
class AlarmPagesSupport {

	/** Times are shown in the city's zone. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MessageSource messages;

	private final ElderRegister elders;

	private final Territories territories;

	private final AlarmQueries queries;

	String msg(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/**
	 * One alarm as a row of the desk: the elder's name and community (system look-ups: the caller may already see the
	 * alarm), and whether it is late (no acknowledgement within the ack timeout, or no arrival within the deadline).
	 */
	record Row(AlarmView alarm, String elderName, String communityName, boolean ackOverdue, boolean arrivalOverdue) {

		public boolean overdue() {
			return ackOverdue || arrivalOverdue;
		}

		public long raisedEpochMillis() {
			return alarm.raisedAt().toEpochMilli();
		}
	}

	List<Row> rows(List<AlarmView> alarms) {
		Map<Long, String> names = new HashMap<>();
		Map<Long, String> communities = new HashMap<>();
		Instant now = Instant.now();
		List<Row> rows = new ArrayList<>();
		for (AlarmView a : alarms) {
			String name = names.computeIfAbsent(a.elderId(), id -> elders.locate(id).map(ElderLocation::name).orElse("#" + id));
			String community = communities.computeIfAbsent(a.communityId(),
					id -> territories.lookup(id).map(TerritoryNode::name).orElse(""));
			boolean ackLate = AlarmStatus.UNACKNOWLEDGED.contains(a.status())
					&& Duration.between(a.raisedAt(), now).compareTo(queries.ackTimeout()) > 0;
			boolean arrivalLate = a.arrivalOverdue() || (AlarmStatus.ON_THE_WAY.contains(a.status())
					&& a.acknowledgedAt() != null
					&& Duration.between(a.acknowledgedAt(), now).compareTo(queries.arrivalDeadline()) > 0);
			rows.add(new Row(a, name, community, ackLate, arrivalLate));
		}
		return rows;
	}

	Row row(AlarmView a) {
		return rows(List.of(a)).get(0);
	}

	/** What the elder reads about her alarm, in big text. */
	String statusForElder(AlarmView a) {
		String who = a.responder() == null ? "" : a.responder();
		return msg("alarms.pages.help.status." + a.status().name(), who);
	}

	/** Bootstrap badge colour of a status. */
	static String badge(AlarmStatus s) {
		return switch (s) {
			case RAISED, NOTIFIED -> "text-bg-danger";
			case ACKNOWLEDGED, EN_ROUTE -> "text-bg-warning";
			case ARRIVED -> "text-bg-primary";
			case RESOLVED -> "text-bg-success";
		};
	}
}
