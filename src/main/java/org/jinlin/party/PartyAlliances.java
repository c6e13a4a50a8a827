package org.jinlin.party;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
class PartyAlliances {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Set<String> CATEGORIES = Set.of("ELDERLY", "CHILDREN", "EDUCATION", "MEDICAL", "HARDSHIP", "ENVIRONMENT",
			"CULTURE", "EMPLOYMENT", "OTHER");

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	PartyAlliances(JdbcClient jdbc, Territories territories, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.events = events;
	}

	record UnitRow(long id, long allianceId, String name, String kind, long territoryId, String territoryPath,
			String contactName, String contactPhone, int commitments, int deliveries) {
	}

	record AllianceView(long id, String name, String territoryPath, String territoryName, List<UnitRow> units) {
	}

	record DeliveryView(long id, long commitmentId, String description, LocalDate deliveredOn, int quantity,
			BigDecimal hours, String personName, String recordedBy) {
	}

	record CommitmentView(long id, String title, String category, int targetCount, int delivered,
			List<DeliveryView> deliveries) {

		public int percent() {
			return targetCount == 0 ? 0 : Math.min(100, delivered * 100 / targetCount);
		}
	}

	record UnitDetail(long id, String name, String kind, long allianceId, String allianceName, String communityName,
			String contactName, String contactPhone, List<CommitmentView> commitments, List<CommitteeMemberView> seats) {
	}

	record CommitteeMemberView(long id, long committeeId, String committeeName, String personName, Long unitId,
			String unitName, LocalDate termStart, LocalDate termEnd) {
	}

	record CommitmentDraft(String title, String category, Integer targetCount) {
	}

	record DeliveryDraft(String description, String deliveredOn, Integer quantity, BigDecimal hours, String personName) {
	}

	record CommitteeMemberDraft(Long committeeId, String personName, Long unitId, String unitName, String termStart,
			String termEnd) {
	}

	private static final String UNIT_SELECT = """
			SELECT u.id, u.alliance_id, u.name, u.kind, u.territory_id, u.territory_path, u.contact_name,
			       u.contact_phone_masked AS contact_phone,
			       (SELECT COUNT(*) FROM party_commitment c WHERE c.unit_id = u.id) AS commitments,
			       (SELECT COUNT(*) FROM party_delivery d JOIN party_commitment c ON c.id = d.commitment_id
			        WHERE c.unit_id = u.id) AS deliveries
			FROM party_unit u""";

