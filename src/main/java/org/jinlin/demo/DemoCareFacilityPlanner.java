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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.demo.DemoCareFacilities.*;

/** One planning run of the demo care-facility network, with its random source and territory indexes. */
final class DemoCareFacilityPlanner {

	private static final String[] INSTITUTION_PREFIX = { "福寿", "康乐", "颐和", "松鹤", "夕阳红", "榕城", "安康", "怡心", "德孝", "永安",
			"长青", "福乐", "乐龄", "颐年", "寿康", "温馨", "同心", "仁爱", "嘉和", "悦年" };

	private static final String[] INSTITUTION_SUFFIX = { "养老院", "颐养院", "康养中心", "护理院", "敬老院", "老年公寓", "养护院" };

	private static final String[] HAMLETS = { "林厝", "陈厝", "下洋", "后山", "上坂", "前埔", "溪头", "新厝", "洋边", "坑里", "岭头", "塘边",
			"黄厝", "郑厝", "吴厝", "东墘", "西墘", "大埕", "后洋", "湖里" };

	private static final String[] ROADS = { "杨桥路", "五四路", "八一七路", "华林路", "湖东路", "古田路", "福新路", "六一路", "工业路", "金山大道",
			"连江路", "长乐路", "福飞路", "国货路", "群众路", "洪山路", "鼓屏路", "铜盘路", "温泉路", "南江滨路" };

	private static final String[] COMPANIES = { "福州颐和养老服务有限公司", "福建康乐居家养老服务有限公司", "福州榕城乐龄健康管理有限公司",
			"福建福寿康养老服务有限公司", "福州安康颐养服务中心", "福州市社会福利服务中心" };


	final Random random;

	final Map<Long, TerritoryNode> nodes;

	final List<TerritoryNode> districts;

	final List<TerritoryNode> streets;

	final List<TerritoryNode> communities;

	final Map<Long, List<TerritoryNode>> communitiesOfStreet = new LinkedHashMap<>();

	final List<Planned> plan = new ArrayList<>();

	final Set<String> names = new HashSet<>();

	DemoCareFacilityPlanner(Random random, Map<Long, TerritoryNode> nodes, List<TerritoryNode> districts, List<TerritoryNode> streets,
			List<TerritoryNode> communities) {
		this.random = random;
		this.nodes = nodes;
		this.districts = districts;
		this.streets = streets;
		this.communities = communities;
		for (TerritoryNode c : communities) {
			communitiesOfStreet.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
		}
	}

	TerritoryNode district(TerritoryNode n) {
		return nodes.get(n.ancestorIds().get(1));
	}

	TerritoryNode street(TerritoryNode community) {
		return nodes.get(community.parentId());
	}

	long elderly(TerritoryNode n) {
		return n.elderlyPopulation() == null ? 500 : Math.max(1, n.elderlyPopulation());
	}

	List<Planned> plan() {
		List<TerritoryNode> urban = communities.stream().filter(c -> !c.rural()).toList();
		List<TerritoryNode> villages = communities.stream()
			.filter(c -> c.rural() && HAPPINESS_DISTRICTS.contains(district(c).code())).toList();
		stations(urban);
		dayCareCentres();
		institutions();
		happinessHomes(villages);
		canteens(urban);
		demonstrationPoints(urban);
		regionalCentres();
		inactive();
		return plan;
	}

