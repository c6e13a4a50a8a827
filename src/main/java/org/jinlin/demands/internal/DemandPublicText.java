package org.jinlin.demands.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.PublicText;
import org.jinlin.territory.Territories;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demands' free text as the public sees it: {@link PublicText} with the raiser's own name and address parts as the
 * resident register knows them (read by id through the people module's {@link ResidentRegister}), and the marker in
 * the request's language.
 */
@Component
@RequiredArgsConstructor
public class DemandPublicText {

	private final ResidentRegister residents;

	private final Territories territories;

	/** The text scrubbed for the public, hiding the given known parts too. */
	public String scrub(String text, Collection<String> knownParts) {
		return PublicText.scrub(text, LocaleContextHolder.getLocale(), knownParts);
	}

	/** The known personal parts of the raiser of each demand raised by a registered resident, by demand id. */
	Map<Long, List<String>> knownParts(Collection<DemandView> demands) {
		Map<Long, Long> residentOf = new HashMap<>();
		demands.stream().filter(d -> d.residentId() != null).forEach(d -> residentOf.put(d.id(), d.residentId()));
		return byDemand(residentOf);
	}

	/** As {@link #knownParts(Collection)}, from demand id to resident id. */
	Map<Long, List<String>> byDemand(Map<Long, Long> residentOf) {
		if (residentOf.isEmpty()) {
			return Map.of();
		}
		List<ResidentView> raisers = residents.lookupAll(new HashSet<>(residentOf.values()));
		Set<Long> buildingIds = new HashSet<>();
		raisers.forEach(r -> buildingIds.add(r.buildingId()));
		Map<Long, String> buildingNames = new HashMap<>();
		territories.lookupAll(buildingIds).forEach(b -> buildingNames.put(b.id(), b.name()));
		Map<Long, List<String>> byResident = new HashMap<>();
		raisers.forEach(r -> byResident.put(r.id(), parts(r, buildingNames.get(r.buildingId()))));
		Map<Long, List<String>> byDemand = new HashMap<>();
		residentOf.forEach((demand, resident) -> byDemand.put(demand, byResident.getOrDefault(resident, List.of())));
		return byDemand;
	}

	/**
	 * What of a resident's record could name her in a sentence: her name, her building ("3号楼"), the compound
	 * with the building as her address label starts ("锦华苑3号楼"), her unit ("2单元") and room ("502室"). A bare
	 * room or unit number is not a part: it would hide every such number in the text.
	 */
	static List<String> parts(ResidentView r, String buildingName) {
		Set<String> parts = new LinkedHashSet<>();
		parts.add(r.name());
		parts.add(buildingName);
		if (r.addressLabel() != null) {
			String[] label = r.addressLabel().strip().split("\\s+");
			parts.add(label[0]);
		}
		parts.add(suffixed(r.unit(), "单元"));
		parts.add(suffixed(r.room(), "室"));
		List<String> list = new ArrayList<>();
		parts.stream().filter(Objects::nonNull).map(String::strip)
			.filter(p -> p.codePointCount(0, p.length()) >= PublicText.MIN_KNOWN_PART)
			.forEach(list::add);
		return list;
	}

	/** "502" becomes "502室"; a room written otherwise ("502室", "东厢") is kept as written. */
	private static String suffixed(String value, String suffix) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.matches("[0-9A-Za-z-]+") ? v + suffix : v;
	}
}
