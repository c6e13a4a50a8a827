package org.jinlin.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.circle.CircleFacilityBulkLoad;
import org.jinlin.circle.CircleFacilityBulkLoad.NewCircleFacility;
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
 * The demo city's daily-life facilities, generated deterministically (seeded {@link Random}) next to the demo
 * buildings: per community and required category a facility is present with a probability that depends on the
 * district: an urban community has every required category except, with a district-dependent chance, one or two
 * gaps (vegetable markets and repair points most often) - 鼓楼区 and 台江区 densest (neighbours' shops fill most gaps),
 * 仓山区 close behind, 晋安区 and the outer districts' towns clearly weaker, villages sparse - plus optional categories.
 * Elder canteens and meal points are the care-facility network's (never re-entered here). The mix is tuned so that, walking on the generated
 * street grid, a little under the 80 % target of the urban communities is covered; {@link #estimate} gives a
 * straight-line estimate logged at start-up. Written through the circle's bulk load, which queues one coverage run. Never in {@code prod}; once
 * per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 10)
@RequiredArgsConstructor
class DemoCircleFacilities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCircleFacilities.class);

	static final long SEED = 15_2021L;

	/** Chance that an urban community of the district has a facility of a required category. */
	static final Map<String, Double> DISTRICT_STRENGTH = Map.ofEntries(Map.entry("350102", 0.90),
			Map.entry("350103", 0.86), Map.entry("350104", 0.82), Map.entry("350105", 0.62), Map.entry("350111", 0.50),
			Map.entry("350112", 0.55), Map.entry("350181", 0.58));

	static final double OTHER_URBAN = 0.5;

	/**
	 * Chance that an urban community of the district lacks one required category (and then, three times in ten, a
	 * second one): the gaps. Dense districts recover some from their neighbours' shops; scattered towns do not.
	 */
	static final Map<String, Double> GAP_CHANCE = Map.ofEntries(Map.entry("350102", 0.25), Map.entry("350103", 0.25),
			Map.entry("350104", 0.30), Map.entry("350105", 0.35), Map.entry("350111", 0.70), Map.entry("350112", 0.30),
			Map.entry("350181", 0.35));

	static final double OTHER_GAP = 0.30;

	/** Which category a gap is: vegetable markets and repair points most often. */
	static final List<String> GAP_WEIGHTS = List.of("VEGETABLE_MARKET", "VEGETABLE_MARKET", "VEGETABLE_MARKET", "REPAIR",
			"REPAIR", "REPAIR", "PHARMACY", "PHARMACY", "BARBER_BEAUTY", "BREAKFAST", "CONVENIENCE_STORE");

	static String gap(Random random) {
		return GAP_WEIGHTS.get(random.nextInt(GAP_WEIGHTS.size()));
	}

	/** Category factors on the district strength (required categories), and the chances of the others. */
	static final Map<String, Double> REQUIRED_FACTOR = Map.of("CONVENIENCE_STORE", 1.10, "VEGETABLE_MARKET", 0.80,
			"BREAKFAST", 1.05, "BARBER_BEAUTY", 1.05, "REPAIR", 0.85, "PHARMACY", 1.0);

	static final Map<String, Double> OPTIONAL_CHANCE = Map.ofEntries(Map.entry("SUPERMARKET", 0.45),
			Map.entry("FRESH_FOOD", 0.5), Map.entry("LAUNDRY", 0.4), Map.entry("PHOTO_PRINT", 0.3),
			Map.entry("HOUSEKEEPING", 0.25), Map.entry("POSTAL_EXPRESS", 0.6), Map.entry("CHILD_CARE", 0.3),
			Map.entry("FITNESS", 0.3), Map.entry("CLINIC", 0.45), Map.entry("RESTAURANT", 0.5), Map.entry("BOOKSTORE", 0.1),
			Map.entry("FLOWERS", 0.2));

	/** Villages: a shop in most, a pharmacy or clinic in some. */
	static final Map<String, Double> VILLAGE_CHANCE = Map.of("CONVENIENCE_STORE", 0.75, "PHARMACY", 0.3, "BREAKFAST", 0.25,
			"BARBER_BEAUTY", 0.3, "CLINIC", 0.4, "POSTAL_EXPRESS", 0.3, "VEGETABLE_MARKET", 0.15, "REPAIR", 0.15);

	private static final Map<String, String[]> BRANDS = Map.ofEntries(
			Map.entry("CONVENIENCE_STORE", new String[] { "见福便利店", "美宜佳", "好邻居便利店", "快客便利", "永辉生活", "新华都便利" }),
			Map.entry("SUPERMARKET", new String[] { "永辉超市", "新华都超市", "朴朴前置仓超市", "大润发优鲜" }),
			Map.entry("VEGETABLE_MARKET", new String[] { "农贸市场", "菜市场", "生鲜菜市场" }),
			Map.entry("FRESH_FOOD", new String[] { "钱大妈生鲜", "百果园", "海鲜水产店", "鲜肉铺" }),
			Map.entry("BREAKFAST", new String[] { "锅边糊早餐店", "永和豆浆", "拌面扁肉店", "鱼丸早点", "包子铺", "光饼店" }),
			Map.entry("LAUNDRY", new String[] { "福奈特洗衣", "干洗店", "洗染店" }),
			Map.entry("BARBER_BEAUTY", new String[] { "名剪坊", "丝域美发", "快剪", "发艺工作室", "美容美发店" }),
			Map.entry("PHOTO_PRINT", new String[] { "快印图文", "照相文印店" }),
			Map.entry("HOUSEKEEPING", new String[] { "家政服务社", "巾帼家政" }),
			Map.entry("REPAIR", new String[] { "便民维修点", "修鞋配钥匙", "家电维修部", "手机维修店" }),
			Map.entry("PHARMACY", new String[] { "惠好四海大药房", "天天好大药房", "国药控股大药房", "回春药店", "益丰大药房" }),
			Map.entry("POSTAL_EXPRESS", new String[] { "中国邮政便民服务站", "菜鸟驿站", "丰巢快递柜站" }),
			Map.entry("CHILD_CARE", new String[] { "托育园", "小太阳托育中心" }),
			Map.entry("FITNESS", new String[] { "健身房", "社区健身中心" }),
			Map.entry("CLINIC", new String[] { "社区卫生服务站", "诊所" }),
			Map.entry("RESTAURANT", new String[] { "闽菜馆", "沙县小吃", "福州菜馆" }),
			Map.entry("BOOKSTORE", new String[] { "新华书店", "社区书屋" }),
			Map.entry("FLOWERS", new String[] { "花店", "鲜花坊" }));

	private static final String[] ROADS = { "杨桥路", "五四路", "八一七路", "华林路", "湖东路", "古田路", "福新路", "六一路", "工业路",
			"白马路", "铜盘路", "西洪路", "乌山路", "鼓屏路", "温泉路", "福飞路", "连江路", "浦上大道" };

	private final JdbcClient jdbc;

	private final Territories territories;

	private final CareFacilities careFacilities;

	private final CircleFacilityBulkLoad bulkLoad;

	/** A facility where the estimate needs it: its category and location. */
	record PlacedFacility(String key, String category, String name, double latitude, double longitude) {
	}

	/** A facility to write. */
	record Planned(String name, String category, TerritoryNode community, String address, double latitude,
			double longitude, String operator, String phone, String openingHours) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "circle-facilities")) {
			return;
		}
		List<TerritoryNode> communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/");
		Map<Long, List<TerritoryNode>> buildings = buildingsByCommunity(communities);
		List<Planned> plan = plan(communities, buildings, new Random(SEED));
		bulkLoad.load(plan.stream()
			.map(p -> new NewCircleFacility(p.name(), p.category(), p.community(), p.address(), p.latitude(),
					p.longitude(), p.operator(), p.phone(), p.openingHours()))
			.toList(), "system:demo", "demo facilities");
		Map<String, Integer> byCategory = new TreeMap<>();
		plan.forEach(p -> byCategory.merge(p.category(), 1, Integer::sum));
		List<PlacedFacility> canteens = new ArrayList<>();
		for (FacilityKind kind : bulkLoad.careKinds("ELDER_CANTEEN")) {
			for (CareFacility f : careFacilities.facilitiesOfKind(kind, "/")) {
				if (f.hasLocation()) {
					canteens.add(new PlacedFacility("care:" + f.id(), "ELDER_CANTEEN", f.name(), f.latitude(), f.longitude()));
				}
			}
		}
		List<PlacedFacility> all = new ArrayList<>(canteens);
		plan.forEach(p -> all.add(new PlacedFacility("", p.category(), p.name(), p.latitude(), p.longitude())));
		Estimate e = estimate(communities, buildings, all, REQUIRED);
		log.info("Demo circle facilities: {} written {}; with {} elder canteens and meal points, estimated urban coverage {}% ({} of {}), by district {}",
				plan.size(), byCategory, canteens.size(), Math.round(e.rate() * 1000) / 10.0, e.covered(), e.urban(),
				e.byDistrict());
	}

	static final List<String> REQUIRED = List.of("CONVENIENCE_STORE", "VEGETABLE_MARKET", "BREAKFAST", "BARBER_BEAUTY",
			"REPAIR", "PHARMACY", "ELDER_CANTEEN");

	Map<Long, List<TerritoryNode>> buildingsByCommunity(List<TerritoryNode> communities) {
		Map<Long, List<TerritoryNode>> map = new LinkedHashMap<>();
		Map<String, Long> byPath = new HashMap<>();
		communities.forEach(c -> byPath.put(c.path(), c.id()));
		for (TerritoryNode b : territories.lookupLevelUnder(TerritoryLevel.BUILDING, "/")) {
			if (b.latitude() == null || b.longitude() == null) {
				continue;
			}
			List<Long> ids = b.ancestorIds();
			StringBuilder path = new StringBuilder("/");
			for (Long id : ids) {
				path.append(id).append('/');
				Long community = byPath.get(path.toString());
				if (community != null) {
					map.computeIfAbsent(community, k -> new ArrayList<>()).add(b);
					break;
				}
			}
		}
		return map;
	}

	static List<Planned> plan(List<TerritoryNode> communities, Map<Long, List<TerritoryNode>> buildings, Random random) {
		List<Planned> plan = new ArrayList<>();
		List<TerritoryNode> sorted = new ArrayList<>(communities);
		sorted.sort(java.util.Comparator.comparing(TerritoryNode::code));
		for (TerritoryNode c : sorted) {
			List<TerritoryNode> bs = buildings.getOrDefault(c.id(), List.of());
			if (bs.isEmpty()) {
				continue;
			}
			String district = c.code().substring(0, 6);
			if (c.rural()) {
				for (Map.Entry<String, Double> e : new TreeMap<>(VILLAGE_CHANCE).entrySet()) {
					if (random.nextDouble() < e.getValue()) {
						plan.add(planned(e.getKey(), c, bs, random));
					}
				}
				continue;
			}
			double strength = DISTRICT_STRENGTH.getOrDefault(district, OTHER_URBAN);
			List<String> missing = new ArrayList<>();
			if (random.nextDouble() < Math.min(0.95, GAP_CHANCE.getOrDefault(district, OTHER_GAP))) {
				missing.add(gap(random));
				if (random.nextDouble() < 0.3) {
					String second = gap(random);
					if (!missing.contains(second)) {
						missing.add(second);
					}
				}
			}
			for (String category : REQUIRED) {
				if (!REQUIRED_FACTOR.containsKey(category) || missing.contains(category)) {
					continue;
				}
				plan.add(planned(category, c, bs, random));
				// the daily kinds have a second shop in most communities
				if (("CONVENIENCE_STORE".equals(category) || "BREAKFAST".equals(category)) && random.nextDouble() < strength) {
					plan.add(planned(category, c, bs, random));
				}
			}
			for (Map.Entry<String, Double> e : new TreeMap<>(OPTIONAL_CHANCE).entrySet()) {
				if (random.nextDouble() < e.getValue() * (0.5 + strength / 2)) {
					plan.add(planned(e.getKey(), c, bs, random));
				}
			}
		}
		return plan;
	}

	private static Planned planned(String category, TerritoryNode community, List<TerritoryNode> buildings, Random random) {
		TerritoryNode at = buildings.get(random.nextInt(buildings.size()));
		double lat = at.latitude() + (random.nextDouble() - 0.5) * 0.0008;
		double lon = at.longitude() + (random.nextDouble() - 0.5) * 0.0008;
		String[] brands = BRANDS.get(category);
		String brand = brands[random.nextInt(brands.length)];
		String name = "VEGETABLE_MARKET".equals(category) ? community.name().replace("社区", "").replace("村", "") + brand
				: brand + "（" + community.name() + "店）";
		String address = community.name() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
		String phone = random.nextDouble() < 0.7 ? "0591-8" + (1000000 + random.nextInt(8999999)) : null;
		String hours = switch (category) {
			case "BREAKFAST" -> "06:00-10:30";
			case "CONVENIENCE_STORE" -> random.nextBoolean() ? "00:00-24:00" : "07:00-23:00";
			case "VEGETABLE_MARKET" -> "05:30-19:00";
			default -> "08:30-21:00";
		};
		return new Planned(name, category, community, address, Math.round(lat * 1e7) / 1e7, Math.round(lon * 1e7) / 1e7,
				null, phone, hours);
	}

	/** The straight-line estimate of the coverage: what the demo's tuning aims at. */
	record Estimate(int urban, int covered, double rate, Map<String, String> byDistrict) {
	}

	/**
	 * Estimates, for the urban communities, whether every required category is within 1,000 m (15 minutes at
	 * 4 km/h) of the median building, walking the Manhattan distance (a street grid) plus 60 m to reach the street.
	 */
	static Estimate estimate(List<TerritoryNode> communities, Map<Long, List<TerritoryNode>> buildings,
			List<PlacedFacility> facilities, List<String> required) {
		Map<String, List<PlacedFacility>> byCategory = new HashMap<>();
		facilities.forEach(f -> byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f));
		int urban = 0;
		int covered = 0;
		Map<String, int[]> districts = new TreeMap<>();
		for (TerritoryNode c : communities) {
			List<TerritoryNode> bs = buildings.getOrDefault(c.id(), List.of());
			if (c.rural() || bs.isEmpty()) {
				continue;
			}
			urban++;
			boolean ok = true;
			for (String category : required) {
				List<PlacedFacility> fs = byCategory.getOrDefault(category, List.of());
				double[] d = new double[bs.size()];
				for (int i = 0; i < bs.size(); i++) {
					TerritoryNode b = bs.get(i);
					double best = Double.MAX_VALUE;
					double cos = Math.cos(Math.toRadians(b.latitude()));
					for (PlacedFacility f : fs) {
						double m = Math.abs(f.latitude() - b.latitude()) * 111_320
								+ Math.abs(f.longitude() - b.longitude()) * 111_320 * cos;
						best = Math.min(best, m);
					}
					d[i] = best + 60;
				}
				java.util.Arrays.sort(d);
				if (d[(d.length - 1) / 2] > 1000) {
					ok = false;
					break;
				}
			}
			int[] counts = districts.computeIfAbsent(c.code().substring(0, 6), k -> new int[2]);
			counts[0]++;
			if (ok) {
				covered++;
				counts[1]++;
			}
		}
		Map<String, String> byDistrict = new LinkedHashMap<>();
		districts.forEach((k, v) -> byDistrict.put(k, v[1] + "/" + v[0]));
		return new Estimate(urban, covered, urban == 0 ? 0 : (double) covered / urban, byDistrict);
	}
}
