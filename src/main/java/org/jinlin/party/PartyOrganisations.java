package org.jinlin.party;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.internal.PartyAlliances;
import org.jinlin.party.internal.PartyDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries on party organisations and co-building units for other modules (e.g. member service looking up a
 * member's organisation or a unit). Unscoped: callers apply their own jurisdiction rules; no phones are returned.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PartyOrganisations {

	private final PartyDirectory directory;

	private final PartyAlliances alliances;

	/** An organisation as other modules see it. */
	public record OrgRef(long id, String name, OrgKind kind, Long parentId, long territoryId, String territoryPath,
			String secretaryName, int memberCount) {
	}

	/** A co-building unit as other modules see it. */
	public record UnitRef(long id, String name, UnitKind kind, long allianceId, String allianceName, long territoryId,
			String territoryPath) {
	}

	/** Compound-branch coverage of a territory node. */
	public record CoverageRef(long territoryId, long compounds, long covered, BigDecimal rate) {
	}

	public Optional<OrgRef> find(long orgId) {
		return directory.lookup(orgId);
	}

	/** The organisations whose node lies under the path (e.g. a community's committee and branches). */
	public List<OrgRef> organisationsUnder(String territoryPath) {
		return directory.lookupUnder(territoryPath);
	}

	/** The co-building units paired with communities under the path. */
	public List<UnitRef> unitsOf(String territoryPath) {
		return alliances.lookupUnits(territoryPath);
	}

	public Optional<UnitRef> unit(long unitId) {
		return alliances.lookupUnit(unitId);
	}

	/** Coverage of a territory node (unscoped). */
	public CoverageRef coverage(long territoryId) {
		return directory.coverageRef(territoryId);
	}
}
