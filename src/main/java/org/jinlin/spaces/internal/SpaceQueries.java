package org.jinlin.spaces.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.spaces.Space;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spaces as their users read them. A community's spaces, zones and rules are public facts (its public page
 * shows them signed out), so every signed-in account reads those of any community; bookings are scoped elsewhere.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SpaceQueries {

	private final SpaceRepository repository;

	private final Territories territories;

	/** The community by code (404 for an unknown code or a node that is no community). */
	public TerritoryNode community(String code) {
		return territories.lookupByCode(code == null ? "" : code.trim())
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> new NotFoundException("No community " + code));
	}

	/** A community's spaces with their zones. */
	public List<Space> ofCommunity(String code) {
		SpaceAccess.booker();
		return SpaceViews.of(repository, repository.ofCommunity(community(code).path()));
	}

	/** Unscoped (other modules): a community's spaces with their zones; empty for an unknown code. */
	public List<Space> unscoped(String code) {
		return territories.lookupByCode(code == null ? "" : code.trim())
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.map(n -> SpaceViews.of(repository, repository.ofCommunity(n.path())))
			.orElse(List.of());
	}

	/** One space with its zones, rules and blackouts, for anyone (the public page too). */
	public SpaceDetail detail(long id) {
		SpaceRepository.SpaceRow space = repository.find(id).orElseThrow(() -> new NotFoundException("No space " + id));
		return new SpaceDetail(space, repository.zones(List.of(id)), repository.blackouts(id));
	}

	/** The spaces the signed-in account may book nearby: its own community's, or (staff) those of its jurisdiction. */
	public List<SpaceRepository.SpaceRow> near() {
		return repository.around(SpaceAccess.booker().territoryPath());
	}

	/** Whether the signed-in account runs a space's bookings (staff over its community): books on others' behalf. */
	public boolean runs(SpaceRepository.SpaceRow space) {
		return BookingDesk.staffOf(SpaceAccess.booker(), space.territoryPath());
	}

	/** A space with everything its pages and the API show. */
	public record SpaceDetail(SpaceRepository.SpaceRow space, List<SpaceRepository.ZoneRow> zones,
			List<SpaceRepository.BlackoutRow> blackouts) {
	}
}
