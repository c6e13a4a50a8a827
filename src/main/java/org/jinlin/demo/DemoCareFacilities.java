package org.jinlin.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilityBulkLoad;
import org.jinlin.carefacilities.CareFacilityBulkLoad.NewCareFacility;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's care-facility network, generated deterministically (seeded {@link Random}) over the
 * demo territory so that Fuzhou (350100) shows its published figures when they are computed from the
 * records: 162 care institutions, 101 day-care centres, 470 home-care service stations, 1,838 rural
 * happiness homes and 70 elder canteens operating; 52,000 beds (mostly in institutions, the rest in
 * rural regional centres and day-care centres), 4,000 family care beds (run by the service stations),
 * 1,000 inclusive beds (in public institutions); every community and village served by a station.
 * Happiness homes sit only in the villages of the counties and county-level areas. A few suspended or
 * closed facilities are added, which the statistics do not count. Never in {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.TERRITORY + 5)
@RequiredArgsConstructor
public class DemoCareFacilities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCareFacilities.class);

	static final int INSTITUTIONS = 162;

	static final int DAY_CARE_CENTRES = 101;

	static final int SERVICE_STATIONS = 470;

	static final int HAPPINESS_HOMES = 1838;

	static final int CANTEENS = 70;

	static final int DEMONSTRATION_POINTS = 24;

	static final int BEDS = 52_000;

	static final int DAY_CARE_BEDS = 2_500;

	static final int REGIONAL_CENTRE_BEDS = 3_000;

	static final int FAMILY_CARE_BEDS = 4_000;

	static final int INCLUSIVE_BEDS = 1_000;

	/** Institutions that offer the inclusive (普惠) beds: the first ones planned. */
	static final int INCLUSIVE_INSTITUTIONS = 50;

	/** Counties and county-level areas with villages that run happiness homes. */
	public static final Set<String> HAPPINESS_DISTRICTS = Set.of("350121", "350122", "350123", "350124", "350125", "350128",
			"350181", "350112");

	private final JdbcClient jdbc;

	private final Territories territories;

	private final CareFacilityBulkLoad bulkLoad;

	/** A facility planned in memory. */
	record Planned(String name, FacilityKind kind, TerritoryNode node, String address, double lat, double lon,
			String operator, Set<FacilityService> services, int beds, int occupied, int familyCareBeds, int inclusiveBeds,
			FacilityStatus status, List<TerritoryNode> served) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "carefacilities")) {
			return;
		}
		TerritoryNode city = territories.lookupByCode("350100").orElse(null);
		if (city == null) {
			return;
		}
		long start = System.nanoTime();
		List<Planned> plan = plan(city);
		long planned = System.nanoTime();
		write(plan);
		log.info("Demo care facilities: {} planned in {} ms, written in {} ms", plan.size(), (planned - start) / 1_000_000,
				(System.nanoTime() - planned) / 1_000_000);
	}

	/** The demo network over the city's districts, streets and communities; the same on every run. */
	List<Planned> plan(TerritoryNode city) {
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		List<TerritoryNode> districts = territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path());
		List<TerritoryNode> streets = territories.lookupLevelUnder(TerritoryLevel.STREET, city.path());
		List<TerritoryNode> communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, city.path());
		districts.forEach(n -> nodes.put(n.id(), n));
		streets.forEach(n -> nodes.put(n.id(), n));
		return new DemoCareFacilityPlanner(new Random(20261127L), nodes, districts, streets, communities).plan();
	}

	/** Writes the plan through the module's bulk load, in plan order. */
	private void write(List<Planned> plan) {
		bulkLoad.load(plan.stream()
			.map(p -> new NewCareFacility(p.name(), p.kind(), p.node(), p.address(), p.lat(), p.lon(), p.operator(),
					p.services(), p.beds(), p.occupied(), p.familyCareBeds(), p.inclusiveBeds(), p.status(), p.served()))
			.toList(), "system:demo");
	}
}
