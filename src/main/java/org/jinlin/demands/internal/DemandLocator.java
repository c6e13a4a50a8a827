package org.jinlin.demands.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * Places a demand in the territory tree: a picked node (building, compound, grid or community), or a
 * map point placed in the grid whose centre is nearest (within {@value #MAX_METRES} metres).
 */
@Component
@RequiredArgsConstructor
public class DemandLocator {

	static final double MAX_METRES = 3000;

	private final Territories territories;

	private final DemandChecks errors;

	/** Where a demand is, with the ancestors used for dispatch and measures. */
	record Location(long nodeId, String path, Long gridId, Long communityId, long streetId, long districtId,
			String label, Double latitude, Double longitude, Map<TerritoryLevel, TerritoryNode> chain) {

		TerritoryNode at(TerritoryLevel level) {
			return chain.get(level);
		}

		/** What the public board shows of the place: the community and the compound or grid, never a room. */
		String publicPlace() {
			TerritoryNode compound = at(TerritoryLevel.COMPOUND);
			TerritoryNode grid = at(TerritoryLevel.GRID);
			TerritoryNode community = at(TerritoryLevel.COMMUNITY);
			if (community == null) {
				// an address a worker has still to locate: the street is all that is known, and public
				return at(TerritoryLevel.STREET).name();
			}
			String place = compound != null ? compound.name() : grid != null ? grid.name() : "";
			return (community.name() + " " + place).strip();
		}
	}

	Location locate(Long nodeId, Double latitude, Double longitude, String addressLabel) {
		TerritoryNode node;
		if (nodeId != null) {
			node = territories.lookup(nodeId).orElseThrow(() -> invalid("location", "demands.location.unknown"));
			if (node.level().ordinal() < TerritoryLevel.COMMUNITY.ordinal()) {
				throw invalid("location", "demands.location.too-coarse");
			}
		}
		else if (latitude != null && longitude != null) {
			if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
				throw invalid("location", "demands.location.invalid-point");
			}
			node = territories.nearest(TerritoryLevel.GRID, latitude, longitude, MAX_METRES)
				.orElseThrow(() -> invalid("location", "demands.location.outside"));
		}
		else {
			throw invalid("location", "demands.location.required");
		}
		Map<TerritoryLevel, TerritoryNode> chain = chain(node);
		TerritoryNode community = chain.get(TerritoryLevel.COMMUNITY);
		TerritoryNode street = chain.get(TerritoryLevel.STREET);
		TerritoryNode district = chain.get(TerritoryLevel.DISTRICT);
		if (community == null || street == null || district == null) {
			throw invalid("location", "demands.location.too-coarse");
		}
		TerritoryNode grid = chain.get(TerritoryLevel.GRID);
		String label = addressLabel != null && !addressLabel.isBlank() ? addressLabel.strip() : label(chain);
		Double lat = latitude != null ? latitude : node.latitude();
		Double lon = longitude != null ? longitude : node.longitude();
		return new Location(node.id(), node.path(), grid == null ? null : grid.id(), community.id(), street.id(),
				district.id(), clip(label), lat, lon, chain);
	}

	/**
	 * Places a demand located only by an address typed as text, inside a jurisdiction (an API key's): at the
	 * community, compound or building the text names; with no match, at the jurisdiction's own community or street,
	 * without coordinates and marked for a worker to locate (at a street it has no community until then). A
	 * jurisdiction wider than a street cannot hold an unmatched address: that is a field error.
	 */
	Located locateByAddress(String address, long jurisdictionId, String jurisdictionPath) {
		List<TerritoryNode> places = DemandAddressMatch.LEVELS.stream()
			.flatMap(level -> territories.lookupLevelUnder(level, jurisdictionPath).stream())
			.toList();
		var match = DemandAddressMatch.best(address, places);
		if (match.isPresent()) {
			return new Located(locate(match.get().id(), null, null, address), false);
		}
		TerritoryNode own = territories.lookup(jurisdictionId).orElseThrow(() -> invalid("location", "demands.location.unknown"));
		Map<TerritoryLevel, TerritoryNode> chain = chain(own);
		TerritoryNode community = chain.get(TerritoryLevel.COMMUNITY);
		TerritoryNode street = chain.get(TerritoryLevel.STREET);
		TerritoryNode district = chain.get(TerritoryLevel.DISTRICT);
		if (street == null || district == null) {
			throw invalid("location", "demands.location.address-unmatched");
		}
		if (community == null) {
			return new Located(new Location(street.id(), street.path(), null, null, street.id(), district.id(),
					clip(address.strip()), null, null, chain), true);
		}
		Location at = locate(community.id(), null, null, address);
		return new Located(new Location(at.nodeId(), at.path(), at.gridId(), at.communityId(), at.streetId(),
				at.districtId(), at.label(), null, null, at.chain()), true);
	}

	/** An address label as the column holds it (300 characters). */
	private static String clip(String label) {
		return label.length() > 300 ? label.substring(0, 300) : label;
	}

	/** The node and its ancestors, by level. */
	private Map<TerritoryLevel, TerritoryNode> chain(TerritoryNode node) {
		return territories.lookupAll(node.ancestorIds()).stream()
			.collect(Collectors.toMap(TerritoryNode::level, Function.identity(), (a, b) -> a));
	}

	/** A location found from an address text; {@code needsLocating} when only the jurisdiction is known. */
	record Located(Location location, boolean needsLocating) {
	}

	private static String label(Map<TerritoryLevel, TerritoryNode> chain) {
		StringBuilder b = new StringBuilder();
		for (TerritoryLevel level : List.of(TerritoryLevel.DISTRICT, TerritoryLevel.STREET, TerritoryLevel.COMMUNITY,
				TerritoryLevel.COMPOUND, TerritoryLevel.BUILDING)) {
			TerritoryNode n = chain.get(level);
			if (n != null) {
				b.append(n.name());
			}
		}
		return b.toString();
	}

	private ValidationFailedException invalid(String field, String code) {
		return errors.invalid(field, code);
	}
}