	/** One station per community and village, extra ones in the largest urban communities; the family care beds. */
	void stations(List<TerritoryNode> urban) {
		List<TerritoryNode> at = new ArrayList<>(communities);
		urban.stream().sorted(Comparator.comparingLong(this::elderly).reversed().thenComparing(TerritoryNode::code))
			.limit(SERVICE_STATIONS - communities.size()).forEach(at::add);
		if (at.size() != SERVICE_STATIONS) {
			throw new IllegalStateException("The demo territory has too many communities for " + SERVICE_STATIONS + " stations");
		}
		int[] family = split(FAMILY_CARE_BEDS, at.size());
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < at.size(); i++) {
			TerritoryNode c = at.get(i);
			boolean second = !seen.add(c.id());
			String name = district(c).name() + c.name() + (second ? "第二居家养老服务站" : "居家养老服务站");
			plan.add(facility(name, FacilityKind.SERVICE_STATION, c, operatorOf(c), some(EnumSet.of(FacilityService.HOME_CARE,
					FacilityService.MEALS, FacilityService.CLEANING, FacilityService.BATHING, FacilityService.MEDICAL,
					FacilityService.EMERGENCY_HELP, FacilityService.COMPANIONSHIP), 3), 0, family[i], 0, List.of(c)));
		}
	}

	void dayCareCentres() {
		List<TerritoryNode> at = pick(communities, DAY_CARE_CENTRES, c -> elderly(c) * (c.rural() ? 1 : 3));
		int[] beds = split(DAY_CARE_BEDS, at.size());
		for (int i = 0; i < at.size(); i++) {
			TerritoryNode c = at.get(i);
			List<TerritoryNode> served = new ArrayList<>(List.of(c));
			for (TerritoryNode sibling : communitiesOfStreet.getOrDefault(c.parentId(), List.of())) {
				if (served.size() < 3 && sibling.id() != c.id() && random.nextBoolean()) {
					served.add(sibling);
				}
			}
			plan.add(facility(district(c).name() + c.name() + "日间照料中心", FacilityKind.DAY_CARE_CENTRE, c, operatorOf(c),
					EnumSet.of(FacilityService.DAY_CARE, FacilityService.MEALS, FacilityService.REHABILITATION,
							FacilityService.CULTURE, FacilityService.COMPANIONSHIP, FacilityService.RESPITE),
					beds[i], 0, 0, served));
		}
	}

	/** Institutions per district in proportion to its elderly population, in random communities of it. */
	void institutions() {
		int[] perDistrict = apportion(INSTITUTIONS, districts.stream().mapToLong(this::elderly).toArray());
		List<TerritoryNode> at = new ArrayList<>();
		for (int d = 0; d < districts.size(); d++) {
			String path = districts.get(d).path();
			List<TerritoryNode> inDistrict = communities.stream().filter(c -> c.path().startsWith(path)).toList();
			for (int i = 0; i < perDistrict[d]; i++) {
				at.add(inDistrict.get(random.nextInt(inDistrict.size())));
			}
		}
		int bedsTotal = BEDS - DAY_CARE_BEDS - regionalCentreBeds();
		int[] beds = split(bedsTotal, at.size());
		int[] inclusive = split(INCLUSIVE_BEDS, Math.min(INCLUSIVE_INSTITUTIONS, at.size()));
		for (int i = 0; i < at.size(); i++) {
			TerritoryNode c = at.get(i);
			int inc = i < inclusive.length ? inclusive[i] : 0;
			if (inc > beds[i]) {
				throw new IllegalStateException("Demo plan: inclusive beds above an institution's beds");
			}
			String name = unique(district(c).name() + INSTITUTION_PREFIX[random.nextInt(INSTITUTION_PREFIX.length)]
					+ INSTITUTION_SUFFIX[random.nextInt(INSTITUTION_SUFFIX.length)]);
			plan.add(facility(name, FacilityKind.CARE_INSTITUTION, c,
					i < INCLUSIVE_INSTITUTIONS ? district(c).name() + "民政局" : COMPANIES[random.nextInt(COMPANIES.length)],
					some(EnumSet.of(FacilityService.NURSING, FacilityService.MEDICAL, FacilityService.REHABILITATION,
							FacilityService.MEALS, FacilityService.BATHING, FacilityService.COMPANIONSHIP,
							FacilityService.RESPITE), 4),
					beds[i], 0, inc, List.of()));
		}
	}

	/** Happiness homes only in the villages of the county areas, at least one per village. */
	void happinessHomes(List<TerritoryNode> villages) {
		if (villages.isEmpty()) {
			throw new IllegalStateException("The demo territory has no villages in the county areas");
		}
		long[] weights = villages.stream().mapToLong(v -> elderly(v)).toArray();
		int[] extra = apportion(HAPPINESS_HOMES - villages.size(), weights);
		for (int v = 0; v < villages.size(); v++) {
			TerritoryNode village = villages.get(v);
			int count = 1 + extra[v];
			List<String> hamlets = new ArrayList<>(List.of(HAMLETS));
			java.util.Collections.shuffle(hamlets, random);
			for (int i = 0; i < count; i++) {
				String hamlet = count == 1 ? "" : i < hamlets.size() ? hamlets.get(i) : hamlets.get(i % hamlets.size()) + (i / hamlets.size() + 1);
				plan.add(facility(district(village).name() + village.name() + hamlet + "幸福院",
						FacilityKind.RURAL_HAPPINESS_HOME, village, village.name() + "村民委员会",
						some(EnumSet.of(FacilityService.MEALS, FacilityService.CULTURE, FacilityService.COMPANIONSHIP), 2),
						0, 0, 0, List.of(village)));
			}
		}
	}

	void canteens(List<TerritoryNode> urban) {
		for (TerritoryNode c : pick(urban, CANTEENS, this::elderly)) {
			plan.add(facility(district(c).name() + c.name() + "长者食堂", FacilityKind.ELDER_CANTEEN, c, operatorOf(c),
					EnumSet.of(FacilityService.MEALS), 0, 0, 0, List.of(c)));
		}
	}

	void demonstrationPoints(List<TerritoryNode> urban) {
		for (TerritoryNode c : pick(urban, DEMONSTRATION_POINTS, this::elderly)) {
			plan.add(facility(district(c).name() + c.name() + "居家社区养老服务示范点", FacilityKind.DEMONSTRATION_POINT, c,
					operatorOf(c), EnumSet.of(FacilityService.HOME_CARE, FacilityService.MEALS, FacilityService.DAY_CARE,
							FacilityService.CULTURE),
					0, 0, 0, List.of(c)));
		}
	}

	List<TerritoryNode> ruralTowns() {
		return streets.stream().filter(s -> s.rural() && HAPPINESS_DISTRICTS.contains(district(s).code())).toList();
	}

	int regionalCentreBeds() {
		return ruralTowns().isEmpty() ? 0 : REGIONAL_CENTRE_BEDS;
	}

	/** One rural regional centre per town of the county areas, serving the town's villages. */
	void regionalCentres() {
		List<TerritoryNode> towns = ruralTowns();
		int[] beds = split(regionalCentreBeds(), towns.size());
		for (int i = 0; i < towns.size(); i++) {
			TerritoryNode town = towns.get(i);
			plan.add(facility(district(town).name() + town.name() + "农村区域性养老服务中心", FacilityKind.RURAL_REGIONAL_CENTRE,
					town, district(town).name() + "民政局",
					EnumSet.of(FacilityService.NURSING, FacilityService.DAY_CARE, FacilityService.MEALS,
							FacilityService.MEDICAL, FacilityService.REHABILITATION),
					beds[i], 0, 0, communitiesOfStreet.getOrDefault(town.id(), List.of())));
		}
	}

	/** A few suspended stations and closed institutions, which the statistics leave out. */
	void inactive() {
		for (int i = 0; i < 3; i++) {
			TerritoryNode c = communities.get(random.nextInt(communities.size()));
			Planned p = facility(district(c).name() + c.name() + "老年服务点（暂停）", FacilityKind.SERVICE_STATION, c,
					operatorOf(c), EnumSet.of(FacilityService.HOME_CARE), 0, 0, 0, List.of(c));
			plan.add(withStatus(p, FacilityStatus.SUSPENDED));
		}
		for (int i = 0; i < 2; i++) {
			TerritoryNode c = communities.get(random.nextInt(communities.size()));
			Planned p = facility(unique(district(c).name() + "原" + INSTITUTION_PREFIX[random.nextInt(INSTITUTION_PREFIX.length)]
					+ "敬老院"), FacilityKind.CARE_INSTITUTION, c, COMPANIES[random.nextInt(COMPANIES.length)],
					EnumSet.of(FacilityService.NURSING), 40 + random.nextInt(60), 0, 0, List.of());
			plan.add(withStatus(p, FacilityStatus.CLOSED));
		}
	}

	Planned withStatus(Planned p, FacilityStatus status) {
		return new Planned(p.name(), p.kind(), p.node(), p.address(), p.lat(), p.lon(), p.operator(), p.services(),
				p.beds(), status == FacilityStatus.CLOSED ? 0 : p.occupied(), p.familyCareBeds(), p.inclusiveBeds(),
				status, p.served());
	}

	Planned facility(String name, FacilityKind kind, TerritoryNode at, String operator, Set<FacilityService> services,
			int beds, int family, int inclusive, List<TerritoryNode> served) {
		double lat = (at.latitude() == null ? 26.08 : at.latitude()) + (random.nextDouble() - 0.5) * 0.004;
		double lon = (at.longitude() == null ? 119.30 : at.longitude()) + (random.nextDouble() - 0.5) * 0.004;
		int occupied = beds == 0 ? 0 : (int) Math.round(beds * (0.60 + random.nextDouble() * 0.30));
		TerritoryNode district = district(at);
		String address = district.name() + (at.level() == TerritoryLevel.COMMUNITY ? street(at).name() : "") + at.name()
				+ ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(200)) + "号";
		return new Planned(name, kind, at, address, round(lat), round(lon), operator, services, beds, occupied, family,
				inclusive, FacilityStatus.OPERATING, served);
	}

	String operatorOf(TerritoryNode c) {
		return random.nextInt(3) == 0 ? COMPANIES[random.nextInt(COMPANIES.length)]
				: c.name() + (c.rural() ? "村民委员会" : "居民委员会");
	}

	String unique(String name) {
		String n = name;
		for (int i = 2; !names.add(n); i++) {
			n = name + "（" + i + "）";
		}
		return n;
	}

	/** A random subset of at least {@code min} of the given services. */
	Set<FacilityService> some(Set<FacilityService> from, int min) {
		List<FacilityService> list = new ArrayList<>(from);
		java.util.Collections.shuffle(list, random);
		return EnumSet.copyOf(list.subList(0, Math.min(list.size(), min + random.nextInt(list.size() - min + 1))));
	}

	/** {@code n} distinct nodes drawn with probability by weight. */
	List<TerritoryNode> pick(List<TerritoryNode> from, int n, java.util.function.ToLongFunction<TerritoryNode> weight) {
		List<TerritoryNode> pool = new ArrayList<>(from);
		List<TerritoryNode> chosen = new ArrayList<>();
		while (chosen.size() < n && !pool.isEmpty()) {
			long total = pool.stream().mapToLong(weight).sum();
			long r = (long) (random.nextDouble() * total);
			int i = 0;
			for (long acc = 0; i < pool.size() - 1; i++) {
				acc += weight.applyAsLong(pool.get(i));
				if (r < acc) {
					break;
				}
			}
			chosen.add(pool.remove(i));
		}
		return chosen;
	}

	/** {@code total} split into {@code n} random positive-ish parts (weights 0.4–1.6) summing exactly. */
	int[] split(int total, int n) {
		long[] weights = new long[n];
		for (int i = 0; i < n; i++) {
			weights[i] = 400 + random.nextInt(1201);
		}
		return apportion(total, weights);
	}

	/** Largest-remainder apportionment of {@code total} by weights: the parts sum to exactly {@code total}. */
	static int[] apportion(int total, long[] weights) {
		int n = weights.length;
		int[] parts = new int[n];
		if (n == 0) {
			return parts;
		}
		long sum = 0;
		for (long w : weights) {
			sum += w;
		}
		double[] remainders = new double[n];
		int given = 0;
		for (int i = 0; i < n; i++) {
			double exact = (double) total * weights[i] / sum;
			parts[i] = (int) Math.floor(exact);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (a, b) -> a.equals(b) ? 0
				: remainders[b] != remainders[a] ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
		for (int k = 0; given < total; k = (k + 1) % n) {
			parts[order[k]]++;
			given++;
		}
		return parts;
	}

	private static double round(double d) {
		return Math.round(d * 1_000_000) / 1_000_000.0;
	}
}
