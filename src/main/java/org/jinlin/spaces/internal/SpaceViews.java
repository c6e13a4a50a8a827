package org.jinlin.spaces.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jinlin.spaces.Space;

/** Spaces with their zones, as the API and other modules see them. */
final class SpaceViews {

	private SpaceViews() {
	}

	static List<Space> of(SpaceRepository repository, List<SpaceRepository.SpaceRow> rows) {
		Map<Long, List<SpaceRepository.ZoneRow>> zones = repository
			.zones(rows.stream().map(SpaceRepository.SpaceRow::id).toList())
			.stream()
			.collect(Collectors.groupingBy(SpaceRepository.ZoneRow::spaceId));
		return rows.stream()
			.map(s -> new Space(s.id(), s.name(), zones.getOrDefault(s.id(), List.of()).stream()
				.map(z -> new Space.Zone(z.id(), z.name(), z.kind())).toList()))
			.toList();
	}
}
