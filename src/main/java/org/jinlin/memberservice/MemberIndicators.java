package org.jinlin.memberservice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberAccess;
import org.jinlin.memberservice.internal.MemberValidation;
import org.jinlin.memberservice.internal.RegistrationRepository;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member-registration indicator for other modules (the quality cockpit): for a territory inside the current
 * staff member's jurisdiction and a month, the party members' registrations with their residential community
 * standing at the month's end (registered before it, not withdrawn by then; units not counted) per 1,000 residents,
 * and those registrations (names masked), whose total is the figure's {@code registrations}. Staff only (403
 * otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MemberIndicators {

	private final RegistrationRepository registrations;

	private final Territories territories;

	/** The registrations standing at the month's end (now, for the current month) in the territory. */
	public RegistrationFigure registrations(String territoryCode, YearMonth month) {
		TerritoryNode node = node(territoryCode);
		long count = rows(node, month).size();
		Long population = node.population();
		Double perThousand = population == null || population == 0 ? null
				: BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000))
					.divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP).doubleValue();
		return new RegistrationFigure(count, population, perThousand);
	}

	/** The registrations the figure counts, oldest first, names masked. */
	public Paged<CountedRecord> records(String territoryCode, YearMonth month, int page, int size) {
		List<RegistrationRepository.RegisteredRow> rows = rows(node(territoryCode), month);
		Map<Long, String> places = new HashMap<>();
		List<CountedRecord> items = rows.stream().skip((long) page * size).limit(size)
			.map(r -> new CountedRecord(r.id(), Masking.name(r.displayName()),
					places.computeIfAbsent(r.communityId(),
							id -> territories.lookup(id).map(TerritoryNode::name).orElse(null)),
					r.registeredAt().toInstant(), true, "/service/members/" + r.id() + "/report"))
			.toList();
		return new Paged<>(items, page, size, rows.size());
	}

	private List<RegistrationRepository.RegisteredRow> rows(TerritoryNode node, YearMonth month) {
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(MemberValidation.ZONE).toOffsetDateTime();
		OffsetDateTime now = OffsetDateTime.now(MemberValidation.ZONE);
		return registrations.membersStandingAt(node.path(), end.isAfter(now) ? now : end);
	}

	private TerritoryNode node(String territoryCode) {
		Actor actor = AccessRules.require(MemberAccess::staff, "Only staff see the registrations' figures");
		return (territoryCode == null || territoryCode.isBlank() ? territories.lookup(actor.territoryId())
				: territories.lookupByCode(territoryCode.strip()))
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory " + territoryCode));
	}
}
