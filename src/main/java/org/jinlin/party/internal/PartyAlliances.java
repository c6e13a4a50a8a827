package org.jinlin.party.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.party.OrgKind;
import org.jinlin.party.PartyOrganisations;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alliances of co-building units, their commitments and deliveries, and part-time committee members. A unit is
 * paired with a community: staff see the units (and their alliance) whose community lies in their jurisdiction.
 * A delivery recorded with hours is reported to service hours ({@link ServiceDelivered}, source
 * {@code ALLIANCE_COMMITMENT}, person {@code unit:<id>}, reference {@code delivery:<id>}) in the same transaction.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PartyAlliances {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final java.util.Set<String> CATEGORIES = java.util.Set.of("ELDERLY", "CHILDREN", "EDUCATION", "MEDICAL", "HARDSHIP", "ENVIRONMENT",
			"CULTURE", "EMPLOYMENT", "OTHER");

	private final AllianceRepository alliances;

	private final PartyOrgRepository orgs;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final FieldErrors fieldErrors;

	public record UnitRow(long id, long allianceId, String name, String kind, long territoryId, String territoryPath,
			String contactName, String contactPhone, int commitments, int deliveries) {
	}

	public record AllianceView(long id, String name, String territoryPath, String territoryName, List<UnitRow> units) {
	}

	public record DeliveryView(long id, long commitmentId, String description, LocalDate deliveredOn, int quantity,
			BigDecimal hours, String personName, String recordedBy) {
	}

	public record CommitmentView(long id, String title, String category, int targetCount, int delivered,
			List<DeliveryView> deliveries) {

		public int percent() {
			return targetCount == 0 ? 0 : Math.min(100, delivered * 100 / targetCount);
		}
	}

	public record UnitDetail(long id, String name, String kind, long allianceId, String allianceName, String communityName,
			String contactName, String contactPhone, List<CommitmentView> commitments, List<CommitteeMemberView> seats) {
	}

	public record CommitteeMemberView(long id, long committeeId, String committeeName, String personName, Long unitId,
			String unitName, LocalDate termStart, LocalDate termEnd) {
	}

	public record CommitmentDraft(String title, String category, Integer targetCount) {
	}

	public record DeliveryDraft(String description, String deliveredOn, Integer quantity, BigDecimal hours, String personName) {
	}

	public record CommitteeMemberDraft(Long committeeId, String personName, Long unitId, String unitName, String termStart,
			String termEnd) {
	}

	/** Alliances with the units in the actor's jurisdiction (or under a node inside it). */
	public List<AllianceView> alliances(String territoryCode, String q) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode));
		String like = q == null || q.isBlank() ? "%"
				: "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		List<UnitRow> units = alliances.units(node.path(), like);
		Map<Long, List<UnitRow>> byAlliance = new java.util.LinkedHashMap<>();
		units.forEach(u -> byAlliance.computeIfAbsent(u.allianceId(), k -> new ArrayList<>()).add(u));
		if (byAlliance.isEmpty()) {
			return List.of();
		}
		List<AllianceView> result = new ArrayList<>();
		List<Long> ids = new ArrayList<>(byAlliance.keySet());
		for (int i = 0; i < ids.size(); i += 500) {
			List<AllianceRepository.Alliance> found = alliances.alliances(ids.subList(i, Math.min(ids.size(), i + 500)));
			Map<Long, String> names = new java.util.HashMap<>();
			territories.lookupAll(found.stream().map(AllianceRepository.Alliance::territoryId).toList())
				.forEach(n -> names.put(n.id(), n.name()));
			found.forEach(a -> result.add(new AllianceView(a.id(), a.name(), a.territoryPath(),
					names.get(a.territoryId()), byAlliance.get(a.id()))));
		}
		return result;
	}

	private UnitRow unitRow(Actor actor, long id) {
		return alliances.unit(id).filter(u -> actor.covers(u.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No co-building unit " + id));
	}

	public UnitDetail unit(long id) {
		Actor actor = PartyAccess.requireReader();
		UnitRow u = unitRow(actor, id);
		String allianceName = alliances.allianceName(u.allianceId());
		String community = territories.lookup(u.territoryId()).map(TerritoryNode::name).orElse(null);
		List<DeliveryView> deliveries = alliances.deliveries(id);
		List<CommitmentView> commitments = alliances.commitments(id).stream().map(c -> {
				List<DeliveryView> mine = deliveries.stream().filter(d -> d.commitmentId() == c.id()).toList();
				return new CommitmentView(c.id(), c.title(), c.category(), c.targetCount(),
						mine.stream().mapToInt(DeliveryView::quantity).sum(), mine);
			}).toList();
		List<CommitteeMemberView> seats = alliances.seats(actor.jurisdiction().likePattern(), id, null);
		return new UnitDetail(u.id(), u.name(), u.kind(), u.allianceId(), allianceName, community, u.contactName(),
				u.contactPhone(), commitments, seats);
	}

	@Transactional
	public CommitmentView addCommitment(long unitId, CommitmentDraft d) {
		Actor actor = PartyAccess.requireReader();
		unitRow(actor, unitId);
		PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "title", d.title(), 200);
		if (d.category() == null || !CATEGORIES.contains(d.category())) {
			PartyRules.add(errors, "category", "party.error.oneOf", new java.util.TreeSet<>(CATEGORIES).toString());
		}
		if (!PartyRules.inRange(d.targetCount(), 1, 100_000)) {
			PartyRules.range(errors, "targetCount", 1, 100_000);
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		long id = alliances.insertCommitment(unitId, d.title().strip(), d.category(), d.targetCount());
		return new CommitmentView(id, d.title().strip(), d.category(), d.targetCount(), 0, List.of());
	}

	/** Records a delivery against a commitment; with hours, reports it to service hours in the same transaction. */
	@Transactional
	public DeliveryView recordDelivery(long commitmentId, DeliveryDraft d) {
		Actor actor = PartyAccess.requireReader();
		AllianceRepository.Commitment commitment = alliances.commitment(commitmentId)
			.orElseThrow(() -> new NotFoundException("No commitment " + commitmentId));
		UnitRow unit = alliances.unit(commitment.unitId()).filter(u -> actor.covers(u.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No commitment " + commitmentId));
		PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "description", d.description(), 500);
		LocalDate on = PartyRules.date(errors, "deliveredOn", d.deliveredOn());
		if (on != null && on.isAfter(LocalDate.now(ZONE))) {
			PartyRules.add(errors, "deliveredOn", "party.error.future");
		}
		if (!PartyRules.inRange(d.quantity(), 1, 100_000)) {
			PartyRules.range(errors, "quantity", 1, 100_000);
		}
		BigDecimal hours = d.hours();
		if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 2
				&& hours.stripTrailingZeros().scale() > 2)) {
			PartyRules.add(errors, "hours", "party.error.hours");
		}
		if (d.personName() != null && d.personName().strip().length() > 100) {
			PartyRules.tooLong(errors, "personName", 100);
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		BigDecimal stored = hours == null ? null : hours.setScale(2, RoundingMode.UNNECESSARY);
		long id = alliances.insertDelivery(commitmentId, d.description().strip(), on, d.quantity(), stored,
				PartyRules.strip(d.personName()), actor.name());
		if (stored != null) {
			events.publishEvent(new ServiceDelivered("unit:" + unit.id(), unit.name(), unit.territoryId(),
					unit.territoryPath(), ServiceSource.ALLIANCE_COMMITMENT, "delivery:" + id, commitment.category(),
					commitment.title() + ": " + d.description().strip(), stored, false,
					"ELDERLY".equals(commitment.category()), on.atStartOfDay(ZONE).toInstant(), actor.name()));
		}
		return new DeliveryView(id, commitmentId, d.description().strip(), on, d.quantity(), stored,
				PartyRules.strip(d.personName()), actor.name());
	}

	// ------------------------------------------------------------------ part-time committee members

	public List<CommitteeMemberView> committeeMembers(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		String path = territoryCode == null || territoryCode.isBlank() ? actor.territoryPath()
				: territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode)).path();
		return alliances.seats(actor.jurisdiction().likePattern(), null, path);
	}

	@Transactional
	public CommitteeMemberView addCommitteeMember(CommitteeMemberDraft d) {
		Actor actor = PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "personName", d.personName(), 50);
		if (d.committeeId() == null) {
			PartyRules.add(errors, "committeeId", "party.error.blank");
		}
		LocalDate start = PartyRules.date(errors, "termStart", d.termStart());
		LocalDate end = PartyRules.date(errors, "termEnd", d.termEnd());
		if (start != null && end != null && end.isBefore(start)) {
			PartyRules.add(errors, "termEnd", "party.error.termEnd");
		}
		if (d.unitId() == null) {
			PartyRules.requireText(errors, "unitName", d.unitName(), 100);
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		PartyOrgRepository.Stored committee = committee(actor, d.committeeId(), orgs, fieldErrors);
		String unitName = PartyRules.strip(d.unitName());
		if (d.unitId() != null) {
			unitName = alliances.unit(d.unitId()).map(UnitRow::name).orElseThrow(() -> fieldErrors.invalid(PartyRules.INVALID,
					List.of(new FieldError("unitId", "party.error.unit"))));
		}
		long id = alliances.insertSeat(committee.id(), committee.territoryPath(), d.personName().strip(), d.unitId(),
				unitName, start, end);
		return new CommitteeMemberView(id, committee.id(), committee.name(), d.personName().strip(), d.unitId(), unitName,
				start, end);
	}

	/** A community party committee in the jurisdiction: 404 when unknown or outside, a field error for another kind. */
	static PartyOrgRepository.Stored committee(Actor actor, Long id, PartyOrgRepository orgs, FieldErrors fieldErrors) {
		PartyOrgRepository.Stored committee = orgs.find(id).filter(o -> actor.covers(o.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No party organisation " + id));
		if (!OrgKind.COMMUNITY_COMMITTEE.name().equals(committee.kind())) {
			throw fieldErrors.invalid(PartyRules.INVALID, List.of(new FieldError("committeeId", "party.error.committee")));
		}
		return committee;
	}

	// ------------------------------------------------------------------ for other modules (unscoped)

	public List<PartyOrganisations.UnitRef> lookupUnits(String path) {
		return alliances.unitRefs(path);
	}

	public Optional<PartyOrganisations.UnitRef> lookupUnit(long id) {
		return alliances.unitRef(id);
	}
}
