package org.jinlin.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.internal.TerritoryRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo city as loaded into the database: realistic official figures, the named communities
 * where the demo accounts live, a subdivided tree under every community, and codes that follow
 * the GB/T 2260 and statistical-code formats.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoCityTests {

	private static final Pattern DISTRICT = Pattern.compile("3501\\d\\d");

	private static final Pattern STREET = Pattern.compile("3501\\d\\d\\d{3}000");

	private static final Pattern COMMUNITY = Pattern.compile("3501\\d\\d\\d{3}\\d{3}");

	@Autowired
	Territories territories;

	@Autowired
	TerritoryRepository repository;

	List<TerritoryNode> all() {
		return territories.lookupLevelUnder(TerritoryLevel.CITY, "/").stream()
			.flatMap(city -> java.util.stream.Stream.concat(java.util.stream.Stream.of(city),
					java.util.Arrays.stream(TerritoryLevel.values())
						.filter(l -> l != TerritoryLevel.CITY)
						.flatMap(l -> territories.lookupLevelUnder(l, city.path()).stream())))
			.toList();
	}

	@Test
	void cityFiguresAreRealistic() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		assertThat(city.name()).isEqualTo("福州市");
		assertThat(city.parentId()).isNull();
		assertThat(city.population()).isCloseTo(8_420_000L, within(100_000L));
		assertThat(city.elderlyPopulation()).isCloseTo(1_310_000L, within(30_000L));
		assertThat(territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path())).extracting(TerritoryNode::code)
			.containsExactlyInAnyOrder("350102", "350103", "350104", "350105", "350111", "350112", "350121", "350122",
					"350123", "350124", "350125", "350128", "350181");
	}

	@Test
	void districtsSumToTheCityAndStreetsToTheirDistrict() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		List<TerritoryNode> districts = territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path());
		long population = districts.stream().mapToLong(TerritoryNode::population).sum();
		long elderly = districts.stream().mapToLong(TerritoryNode::elderlyPopulation).sum();
		assertThat((double) population).isCloseTo(city.population(), within(city.population() * 0.01));
		assertThat((double) elderly).isCloseTo(city.elderlyPopulation(), within(city.elderlyPopulation() * 0.01));
		for (TerritoryNode district : districts) {
			List<TerritoryNode> streets = territories.lookupLevelUnder(TerritoryLevel.STREET, district.path());
			assertThat(streets).as(district.name()).hasSizeGreaterThanOrEqualTo(4);
			long streetPopulation = streets.stream().mapToLong(TerritoryNode::population).sum();
			long streetElderly = streets.stream().mapToLong(TerritoryNode::elderlyPopulation).sum();
			assertThat((double) streetPopulation).as(district.name())
				.isCloseTo(district.population(), within(district.population() * 0.03));
			assertThat((double) streetElderly).as(district.name())
				.isCloseTo(district.elderlyPopulation(), within(district.elderlyPopulation() * 0.05));
			assertThat(district.elderlyPopulation()).isLessThan(district.population() / 4);
		}
	}

	@Test
	void namedCommunitiesLieUnderTheirStreetAndDistrict() {
		assertUnder("军门社区", "350102004001", "东街街道", "350102004000", "鼓楼区", "350102");
		assertUnder("屏山社区", "350102002001", "鼓西街道", "350102002000", "鼓楼区", "350102");
		assertUnder("紫阳社区", "350111003001", "王庄街道", "350111003000", "晋安区", "350111");
		assertThat(territories.lookupByCode("350102004001G01")).get().extracting(TerritoryNode::level)
			.isEqualTo(TerritoryLevel.GRID);
	}

	private void assertUnder(String name, String code, String street, String streetCode, String district,
			String districtCode) {
		TerritoryNode community = territories.lookupByCode(code).orElseThrow();
		TerritoryNode s = territories.lookup(community.parentId()).orElseThrow();
		TerritoryNode d = territories.lookup(s.parentId()).orElseThrow();
		assertThat(community.name()).isEqualTo(name);
		assertThat(community.level()).isEqualTo(TerritoryLevel.COMMUNITY);
		assertThat(s.code()).isEqualTo(streetCode);
		assertThat(s.name()).isEqualTo(street);
		assertThat(d.code()).isEqualTo(districtCode);
		assertThat(d.name()).isEqualTo(district);
	}

	@Test
	void treeHasRealisticSizeAndEveryCommunityHasGridsAndBuildings() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		List<TerritoryNode> streets = territories.lookupLevelUnder(TerritoryLevel.STREET, city.path());
		List<TerritoryNode> communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, city.path());
		assertThat(streets).hasSizeBetween(80, 150);
		assertThat(communities).hasSizeBetween(300, 500);
		assertThat(territories.lookupLevelUnder(TerritoryLevel.COMPOUND, city.path()))
			.allSatisfy(c -> assertThat(c.name().charAt(0)).as(c.name()).isNotEqualTo(c.name().charAt(1)));
		Map<Long, Integer> grids = countByCommunity(TerritoryLevel.GRID, city.path());
		Map<Long, Integer> buildings = countByCommunity(TerritoryLevel.BUILDING, city.path());
		for (TerritoryNode community : communities) {
			assertThat(grids.getOrDefault(community.id(), 0)).as(community.name()).isGreaterThanOrEqualTo(2);
			assertThat(buildings.getOrDefault(community.id(), 0)).as(community.name()).isGreaterThanOrEqualTo(4);
			assertThat(community.population()).as(community.name()).isPositive();
			assertThat(community.latitude()).isBetween(25.3, 26.8);
			assertThat(community.longitude()).isBetween(118.5, 120.0);
		}
	}

	/** Nodes of a level per community id, found through their paths (community id is the 4th path element). */
	private Map<Long, Integer> countByCommunity(TerritoryLevel level, String prefix) {
		Map<Long, Integer> counts = new HashMap<>();
		for (TerritoryNode node : territories.lookupLevelUnder(level, prefix)) {
			counts.merge(node.ancestorIds().get(3), 1, Integer::sum);
		}
		return counts;
	}

	@Test
	void codesFollowTheFormatRulesAndPathsTheTree() {
		Map<Long, TerritoryNode> byId = new HashMap<>();
		List<TerritoryNode> nodes = all();
		nodes.forEach(n -> byId.put(n.id(), n));
		assertThat(nodes).hasSizeGreaterThan(5_000);
		for (TerritoryNode node : nodes) {
			TerritoryNode parent = node.parentId() == null ? null : byId.get(node.parentId());
			if (parent != null) {
				assertThat(node.path()).isEqualTo(parent.path() + node.id() + "/");
				assertThat(parent.level().childLevel()).isEqualTo(node.level());
			}
			switch (node.level()) {
				case CITY -> assertThat(node.code()).isEqualTo("350100");
				case DISTRICT -> assertThat(node.code()).matches(DISTRICT);
				case STREET -> {
					assertThat(node.code()).matches(STREET);
					assertThat(node.code()).startsWith(parent.code());
				}
				case COMMUNITY -> {
					assertThat(node.code()).matches(COMMUNITY).doesNotEndWith("000");
					assertThat(node.code().substring(0, 9)).isEqualTo(parent.code().substring(0, 9));
				}
				default -> assertThat(node.code()).startsWith(parent.code());
			}
		}
	}

	@Test
	@Transactional
	void nodesInsertedAfterTheDemoCityGetFreshIds() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		long maxId = all().stream().mapToLong(TerritoryNode::id).max().orElseThrow();
		TerritoryNode added = repository.insert(city, TerritoryLevel.DISTRICT, false, "350199", "测试区", null, null, null,
				null);
		assertThat(added.id()).isGreaterThan(maxId);
		assertThat(added.path()).isEqualTo(city.path() + added.id() + "/");
	}
}
