package org.jinlin.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.demo.DemoResidentGenerator.Building;
import org.jinlin.demo.DemoResidentGenerator.DemoResident;
import org.jinlin.people.Gender;
import org.jinlin.people.ImportResult;
import org.jinlin.people.RegisterResident;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentBulkLoad;
import org.jinlin.people.ResidentTag;
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
 * Registers the synthetic residents of {@link DemoResidentGenerator} in the demo city, through the
 * register's bulk load ({@link ResidentBulkLoad}: the same validation, encryption, households and history
 * as an import), acting as a built-in administrator of the city since no one is signed in at start-up.
 * The record of the demo account {@code resident1} (王秀兰 of 军门社区) is linked to the account
 * ({@link ResidentBulkLoad#linkToAccount}) so the account acts as her.
 * Never in {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE)
@RequiredArgsConstructor
class DemoResidents implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoResidents.class);

	static final String ACTOR_NAME = "system:demo";

	static final String REASON = "演示数据";

	private final ResidentBulkLoad residents;

	private final Territories territories;

	private final JdbcClient jdbc;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "people")) {
			return;
		}
		long start = System.nanoTime();
		TerritoryNode city = territories.lookupByCode("350100")
			.orElseThrow(() -> new IllegalStateException("Demo territory lacks the city 350100"));
		List<DemoResident> residents = new DemoResidentGenerator().generate(buildings(city));
		List<RegisterResident> drafts = residents.stream().map(DemoResidents::draft).toList();
		log.debug("Demo residents generated: {} in {} ms", drafts.size(), (System.nanoTime() - start) / 1_000_000);
		ImportResult result = this.residents.load(city, ACTOR_NAME, REASON, drafts);
		if (!result.errors().isEmpty()) {
			throw new IllegalStateException("Demo residents rejected by the register: " + result.errors().size()
					+ " errors, first " + result.errors().get(0));
		}
		// The demo accounts that are residents (resident1) act as their generated record.
		for (DemoResident r : residents) {
			if (r.account() != null) {
				this.residents.linkToAccount(r.idNumber(), r.account());
			}
		}
		log.info("Demo residents registered: {} in {} ms", result.inserted(), (System.nanoTime() - start) / 1_000_000);
	}

	/** The demo city's buildings with their community, district and rural flag. */
	private List<Building> buildings(TerritoryNode city) {
		Map<Long, String> codes = new HashMap<>();
		territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path()).forEach(n -> codes.put(n.id(), n.code()));
		territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, city.path()).forEach(n -> codes.put(n.id(), n.code()));
		List<Building> buildings = new ArrayList<>();
		for (TerritoryNode b : territories.lookupLevelUnder(TerritoryLevel.BUILDING, city.path())) {
			String district = null;
			String community = null;
			for (Long id : b.ancestorIds()) {
				String code = codes.get(id);
				if (code != null && code.length() == 6) {
					district = code;
				}
				else if (code != null) {
					community = code;
				}
			}
			if (district != null && community != null) {
				buildings.add(new Building(b.id(), b.code(), community, district, b.rural()));
			}
		}
		return buildings;
	}

	/** The register's command for one generated resident. */
	static RegisterResident draft(DemoResident r) {
		Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
		r.tags().forEach(t -> tags.add(ResidentTag.valueOf(t)));
		return new RegisterResident(r.name(), Gender.valueOf(r.gender()), r.birthDate(), r.idNumber(), r.phone(),
				r.buildingId(), r.unit(), r.room(), tags, RegistrationChannel.valueOf(r.channel()));
	}
}
