package org.jinlin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountBulkLoad;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.CareFacilityBulkLoad;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.meals.AgeBand;
import org.jinlin.meals.DietNeed;
import org.jinlin.meals.DinerCategory;
import org.jinlin.meals.MealTime;
import org.jinlin.meals.MealsBulkLoad;
import org.jinlin.meals.MealsBulkLoad.NewDiner;
import org.jinlin.meals.MealsBulkLoad.NewPlace;
import org.jinlin.meals.MealsBulkLoad.NewRule;
import org.jinlin.meals.MealsBulkLoad.NewSource;
import org.jinlin.meals.MealsBulkLoad.NewTier;
import org.jinlin.meals.PlaceKind;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's meal network: 鼓楼's central kitchen; the elder canteen of the care-facility registry in 东街街道
 * (the first one there), operated by {@code canteen1}, whose counter terminal uses the key {@code jinlin-demo-canteen};
 * a meal point in 军门社区; another street's canteen with diners of its own (which canteen1 must not see); the
 * subsidy rules of the city (by age band and category) and of 鼓楼 (a charity joins); and the diners: 王阿姨 and the
 * other elders of 军门社区, with diets; the canteen's home-delivery routes for tomorrow. Never in {@code prod}; once per
 * database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 60)
@RequiredArgsConstructor
class DemoMeals implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMeals.class);

	/** The key of canteen1's counter terminal (purpose CANTEEN), in the README. */
	static final String CANTEEN_KEY = "jinlin-demo-canteen";

	static final String CANTEEN_KEY_NAME = "demo-canteen";

	static final String CITY = "350100";

	static final String GULOU = "350102";

	static final String DONGJIE = "350102004000";

	static final String JUNMEN = "350102004001";

	static final String BY = "system:demo";

	private final JdbcClient jdbc;

	private final Territories territories;

	private final CareFacilities careFacilities;

	private final CareFacilityBulkLoad careFacilityLoad;

	private final AccountBulkLoad accounts;

	private final ResidentRegister residents;

	private final MealsBulkLoad meals;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "meals")) {
			return;
		}
		TerritoryNode city = territories.lookupByCode(CITY).orElse(null);
		TerritoryNode gulou = territories.lookupByCode(GULOU).orElse(null);
		TerritoryNode dongjie = territories.lookupByCode(DONGJIE).orElse(null);
		TerritoryNode junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (city == null || gulou == null || dongjie == null || junmen == null) {
			return;
		}
		rules(city, gulou);
		long kitchen = meals.place(new NewPlace(PlaceKind.CENTRAL_KITCHEN, null, "鼓楼区中央厨房", dongjie, null,
				"06:00-14:00", new BigDecimal("10.00"), List.of(), List.of()), BY);
		CareFacility canteen = dongjieCanteen(dongjie, junmen);
		List<TerritoryNode> served = served(canteen, junmen);
		long place = meals.place(new NewPlace(PlaceKind.ELDER_CANTEEN, canteen.id(), null, node(canteen), kitchen,
				"11:00-13:00 17:00-18:30", new BigDecimal("12.00"), served, List.of("canteen1")), BY);
		meals.place(new NewPlace(PlaceKind.MEAL_POINT, null, "军门社区助餐点", junmen, kitchen, "11:00-12:30",
				new BigDecimal("12.00"), List.of(junmen), List.of()), BY);
		accounts.issueApiKey(CANTEEN_KEY_NAME, ApiKeyPurpose.CANTEEN, DONGJIE, "demo", CANTEEN_KEY);
		meals.terminal(CANTEEN_KEY_NAME, place);
		List<ResidentView> elders = residents.lookupAll(
				residents.lookupActiveBornOnOrBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(60)));
		List<NewDiner> diners = new ArrayList<>(diners(elders, junmen, place, "JM", 30));
		// another street's canteen and its diners: canteen1 sees none of them
		careFacilities.facilitiesOfKind(FacilityKind.ELDER_CANTEEN, gulou.path())
			.stream()
			.filter(f -> !f.territoryPath().startsWith(dongjie.path()) && !f.servedAreas().isEmpty())
			.findFirst()
			.ifPresent(other -> {
				TerritoryNode community = territories.lookup(other.servedAreas().get(0).territoryId()).orElseThrow();
				long otherPlace = meals.place(new NewPlace(PlaceKind.ELDER_CANTEEN, other.id(), null, node(other), kitchen,
						"11:00-13:00", new BigDecimal("11.00"), List.of(community), List.of()), BY);
				diners.addAll(diners(elders, community, otherPlace, "GL", 8));
			});
		List<Long> ids = meals.diners(diners, BY);
		menusAndOrders(place, diners, ids);
		pastMonth(place, diners, ids);
		log.info("Demo meals: canteen {} (facility {}), {} diners", place, canteen.id(), diners.size());
		tomorrowsRoutes(place);
	}

	/** The canteen's home-delivery routes for tomorrow, over the circle's walking network. */
	private void tomorrowsRoutes(long place) {
		meals.routes(place, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1), BY);
	}

	/** Lunch dishes by weekday (Monday first): a set meal of one meat and two vegetables, soup and rice. */
	private static final String[] MAINS = { "红烧肉", "清蒸鲈鱼", "土豆烧鸡", "番茄炒蛋", "肉末豆腐", "香菇滑鸡", "白切鸭" };

	/**
	 * Two weeks of menus from the demo date at canteen1's canteen (set meals, a low-salt and a diabetic variant, a soft
	 * and minced meal, an evening meal and congee, each with the diets it meets), orders for tomorrow's lunch for
	 * several of 军门社区's diners (王阿姨 orders her own), and weekday-lunch standing orders for three more.
	 */
	private void menusAndOrders(long place, List<NewDiner> diners, List<Long> ids) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		List<MealsBulkLoad.NewMenuItem> items = new ArrayList<>();
		for (LocalDate d = today; d.isBefore(today.plusDays(14)); d = d.plusDays(1)) {
			String main = MAINS[d.getDayOfWeek().getValue() - 1];
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, main + "套餐", true, Set.of(), new BigDecimal("12.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, "少盐" + main + "套餐", true, Set.of(DietNeed.LOW_SALT),
					new BigDecimal("12.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, "控糖杂粮餐", false,
					Set.of(DietNeed.DIABETIC, DietNeed.LOW_SALT), new BigDecimal("13.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, "软烂碎食餐", false,
					Set.of(DietNeed.SOFT, DietNeed.MINCED, DietNeed.LOW_SALT, DietNeed.DIABETIC), new BigDecimal("12.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.DINNER, "家常晚餐", true, Set.of(), new BigDecimal("10.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.DINNER, "清淡粥点", false,
					Set.of(DietNeed.SOFT, DietNeed.MINCED, DietNeed.LOW_SALT, DietNeed.DIABETIC), new BigDecimal("8.00")));
		}
		meals.menu(place, items);
		int ordered = 0;
		int standing = 0;
		long wang = wangId(diners);
		for (int i = 0; i < diners.size() && (ordered < 8 || standing < 3); i++) {
			NewDiner d = diners.get(i);
			if (d.placeId() == null || d.placeId() != place || d.residentId() == wang) {
				continue;
			}
			if (ordered < 8) {
				meals.order(ids.get(i), today.plusDays(1), MealTime.LUNCH, BY);
				ordered++;
			}
			else {
				meals.standingOrder(ids.get(i), MealTime.LUNCH,
						EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), today.plusDays(1), BY);
				standing++;
			}
		}
	}

	/**
	 * The canteen's past: lunch menus, sales (eight of its diners and two walk-ins a day) and a retained sample of
	 * each lunch dish from the first day of last month to yesterday (disposed of 48 hours later), except three days
	 * when the diabetic meal's sample was forgotten (flagged); last month's statement submitted, awaiting the street.
	 * 王阿姨 has no past sales, so her own journeys start afresh.
	 */
	private void pastMonth(long place, List<NewDiner> diners, List<Long> ids) {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(zone);
		LocalDate first = today.withDayOfMonth(1).minusMonths(1);
		long wang = wangId(diners);
		List<Long> eaters = new ArrayList<>();
		for (int i = 0; i < diners.size(); i++) {
			if (diners.get(i).placeId() != null && diners.get(i).placeId() == place && diners.get(i).residentId() != wang) {
				eaters.add(ids.get(i));
			}
		}
		List<MealsBulkLoad.NewMenuItem> items = new ArrayList<>();
		for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
			String main = MAINS[d.getDayOfWeek().getValue() - 1];
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, main + "套餐", true, Set.of(), new BigDecimal("12.00")));
			items.add(new MealsBulkLoad.NewMenuItem(d, MealTime.LUNCH, "控糖杂粮餐", false,
					Set.of(DietNeed.DIABETIC, DietNeed.LOW_SALT), new BigDecimal("13.00")));
		}
		meals.menu(place, items);
		int n = 0;
		for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
			for (int k = 0; k < 10 && !eaters.isEmpty(); k++) {
				Long diner = k < 8 ? eaters.get((n + k) % eaters.size()) : null;
				meals.sale(place, diner, d.atTime(11, 15 + k * 2).atZone(zone), "demo-" + d + "-" + k, "canteen1");
			}
			n += 5;
			java.time.OffsetDateTime taken = d.atTime(10, 45).atZone(zone).toOffsetDateTime();
			java.time.OffsetDateTime disposed = taken.plusHours(49);
			boolean forgotten = d.getDayOfMonth() % 9 == 4;
			for (MealsBulkLoad.NewMenuItem item : items) {
				if (!item.day().equals(d) || (forgotten && !item.setMeal())) {
					continue;
				}
				meals.sample(place, d, MealTime.LUNCH, item.name(), 150, "1号留样冰箱", taken,
						disposed.toLocalDate().isBefore(today) ? disposed : null, "canteen1");
			}
		}
		meals.flagMissingSamples(today.atStartOfDay(), (int) java.time.temporal.ChronoUnit.DAYS.between(first, today));
		meals.submitSettlement(place, java.time.YearMonth.from(first), "canteen1");
	}

	/** 王阿姨's resident id (-1 if the register has no 王秀兰 among the diners). */
	private long wangId(List<NewDiner> diners) {
		return residents.lookupAll(diners.stream().map(NewDiner::residentId).toList())
			.stream()
			.filter(r -> r.name().equals("王秀兰"))
			.mapToLong(ResidentView::id)
			.findFirst()
			.orElse(-1);
	}

	/** The city's rule by age band and category, and 鼓楼's own for this year with a charity sharing it. */
	private void rules(TerritoryNode city, TerritoryNode gulou) {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		meals.rule(new NewRule(city.path(), LocalDate.of(year - 1, 1, 1), null, new BigDecimal("150"),
				List.of(new NewTier(AgeBand.FROM_60, null, new BigDecimal("2")),
						new NewTier(AgeBand.FROM_70, null, new BigDecimal("3")),
						new NewTier(AgeBand.FROM_80, null, new BigDecimal("4")),
						new NewTier(AgeBand.FROM_90, null, new BigDecimal("5")),
						new NewTier(null, DinerCategory.SPECIAL_HARDSHIP, new BigDecimal("8")),
						new NewTier(null, DinerCategory.LOW_INCOME, new BigDecimal("6")),
						new NewTier(null, DinerCategory.DISABLED, new BigDecimal("4.5")),
						new NewTier(AgeBand.FROM_60, DinerCategory.LIVING_ALONE, new BigDecimal("3.5"))),
				List.of(new NewSource("CITY_FUND", new BigDecimal("0.6")), new NewSource("DISTRICT_FUND", new BigDecimal("0.4")))),
				BY);
		meals.rule(new NewRule(gulou.path(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new BigDecimal("120"),
				List.of(new NewTier(AgeBand.FROM_60, null, new BigDecimal("3")),
						new NewTier(AgeBand.FROM_70, null, new BigDecimal("4")),
						new NewTier(AgeBand.FROM_80, null, new BigDecimal("5")),
						new NewTier(AgeBand.FROM_90, null, new BigDecimal("6")),
						new NewTier(null, DinerCategory.SPECIAL_HARDSHIP, new BigDecimal("10")),
						new NewTier(null, DinerCategory.LOW_INCOME, new BigDecimal("7")),
						new NewTier(AgeBand.FROM_60, DinerCategory.LIVING_ALONE, new BigDecimal("4"))),
				List.of(new NewSource("CITY_FUND", new BigDecimal("0.5")), new NewSource("DISTRICT_FUND", new BigDecimal("0.3")),
						new NewSource("CHARITY", new BigDecimal("0.2")))),
				BY);
	}

	/** The registry's first elder canteen in 东街街道; the demo registers one in 军门社区 if the network has none there. */
	private CareFacility dongjieCanteen(TerritoryNode dongjie, TerritoryNode junmen) {
		List<CareFacility> there = careFacilities.facilitiesOfKind(FacilityKind.ELDER_CANTEEN, dongjie.path());
		if (!there.isEmpty()) {
			return there.get(0);
		}
		long id = careFacilityLoad.load(List.of(new CareFacilityBulkLoad.NewCareFacility("东街军门长者食堂",
				FacilityKind.ELDER_CANTEEN, junmen, "鼓楼区东街街道军门社区", junmen.latitude(), junmen.longitude(), "东街长者食堂",
				EnumSet.of(FacilityService.MEALS), 0, 0, 0, 0, FacilityStatus.OPERATING, List.of(junmen))), BY).get(0);
		return careFacilities.find(id).orElseThrow();
	}

	private List<TerritoryNode> served(CareFacility canteen, TerritoryNode junmen) {
		List<TerritoryNode> served = new ArrayList<>(
				territories.lookupAll(canteen.servedAreas().stream().map(CareFacility.ServedArea::territoryId).toList()));
		if (served.stream().noneMatch(n -> n.id() == junmen.id())) {
			served.add(junmen);
		}
		return served;
	}

	private TerritoryNode node(CareFacility f) {
		return territories.lookup(f.territoryId()).orElseThrow();
	}

	/** Up to {@code max} elders of a community, in id order, with diets, delivery and cards; 王阿姨 eats low-salt. */
	private static List<NewDiner> diners(List<ResidentView> elders, TerritoryNode community, long place, String card,
			int max) {
		List<ResidentView> here = elders.stream()
			.filter(r -> r.communityId() == community.id())
			.sorted(Comparator.comparingLong(ResidentView::id))
			.limit(max)
			.toList();
		List<NewDiner> diners = new ArrayList<>();
		for (int i = 0; i < here.size(); i++) {
			ResidentView r = here.get(i);
			Set<DietNeed> diets = EnumSet.noneOf(DietNeed.class);
			if (r.name().equals("王秀兰") || i % 3 == 1) {
				diets.add(DietNeed.LOW_SALT);
			}
			if (i % 5 == 2) {
				diets.add(DietNeed.DIABETIC);
			}
			if (i % 7 == 3) {
				diets.add(DietNeed.SOFT);
			}
			if (i % 11 == 4) {
				diets.add(DietNeed.MINCED);
			}
			String allergies = i % 6 == 5 ? (i % 12 == 5 ? "花生" : "海鲜") : null;
			boolean delivery = r.tags().contains(org.jinlin.people.ResidentTag.LIVING_ALONE) || i % 4 == 3;
			diners.add(new NewDiner(r.id(), community, r.territoryPath(), place, diets, allergies, delivery,
					"%s%04d".formatted(card, i + 1)));
		}
		return diners;
	}
}
