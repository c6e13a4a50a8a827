package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.internal.LedgerPolicy;
import org.jinlin.servicehours.internal.ServiceHoursAccess;
import org.jinlin.servicehours.internal.ServiceRecordRepository;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-hours indicator for other modules (the quality cockpit): for a territory inside the current staff
 * member's jurisdiction and a month (the city's calendar), the hours of service delivered by members, units and
 * volunteers per 1,000 residents ({@link HoursFigure}), and the service records it counts (no names), whose total
 * is the figure's {@code records}. Reversed records do not count, as on the service figures page. Staff only (403
 * otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ServiceIndicators {

	private final ServiceRecordRepository records;

	private final Territories territories;

	private final MessageSource messages;

	/** The month's hours for the territory (the account's own node when {@code null}). */
	public HoursFigure hours(String territoryCode, YearMonth month) {
		TerritoryNode node = node(territoryCode);
		List<ServiceRecordRepository.HoursRow> rows = rows(node, month);
		BigDecimal hours = rows.stream().map(ServiceRecordRepository.HoursRow::hours).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		return new HoursFigure(rows.size(), hours, node.population(), perThousand(hours, node.population()));
	}

	/** The service records the figure counts, oldest first. */
	public Paged<CountedRecord> records(String territoryCode, YearMonth month, int page, int size) {
		List<ServiceRecordRepository.HoursRow> rows = rows(node(territoryCode), month);
		Map<Long, String> places = new HashMap<>();
		List<CountedRecord> items = rows.stream().skip((long) page * size).limit(size)
			.map(r -> new CountedRecord(r.id(),
					messages.getMessage("servicehours.source." + r.source(), null, r.source(),
							LocaleContextHolder.getLocale()) + " · " + r.hours().stripTrailingZeros().toPlainString() + " h",
					places.computeIfAbsent(r.communityId(),
							id -> territories.lookup(id).map(TerritoryNode::name).orElse(null)),
					r.deliveredAt().toInstant(), true, "/service/figures?territory="
							+ territories.lookup(r.communityId()).map(TerritoryNode::code).orElse("")))
			.toList();
		return new Paged<>(items, page, size, rows.size());
	}

	/** Hours per 1,000 residents, one decimal; {@code null} without a population. */
	static Double perThousand(BigDecimal hours, Long population) {
		return population == null || population == 0 ? null
				: hours.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP)
					.doubleValue();
	}

	private List<ServiceRecordRepository.HoursRow> rows(TerritoryNode node, YearMonth month) {
		OffsetDateTime from = month.atDay(1).atStartOfDay(LedgerPolicy.ZONE).toOffsetDateTime();
		OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(LedgerPolicy.ZONE).toOffsetDateTime();
		return records.deliveredBetween(node.path(), from, to);
	}

	private TerritoryNode node(String territoryCode) {
		Actor actor = AccessRules.require(ServiceHoursAccess::reader, "Staff only");
		return (territoryCode == null || territoryCode.isBlank() ? territories.lookup(actor.territoryId())
				: territories.lookupByCode(territoryCode.strip()))
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
	}
}
