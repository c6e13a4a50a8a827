package org.jinlin.carefacilities.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The field rules of a facility, shared by the API, the pages and the importer: names and lengths,
 * kind, status and services codes, bed figures (non-negative, occupied and inclusive beds not above the
 * total), coordinates in range and given together, the facility's node (district, street/town or
 * community/village) and its served areas (communities and villages) inside the writer's jurisdiction.
 * Plain Java: territories are looked up through the function it is given; problems are message codes, localized
 * by the caller ({@code FieldErrors}).
 */
@RequiredArgsConstructor
public final class CareFacilityValidation {

	static final int MAX_BEDS = 100_000;

	static final int MAX_SERVED_AREAS = 500;

	private final Function<String, Optional<TerritoryNode>> territoryByCode;

	/** Either the values to write or the problems found. */
	public record Outcome(CareFacilityRepository.Values values, List<FieldError> problems) {

		public boolean valid() {
			return problems.isEmpty();
		}
	}

	public Outcome check(CareFacilityDraft d, Actor actor) {
		List<FieldError> p = new ArrayList<>();
		String name = trim(d.name());
		if (name == null) {
			p.add(new FieldError("name", "carefacilities.error.required"));
		}
		else if (name.codePointCount(0, name.length()) > 100) {
			p.add(new FieldError("name", "carefacilities.error.tooLong", 100));
		}
		FacilityKind kind = null;
		if (trim(d.kind()) == null) {
			p.add(new FieldError("kind", "carefacilities.error.required"));
		}
		else {
			kind = FacilityKind.parse(d.kind()).orElse(null);
			if (kind == null) {
				p.add(new FieldError("kind", "carefacilities.error.kind"));
			}
		}
		FacilityStatus status = FacilityStatus.OPERATING;
		if (trim(d.status()) != null) {
			status = FacilityStatus.parse(d.status()).orElse(null);
			if (status == null) {
				p.add(new FieldError("status", "carefacilities.error.status"));
			}
		}
		String address = trim(d.address());
		if (address != null && address.codePointCount(0, address.length()) > 200) {
			p.add(new FieldError("address", "carefacilities.error.tooLong", 200));
		}
		String operator = trim(d.operator());
		if (operator != null && operator.codePointCount(0, operator.length()) > 100) {
			p.add(new FieldError("operator", "carefacilities.error.tooLong", 100));
		}
		Set<FacilityService> services = EnumSet.noneOf(FacilityService.class);
		if (d.services() != null) {
			for (String s : d.services()) {
				if (trim(s) == null) {
					continue;
				}
				Optional<FacilityService> service = FacilityService.parse(s);
				if (service.isPresent()) {
					services.add(service.get());
				}
				else {
					p.add(new FieldError("services", "carefacilities.error.service", s));
				}
			}
		}
		Double lat = d.latitude();
		Double lon = d.longitude();
		if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
			p.add(new FieldError("latitude", "carefacilities.error.latitude"));
		}
		if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
			p.add(new FieldError("longitude", "carefacilities.error.longitude"));
		}
		if ((lat == null) != (lon == null)) {
			p.add(new FieldError(lat == null ? "latitude" : "longitude", "carefacilities.error.coordinatePair"));
		}
		int total = beds(p, "bedsTotal", d.bedsTotal());
		int occupied = beds(p, "bedsOccupied", d.bedsOccupied());
		int family = beds(p, "familyCareBeds", d.familyCareBeds());
		int inclusive = beds(p, "inclusiveBeds", d.inclusiveBeds());
		if (occupied > total) {
			p.add(new FieldError("bedsOccupied", "carefacilities.error.occupiedAboveTotal"));
		}
		if (inclusive > total) {
			p.add(new FieldError("inclusiveBeds", "carefacilities.error.inclusiveAboveTotal"));
		}
		TerritoryNode territory = null;
		String code = trim(d.territoryCode());
		if (code == null) {
			p.add(new FieldError("territoryCode", "carefacilities.error.required"));
		}
		else {
			territory = territoryByCode.apply(code).orElse(null);
			if (territory == null) {
				p.add(new FieldError("territoryCode", "carefacilities.error.territory"));
			}
			else if (!actor.covers(territory.path())) {
				p.add(new FieldError("territoryCode", "carefacilities.error.outsideJurisdiction"));
			}
			else if (territory.level().ordinal() < TerritoryLevel.DISTRICT.ordinal()
					|| territory.level().ordinal() > TerritoryLevel.COMMUNITY.ordinal()) {
				p.add(new FieldError("territoryCode", "carefacilities.error.territoryLevel"));
			}
		}
		List<TerritoryNode> served = new ArrayList<>();
		if (d.servedAreaCodes() != null) {
			Map<String, String> seen = new LinkedHashMap<>();
			for (String c : d.servedAreaCodes()) {
				String sc = trim(c);
				if (sc != null) {
					seen.putIfAbsent(sc, sc);
				}
			}
			if (seen.size() > MAX_SERVED_AREAS) {
				p.add(new FieldError("servedAreaCodes", "carefacilities.error.tooManyAreas", MAX_SERVED_AREAS));
			}
			else {
				for (String sc : seen.keySet()) {
					TerritoryNode n = territoryByCode.apply(sc).orElse(null);
					if (n == null) {
						p.add(new FieldError("servedAreaCodes", "carefacilities.error.servedAreaUnknown", sc));
					}
					else if (n.level() != TerritoryLevel.COMMUNITY) {
						p.add(new FieldError("servedAreaCodes", "carefacilities.error.servedArea", n.name()));
					}
					else if (!actor.covers(n.path())) {
						p.add(new FieldError("servedAreaCodes", "carefacilities.error.servedAreaOutside", n.name()));
					}
					else {
						served.add(n);
					}
				}
			}
		}
		if (!p.isEmpty()) {
			return new Outcome(null, p);
		}
		return new Outcome(new CareFacilityRepository.Values(name, kind, territory, address, lat, lon, operator,
				CareFacilityRepository.encode(services), total, occupied, family, inclusive, status, served), List.of());
	}

	private static int beds(List<FieldError> p, String field, Integer value) {
		if (value == null) {
			return 0;
		}
		if (value < 0) {
			p.add(new FieldError(field, "carefacilities.error.negative"));
			return 0;
		}
		if (value > MAX_BEDS) {
			p.add(new FieldError(field, "carefacilities.error.tooLarge", MAX_BEDS));
			return 0;
		}
		return value;
	}
}
