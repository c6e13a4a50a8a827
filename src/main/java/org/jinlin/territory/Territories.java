package org.jinlin.territory;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.internal.TerritoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on the territory tree. Methods without an {@link Actor} argument use the current
 * request's actor and only return what lies in its jurisdiction (its subtree, plus the chain
 * of ancestors above its own node, so a grid worker sees the community she works in).
 * The {@code lookup*} methods are unscoped and meant for other modules' validation of references.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Territories {

	private final TerritoryRepository repository;

	/** A node the current actor may see, or 404. */
	public TerritoryNode get(String code) {
		Actor actor = CurrentActor.require();
		return repository.findByCode(code).filter(n -> visible(actor, n))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	/** Children of a node, restricted to what the current actor may see. */
	public List<TerritoryNode> children(String code) {
		Actor actor = CurrentActor.require();
		TerritoryNode parent = get(code);
		return repository.children(parent.id()).stream().filter(n -> visible(actor, n)).toList();
	}

	/** Communities and villages the current actor may see, with their street and district. */
	public List<CommunitySummary> communities() {
		Actor actor = CurrentActor.require();
		TerritoryNode root = repository.findById(actor.territoryId()).orElseThrow();
		List<TerritoryNode> communities = root.level().ordinal() >= TerritoryLevel.COMMUNITY.ordinal()
				? repository.findByIds(root.ancestorIds()).stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY).toList()
				: repository.findByLevelUnder(TerritoryLevel.COMMUNITY, root.path());
		java.util.Set<Long> ancestorIds = new java.util.HashSet<>();
		communities.forEach(c -> ancestorIds.addAll(c.ancestorIds()));
		java.util.Map<Long, TerritoryNode> ancestors = new java.util.HashMap<>();
		repository.findByIds(ancestorIds).forEach(n -> ancestors.put(n.id(), n));
		return communities.stream().map(c -> {
			String street = null;
			String district = null;
			for (Long id : c.ancestorIds()) {
				TerritoryNode a = ancestors.get(id);
				if (a != null && a.level() == TerritoryLevel.STREET) {
					street = a.code();
				}
				if (a != null && a.level() == TerritoryLevel.DISTRICT) {
					district = a.code();
				}
			}
			return new CommunitySummary(c.code(), c.name(), street, district, c.rural(), c.population(), c.elderlyPopulation());
		}).toList();
	}

	/** Whether the actor may see this node: inside its subtree or on the chain above it. */
	public static boolean visible(Actor actor, TerritoryNode node) {
		return node.path().startsWith(actor.territoryPath()) || actor.territoryPath().startsWith(node.path());
	}

	/** Unscoped: a node by id, for reference checks by other modules. */
	public Optional<TerritoryNode> lookup(long id) {
		return repository.findById(id);
	}

	/** Unscoped: a node by code, for reference checks by other modules. */
	public Optional<TerritoryNode> lookupByCode(String code) {
		return repository.findByCode(code);
	}

	/** Unscoped: several nodes by id. */
	public List<TerritoryNode> lookupAll(java.util.Collection<Long> ids) {
		return repository.findByIds(ids);
	}

	/** Unscoped: all nodes of a level under a path prefix. */
	public List<TerritoryNode> lookupLevelUnder(TerritoryLevel level, String pathPrefix) {
		return repository.findByLevelUnder(level, pathPrefix);
	}

	/**
	 * Unscoped (public geography): nodes of a level whose point lies in the WGS-84 box, at most {@code limit}, for
	 * drawing maps.
	 */
	public List<TerritoryNode> lookupLevelInBox(TerritoryLevel level, double south, double west, double north,
			double east, int limit) {
		return repository.findByLevelInBox(level, south, west, north, east, limit);
	}

	/**
	 * Unscoped: the city, districts, streets and communities under a path prefix (a jurisdiction), in code order
	 * (parents before children), as entries of a choice list.
	 */
	public List<TerritoryOption> optionsUnder(String pathPrefix) {
		return optionsUnder(pathPrefix, java.util.EnumSet.range(TerritoryLevel.CITY, TerritoryLevel.COMMUNITY), n -> true);
	}

	/**
	 * Unscoped: the nodes of the given levels under a path prefix (the node itself included) that {@code keep}
	 * accepts, in code order, as entries of a choice list — e.g. the units a demand may be sent to, so that a form
	 * offers names instead of asking for a code.
	 */
	public List<TerritoryOption> optionsUnder(String pathPrefix, java.util.Set<TerritoryLevel> levels,
			java.util.function.Predicate<TerritoryNode> keep) {
		return levels.stream()
			.flatMap(level -> repository.findByLevelUnder(level, pathPrefix).stream())
			.filter(keep)
			.sorted(java.util.Comparator.comparing(TerritoryNode::code))
			.map(TerritoryOption::of)
			.toList();
	}

	/**
	 * Unscoped: the node of a level nearest to a point, within {@code maxMetres}, for placing a map
	 * point (e.g. the grid a demand's location falls in, approximated by the nearest grid centre).
	 */
	public Optional<TerritoryNode> nearest(TerritoryLevel level, double latitude, double longitude, double maxMetres) {
		TerritoryNode best = null;
		double bestDistance = Double.MAX_VALUE;
		for (TerritoryNode n : repository.findByLevelUnder(level, "/")) {
			if (n.latitude() == null || n.longitude() == null) {
				continue;
			}
			double d = metres(latitude, longitude, n.latitude(), n.longitude());
			if (d < bestDistance) {
				bestDistance = d;
				best = n;
			}
		}
		return bestDistance <= maxMetres ? Optional.ofNullable(best) : Optional.empty();
	}

	/** Great-circle distance in metres (haversine). */
	public static double metres(double lat1, double lon1, double lat2, double lon2) {
		double r = 6_371_000;
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
				* Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * r * Math.asin(Math.sqrt(a));
	}

	/** A community or village as listed by {@code GET /api/v1/communities}. */
	public record CommunitySummary(String code, String name, String streetCode, String districtCode, boolean rural,
			Long population, Long elderlyPopulation) {
	}
}