	/** Alliances with the units in the actor's jurisdiction (or under a node inside it). */
	List<AllianceView> alliances(String territoryCode, String q) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode));
		String like = q == null || q.isBlank() ? "%"
				: "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		List<UnitRow> units = jdbc.sql(UNIT_SELECT + " WHERE u.territory_path LIKE ? AND LOWER(u.name) LIKE ? ORDER BY u.alliance_id, u.id")
			.params(node.path() + "%", like).query(UnitRow.class).list();
		Map<Long, List<UnitRow>> byAlliance = new java.util.LinkedHashMap<>();
		units.forEach(u -> byAlliance.computeIfAbsent(u.allianceId(), k -> new ArrayList<>()).add(u));
		if (byAlliance.isEmpty()) {
			return List.of();
		}
		record A(long id, String name, long territoryId, String territoryPath) {
		}
		List<AllianceView> result = new ArrayList<>();
		List<Long> ids = new ArrayList<>(byAlliance.keySet());
		for (int i = 0; i < ids.size(); i += 500) {
			List<A> alliances = jdbc.sql("SELECT id, name, territory_id, territory_path FROM party_alliance WHERE id IN (:ids) ORDER BY territory_path")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).query(A.class).list();
			Map<Long, String> names = new java.util.HashMap<>();
			territories.lookupAll(alliances.stream().map(A::territoryId).toList()).forEach(n -> names.put(n.id(), n.name()));
			alliances.forEach(a -> result.add(new AllianceView(a.id(), a.name(), a.territoryPath(),
					names.get(a.territoryId()), byAlliance.get(a.id()))));
		}
		return result;
	}

	private UnitRow unitRow(Actor actor, long id) {
		return jdbc.sql(UNIT_SELECT + " WHERE u.id = ?").param(id).query(UnitRow.class).optional()
			.filter(u -> actor.covers(u.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No co-building unit " + id));
	}

	UnitDetail unit(long id) {
		Actor actor = PartyAccess.requireReader();
		UnitRow u = unitRow(actor, id);
		String allianceName = jdbc.sql("SELECT name FROM party_alliance WHERE id = ?").param(u.allianceId())
			.query(String.class).single();
		String community = territories.lookup(u.territoryId()).map(TerritoryNode::name).orElse(null);
		List<DeliveryView> deliveries = jdbc.sql("""
				SELECT d.id, d.commitment_id, d.description, d.delivered_on, d.quantity, d.hours, d.person_name, d.recorded_by
				FROM party_delivery d JOIN party_commitment c ON c.id = d.commitment_id
				WHERE c.unit_id = ? ORDER BY d.delivered_on DESC, d.id DESC""").param(id).query(DeliveryView.class).list();
		record C(long id, String title, String category, int targetCount) {
		}
		List<CommitmentView> commitments = jdbc.sql("SELECT id, title, category, target_count FROM party_commitment WHERE unit_id = ? ORDER BY id")
			.param(id).query(C.class).list().stream().map(c -> {
				List<DeliveryView> mine = deliveries.stream().filter(d -> d.commitmentId() == c.id()).toList();
				return new CommitmentView(c.id(), c.title(), c.category(), c.targetCount(),
						mine.stream().mapToInt(DeliveryView::quantity).sum(), mine);
			}).toList();
		List<CommitteeMemberView> seats = committeeMembers(actor, " AND m.unit_id = ?", id);
		return new UnitDetail(u.id(), u.name(), u.kind(), u.allianceId(), allianceName, community, u.contactName(),
				u.contactPhone(), commitments, seats);
	}

	@Transactional
	CommitmentView addCommitment(long unitId, CommitmentDraft d) {
		Actor actor = PartyAccess.requireReader();
		unitRow(actor, unitId);
		PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("title", d.title(), 200);
		if (d.category() == null || !CATEGORIES.contains(d.category())) {
			errors.add("category", "must be one of " + new java.util.TreeSet<>(CATEGORIES));
		}
		if (d.targetCount() == null || d.targetCount() < 1 || d.targetCount() > 100_000) {
			errors.add("targetCount", "must be between 1 and 100000");
		}
		errors.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO party_commitment (unit_id, title, category, target_count, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(unitId, d.title().strip(), d.category(), d.targetCount(), OffsetDateTime.now()).update(keys, "id");
		return new CommitmentView(keys.getKey().longValue(), d.title().strip(), d.category(), d.targetCount(), 0, List.of());
	}

	/** Records a delivery against a commitment; with hours, reports it to service hours in the same transaction. */
	@Transactional
	DeliveryView recordDelivery(long commitmentId, DeliveryDraft d) {
		Actor actor = PartyAccess.requireReader();
		record C(long id, long unitId, String title, String category) {
		}
		C commitment = jdbc.sql("SELECT id, unit_id, title, category FROM party_commitment WHERE id = ?").param(commitmentId)
			.query(C.class).optional().orElseThrow(() -> new NotFoundException("No commitment " + commitmentId));
		UnitRow unit = jdbc.sql(UNIT_SELECT + " WHERE u.id = ?").param(commitment.unitId()).query(UnitRow.class).optional()
			.filter(u -> actor.covers(u.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No commitment " + commitmentId));
		PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("description", d.description(), 500);
		LocalDate on = PartyAccess.date(errors, "deliveredOn", d.deliveredOn());
		if (on != null && on.isAfter(LocalDate.now(ZONE))) {
			errors.add("deliveredOn", "must not be in the future");
		}
		if (d.quantity() == null || d.quantity() < 1 || d.quantity() > 100_000) {
			errors.add("quantity", "must be between 1 and 100000");
		}
		BigDecimal hours = d.hours();
		if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 2
				&& hours.stripTrailingZeros().scale() > 2)) {
			errors.add("hours", "must be more than 0 and at most 24, with at most two decimals");
		}
		if (d.personName() != null && d.personName().strip().length() > 100) {
			errors.add("personName", "at most 100 characters");
		}
		errors.throwIfAny();
		BigDecimal stored = hours == null ? null : hours.setScale(2, RoundingMode.UNNECESSARY);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_delivery (commitment_id, description, delivered_on, quantity, hours, person_name,
				  recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(commitmentId, d.description().strip(), on, d.quantity(), stored, PartyAccess.strip(d.personName()),
					actor.name(), OffsetDateTime.now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (stored != null) {
			events.publishEvent(new ServiceDelivered("unit:" + unit.id(), unit.name(), unit.territoryId(),
					unit.territoryPath(), ServiceSource.ALLIANCE_COMMITMENT, "delivery:" + id, commitment.category(),
					commitment.title() + ": " + d.description().strip(), stored, false,
					"ELDERLY".equals(commitment.category()), on.atStartOfDay(ZONE).toInstant(), actor.name()));
		}
		return new DeliveryView(id, commitmentId, d.description().strip(), on, d.quantity(), stored,
				PartyAccess.strip(d.personName()), actor.name());
	}

	// ------------------------------------------------------------------ part-time committee members

	List<CommitteeMemberView> committeeMembers(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		String path = territoryCode == null || territoryCode.isBlank() ? actor.territoryPath()
				: territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode)).path();
		return committeeMembers(actor, " AND m.territory_path LIKE ?", path + "%");
	}

	private List<CommitteeMemberView> committeeMembers(Actor actor, String where, Object param) {
		return jdbc.sql("""
				SELECT m.id, m.committee_id, o.name AS committee_name, m.person_name, m.unit_id, m.unit_name, m.term_start,
				       m.term_end
				FROM party_committee_member m JOIN party_org o ON o.id = m.committee_id
				WHERE m.territory_path LIKE ?""" + where + " ORDER BY m.territory_path, m.id")
			.params(actor.jurisdiction().likePattern(), param).query(CommitteeMemberView.class).list();
	}

	@Transactional
	CommitteeMemberView addCommitteeMember(CommitteeMemberDraft d) {
		Actor actor = PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("personName", d.personName(), 50);
		if (d.committeeId() == null) {
			errors.add("committeeId", "must not be blank");
		}
		LocalDate start = PartyAccess.date(errors, "termStart", d.termStart());
		LocalDate end = PartyAccess.date(errors, "termEnd", d.termEnd());
		if (start != null && end != null && end.isBefore(start)) {
			errors.add("termEnd", "must not be before the start of the term");
		}
		if (d.unitId() == null) {
			errors.requireText("unitName", d.unitName(), 100);
		}
		errors.throwIfAny();
		record O(long id, String name, String kind, String territoryPath) {
		}
		O committee = jdbc.sql("SELECT id, name, kind, territory_path FROM party_org WHERE id = ?").param(d.committeeId())
			.query(O.class).optional().filter(o -> actor.covers(o.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No party organisation " + d.committeeId()));
		if (!OrgKind.COMMUNITY_COMMITTEE.name().equals(committee.kind())) {
			errors.add("committeeId", "must be a community party committee").throwIfAny();
		}
		String unitName = PartyAccess.strip(d.unitName());
		if (d.unitId() != null) {
			UnitRow unit = jdbc.sql(UNIT_SELECT + " WHERE u.id = ?").param(d.unitId()).query(UnitRow.class).optional()
				.orElse(null);
			if (unit == null) {
				errors.add("unitId", "no such co-building unit").throwIfAny();
			}
			unitName = unit.name();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_committee_member (committee_id, territory_path, person_name, unit_id, unit_name, term_start,
				  term_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(committee.id(), committee.territoryPath(), d.personName().strip(), d.unitId(), unitName, start, end,
					OffsetDateTime.now())
			.update(keys, "id");
		return new CommitteeMemberView(keys.getKey().longValue(), committee.id(), committee.name(), d.personName().strip(),
				d.unitId(), unitName, start, end);
	}

	// ------------------------------------------------------------------ for other modules (unscoped)

	private record UnitRefRow(long id, String name, String kind, long allianceId, String allianceName, long territoryId,
			String territoryPath) {

		PartyOrganisations.UnitRef ref() {
			return new PartyOrganisations.UnitRef(id, name, UnitKind.valueOf(kind), allianceId, allianceName, territoryId,
					territoryPath);
		}
	}

	private static final String REF_SELECT = """
			SELECT u.id, u.name, u.kind, u.alliance_id, a.name AS alliance_name, u.territory_id, u.territory_path
			FROM party_unit u JOIN party_alliance a ON a.id = u.alliance_id""";

	List<PartyOrganisations.UnitRef> lookupUnits(String path) {
		return jdbc.sql(REF_SELECT + " WHERE u.territory_path LIKE ? ORDER BY u.id").param(path + "%")
			.query(UnitRefRow.class).list().stream().map(UnitRefRow::ref).toList();
	}

	Optional<PartyOrganisations.UnitRef> lookupUnit(long id) {
		return jdbc.sql(REF_SELECT + " WHERE u.id = ?").param(id).query(UnitRefRow.class).optional().map(UnitRefRow::ref);
	}

}
