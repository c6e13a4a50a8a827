package org.jinlin.circle.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.Suggestion;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.Problems;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the 15-minute circle over the latest finished coverage run: coverage of an area and of each of
 * its child areas against the plan target, the gaps, a community's walking times and its buildings, and the points
 * of the map. Staff only; every query is limited to the caller's jurisdiction (a result row counts when its
 * territory path lies under the caller's node), and an area outside it is a 404.
 */
@Service
@Transactional(readOnly = true)
class CircleReads {

	static final int MAX_SUGGESTIONS = 20;

	static final int MAP_LIMIT = 20_000;

	/** A category as shown: code, localized name, whether it counts for coverage. */
	record Category(String code, String name, boolean required) {
	}

	/**
	 * Coverage figures of a set of communities. The plan rate counts urban communities only; the weighted rate is the
	 * population of covered urban communities over the urban population; the residents rate counts the residents
	 * (building by building) who have every required category within the threshold. Rural communities separately.
	 */
	record Rate(long communities, long covered, Double rate, long population, long coveredPopulation,
			Double weightedRate, Double residentsRate, long ruralCommunities, long ruralCovered, Double ruralRate,
			long ruralPopulation) {

		public long uncovered() {
			return communities - covered;
		}

		static Rate of(List<CommunityRow> rows) {
			long n = 0, covered = 0, pop = 0, coveredPop = 0, rural = 0, ruralCovered = 0, ruralPop = 0;
			double residents = 0;
			for (CommunityRow r : rows) {
				if (r.rural()) {
					rural++;
					ruralCovered += r.covered() ? 1 : 0;
					ruralPop += r.population();
				}
				else {
					n++;
					covered += r.covered() ? 1 : 0;
					pop += r.population();
					coveredPop += r.covered() ? r.population() : 0;
					residents += r.population() * r.residentsCoveredShare();
				}
			}
			return new Rate(n, covered, ratio(covered, n), pop, coveredPop, ratio(coveredPop, pop),
					pop == 0 ? null : residents / pop, rural, ruralCovered, ratio(ruralCovered, rural), ruralPop);
		}

		private static Double ratio(double part, double whole) {
			return whole == 0 ? null : part / whole;
		}
	}

	/** An area (city, district, street or community) with its coverage. */
	record Area(String code, String name, TerritoryLevel level, boolean rural, Rate rate) {

		public boolean community() {
			return level == TerritoryLevel.COMMUNITY;
		}
	}

	/** The plan target and whether the area meets it. */
	record Target(double rate, LocalDate date, Boolean met, boolean overdue) {
	}

	/** A node on the way from the caller's own node down to the area shown. */
	record Crumb(String code, String name, TerritoryLevel level) {
	}

	record Coverage(RunView run, Area area, Target target, List<Area> children, List<Crumb> trail) {
	}

	/** A community's stored result. */
	record CommunityRow(long communityId, String code, String name, String territoryPath, boolean rural, long population,
			Double latitude, Double longitude, int buildings, boolean covered, List<String> missing,
			double residentsCoveredShare) {
	}

	/** An uncovered community with what it lacks; {@code parentName} is its street. */
	record Gap(String code, String name, String parentName, boolean rural, long population, double residentsCoveredShare,
			List<Category> missing) {
	}

	/** How many communities (urban, rural) lack a required category, and their population. */
	record CategoryGap(Category category, long communities, long population, long ruralCommunities) {
	}

	record Gaps(RunView run, Area area, List<Gap> communities, List<CategoryGap> categories, List<Crumb> trail) {
	}

	/** The walk to the nearest facility of a category; {@code seconds} null when beyond the cutoff. */
	record Time(Category category, Integer seconds, Double minutes, boolean within) {

		static Time of(Category category, Integer seconds, int threshold) {
			return new Time(category, seconds, seconds == null ? null : Math.round(seconds / 6.0) / 10.0,
					seconds != null && seconds <= threshold);
		}
	}

	record Building(long id, String name, double latitude, double longitude, double population, Double accessMetres,
			boolean covered, List<Time> times) {

		/** The walk to a category, null when the run stored none for it. */
		public Time time(String category) {
			return times.stream().filter(t -> t.category().code().equals(category)).findFirst().orElse(null);
		}
	}

	record Community(RunView run, String code, String name, boolean rural, Long population, Double latitude,
			Double longitude, CommunityRow result, List<Category> missing, List<Time> times, List<Building> buildings,
			List<Crumb> trail, int thresholdMinutes) {
	}

	record SuggestionList(Category category, String territoryCode, String territoryName, List<Suggestion> suggestions) {
	}

	/** A point of the map. */
	record MapBuilding(long id, String name, double latitude, double longitude, boolean covered, long communityId) {
	}

	/** The box the map's facilities are taken from: the area's buildings plus one threshold's walk around them. */
	record Box(double south, double west, double north, double east) {

		boolean contains(double lat, double lon) {
			return lat >= south && lat <= north && lon >= west && lon <= east;
		}
	}

	private final JdbcClient jdbc;

	private final Territories territories;

	private final CategoryCatalogue catalogue;

	private final FacilityLocations facilities;

	private final CircleSettings settings;

	private final CircleBackends backends;

	private final Problems problems;

	CircleReads(JdbcClient jdbc, Territories territories, CategoryCatalogue catalogue, FacilityLocations facilities,
			CircleSettings settings, CircleBackends backends, Problems problems) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.catalogue = catalogue;
		this.facilities = facilities;
		this.settings = settings;
		this.backends = backends;
		this.problems = problems;
	}

	// ------------------------------------------------------------------ access

	/** Staff only. */
	static Actor staff() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Staff only");
		}
		return actor;
	}

	/** Re-runs are city-wide work: street officials and above, and administrators. */
	static boolean mayRequestRun(Actor actor) {
		return actor.hasAny(Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	/** Replacing the walking network: administrators and city officials. */
	static boolean mayManageNetwork(Actor actor) {
		return actor.hasAny(Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static Actor runRequester() {
		Actor actor = staff();
		if (!mayRequestRun(actor)) {
			throw new ForbiddenException("Street officials and above request coverage runs");
		}
		return actor;
	}

	static Actor networkManager() {
		Actor actor = staff();
		if (!mayManageNetwork(actor)) {
			throw new ForbiddenException("Administrators and city officials replace the walking network");
		}
		return actor;
	}

	/** The area (default: the caller's own node), which must lie in the jurisdiction. */
	TerritoryNode area(Actor actor, String code) {
		Optional<TerritoryNode> node = code == null || code.isBlank() ? territories.lookup(actor.territoryId())
				: territories.lookupByCode(code.strip());
		return node.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
	}

	// ------------------------------------------------------------------ coverage

	Coverage coverage(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		Optional<RunView> run = backends.latest();
		List<CommunityRow> rows = run.map(r -> rows(actor, r.id(), node.path())).orElse(List.of());
		Area area = new Area(node.code(), node.name(), node.level(), node.rural(), Rate.of(rows));
		return new Coverage(run.orElse(null), area, target(area.rate()), children(node, rows), trail(actor, node));
	}

	Target target(Rate rate) {
		Double r = rate.rate();
		return new Target(settings.targetRate(), settings.targetDate(), r == null ? null : r + 1e-9 >= settings.targetRate(),
				LocalDate.now().isAfter(settings.targetDate()));
	}

	/** The direct children of an area above community level, each with the coverage of its communities. */
	private List<Area> children(TerritoryNode node, List<CommunityRow> rows) {
		if (node.level().ordinal() >= TerritoryLevel.COMMUNITY.ordinal()) {
			return List.of();
		}
		Map<Long, List<CommunityRow>> byChild = new HashMap<>();
		for (CommunityRow r : rows) {
			childId(node.path(), r.territoryPath()).ifPresent(id -> byChild.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
		}
		List<Area> children = new ArrayList<>();
		for (TerritoryNode child : territories.lookupLevelUnder(node.level().childLevel(), node.path())) {
			if (child.parentId() != null && child.parentId() == node.id()) {
				children.add(new Area(child.code(), child.name(), child.level(), child.rural(),
						Rate.of(byChild.getOrDefault(child.id(), List.of()))));
			}
		}
		children.sort(Comparator.comparing(Area::code));
		return children;
	}

	/** The id of the child of {@code parentPath} a path lies under. */
	private static Optional<Long> childId(String parentPath, String path) {
		if (!path.startsWith(parentPath) || path.length() <= parentPath.length()) {
			return Optional.empty();
		}
		String rest = path.substring(parentPath.length());
		int slash = rest.indexOf('/');
		try {
			return Optional.of(Long.valueOf(slash < 0 ? rest : rest.substring(0, slash)));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The nodes from the caller's own node down to this one. */
	List<Crumb> trail(Actor actor, TerritoryNode node) {
		return territories.lookupAll(node.ancestorIds())
			.stream()
			.filter(n -> actor.covers(n.path()) && n.level().ordinal() <= TerritoryLevel.COMMUNITY.ordinal())
			.sorted(Comparator.comparing(n -> n.path().length()))
			.map(n -> new Crumb(n.code(), n.name(), n.level()))
			.toList();
	}

	/** The community results of a run under a path, inside the caller's jurisdiction. */
	List<CommunityRow> rows(Actor actor, long runId, String path) {
		return jdbc.sql("""
				SELECT community_id, code, name, territory_path, rural, population, latitude, longitude, buildings,
					covered, missing, residents_covered_share
				FROM circle_community_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction
				ORDER BY code""")
			.param("run", runId)
			.param("area", path + "%")
			.param("jurisdiction", actor.jurisdiction().likePattern())
			.query((rs, n) -> new CommunityRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getLong(6), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
					rs.getInt(9), rs.getBoolean(10), codes(rs.getString(11)), rs.getDouble(12)))
			.list();
	}

	static List<String> codes(String missing) {
		return missing == null || missing.isBlank() ? List.of()
				: Arrays.stream(missing.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	// ------------------------------------------------------------------ gaps

	Gaps gaps(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		Optional<RunView> run = backends.latest();
		List<CommunityRow> rows = run.map(r -> rows(actor, r.id(), node.path())).orElse(List.of());
		Map<String, Category> categories = categories();
		List<CommunityRow> uncovered = rows.stream().filter(r -> !r.covered()).toList();
		Set<Long> parentIds = new HashSet<>();
		uncovered.forEach(r -> parentId(r.territoryPath()).ifPresent(parentIds::add));
		Map<Long, String> parents = new HashMap<>();
		territories.lookupAll(parentIds).forEach(n -> parents.put(n.id(), n.name()));
		List<Gap> gaps = uncovered.stream()
			.map(r -> new Gap(r.code(), r.name(), parentId(r.territoryPath()).map(parents::get).orElse(null), r.rural(),
					r.population(), r.residentsCoveredShare(), r.missing().stream().map(c -> category(categories, c)).toList()))
			.sorted(Comparator.comparing(Gap::rural)
				.thenComparing(Comparator.comparingInt((Gap g) -> g.missing().size()).reversed())
				.thenComparing(Comparator.comparingLong(Gap::population).reversed())
				.thenComparing(Gap::code))
			.toList();
		Map<String, long[]> counts = new LinkedHashMap<>();
		categories.values().stream().filter(Category::required).forEach(c -> counts.put(c.code(), new long[3]));
		for (CommunityRow r : uncovered) {
			for (String c : r.missing()) {
				long[] n = counts.computeIfAbsent(c, k -> new long[3]);
				if (r.rural()) {
					n[2]++;
				}
				else {
					n[0]++;
					n[1] += r.population();
				}
			}
		}
		List<CategoryGap> byCategory = counts.entrySet().stream()
			.map(e -> new CategoryGap(category(categories, e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.toList();
		Area area = new Area(node.code(), node.name(), node.level(), node.rural(), Rate.of(rows));
		return new Gaps(run.orElse(null), area, gaps, byCategory, trail(actor, node));
	}

	private static Optional<Long> parentId(String path) {
		String[] ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
		return ids.length < 2 ? Optional.empty() : Optional.of(Long.valueOf(ids[ids.length - 2]));
	}

	/** The catalogue's categories by code, in display order, with names in the request's language. */
	Map<String, Category> categories() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Category> map = new LinkedHashMap<>();
		catalogue.all()
			.stream()
			.sorted(Comparator.comparingInt(FacilityCategory::sortOrder))
			.forEach(c -> map.put(c.code(), new Category(c.code(), c.name(locale), c.required())));
		return map;
	}

	/** A category by code; one no longer in the catalogue keeps its code as its name. */
	private static Category category(Map<String, Category> categories, String code) {
		Category c = categories.get(code);
		return c != null ? c : new Category(code, code, false);
	}

	// ------------------------------------------------------------------ a community

	Community community(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		if (node.level() != TerritoryLevel.COMMUNITY) {
			throw new NotFoundException("No such community in your jurisdiction");
		}
		Optional<RunView> run = backends.latest();
		Map<String, Category> categories = categories();
		CommunityRow row = run.flatMap(r -> rows(actor, r.id(), node.path()).stream()
			.filter(c -> c.code().equals(node.code()))
			.findFirst()).orElse(null);
		int threshold = run.map(RunView::thresholdSeconds).orElse(settings.thresholdSeconds());
		List<Time> times = List.of();
		List<Building> buildings = List.of();
		List<Category> missing = List.of();
		if (row != null) {
			long runId = run.get().id();
			Map<String, Integer> seconds = new LinkedHashMap<>();
			jdbc.sql("SELECT category, seconds FROM circle_community_time WHERE run_id = ? AND community_id = ?")
				.params(runId, row.communityId())
				.query((rs, n) -> {
					seconds.put(rs.getString(1), rs.getObject(2, Integer.class));
					return null;
				})
				.list();
			times = times(categories, seconds, threshold);
			missing = row.missing().stream().map(c -> category(categories, c)).toList();
			buildings = jdbc.sql("""
					SELECT building_id, name, latitude, longitude, population, access_metres, covered, times
					FROM circle_building_result
					WHERE run_id = :run AND community_id = :community AND territory_path LIKE :jurisdiction
					ORDER BY name, building_id""")
				.param("run", runId)
				.param("community", row.communityId())
				.param("jurisdiction", actor.jurisdiction().likePattern())
				.query((rs, n) -> new Building(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
						rs.getDouble(5), rs.getObject(6, Double.class), rs.getBoolean(7),
						times(categories, buildingTimes(rs.getString(8)), threshold)))
				.list();
		}
		return new Community(run.orElse(null), node.code(), node.name(), node.rural(), node.population(), node.latitude(),
				node.longitude(), row, missing, times, buildings, trail(actor, node), Math.round(threshold / 60f));
	}

	/** Every catalogue category in order (then any other stored), with its walk. */
	private static List<Time> times(Map<String, Category> categories, Map<String, Integer> seconds, int threshold) {
		List<Time> times = new ArrayList<>();
		for (Category c : categories.values()) {
			if (seconds.containsKey(c.code())) {
				times.add(Time.of(c, seconds.get(c.code()), threshold));
			}
		}
		seconds.forEach((code, s) -> {
			if (!categories.containsKey(code)) {
				times.add(Time.of(category(categories, code), s, threshold));
			}
		});
		return times;
	}

	/** Parses {@code 'CODE=seconds;CODE=;...'} (empty = beyond the cutoff). */
	static Map<String, Integer> buildingTimes(String text) {
		Map<String, Integer> map = new LinkedHashMap<>();
		if (text == null) {
			return map;
		}
		for (String part : text.split(";")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String value = part.substring(eq + 1).strip();
			Integer seconds = null;
			if (!value.isEmpty()) {
				try {
					seconds = Integer.valueOf(value);
				}
				catch (NumberFormatException e) {
					seconds = null;
				}
			}
			map.put(part.substring(0, eq).strip(), seconds);
		}
		return map;
	}

	// ------------------------------------------------------------------ suggestions

	SuggestionList suggestions(String categoryCode, String territoryCode, Integer count) {
		Actor actor = staff();
		Map<String, Category> categories = categories();
		List<Problems.FieldError> errors = new ArrayList<>();
		if (categoryCode == null || categoryCode.isBlank()) {
			errors.add(new Problems.FieldError("category", "circle-pages.error.category.required"));
		}
		else if (!categories.containsKey(categoryCode.strip())) {
			errors.add(new Problems.FieldError("category", "circle-pages.error.category.unknown"));
		}
		int n = count == null ? 5 : count;
		if (n < 1 || n > MAX_SUGGESTIONS) {
			errors.add(new Problems.FieldError("count", "circle-pages.error.count", MAX_SUGGESTIONS));
		}
		problems.failIfAny(errors);
		TerritoryNode node = area(actor, territoryCode);
		Category category = categories.get(categoryCode.strip());
		return new SuggestionList(category, node.code(), node.name(), backends.suggest(category.code(), node.path(), n));
	}

	// ------------------------------------------------------------------ map

	/** Communities of the latest run under the area, with a location. */
	List<CommunityRow> mapCommunities(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		return backends.latest()
			.map(r -> rows(actor, r.id(), node.path()).stream()
				.filter(c -> c.latitude() != null && c.longitude() != null)
				.toList())
			.orElse(List.of());
	}

	List<MapBuilding> mapBuildings(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		return backends.latest().map(r -> jdbc.sql("""
				SELECT building_id, name, latitude, longitude, covered, community_id FROM circle_building_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction
				ORDER BY building_id FETCH FIRST %d ROWS ONLY""".formatted(MAP_LIMIT))
			.param("run", r.id())
			.param("area", node.path() + "%")
			.param("jurisdiction", actor.jurisdiction().likePattern())
			.query((rs, n) -> new MapBuilding(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
					rs.getBoolean(5), rs.getLong(6)))
			.list()).orElse(List.of());
	}

	/**
	 * The operating facilities that serve the area: those inside the box around its buildings (of the latest run, or
	 * else its communities' centres) widened by one threshold's walk, since a facility just across the boundary
	 * serves the area too. Facilities carry no territory; the box is what bounds them to the jurisdiction.
	 */
	List<PlacedFacility> mapFacilities(String code) {
		Actor actor = staff();
		TerritoryNode node = area(actor, code);
		Optional<Box> box = box(actor, node);
		if (box.isEmpty()) {
			return List.of();
		}
		return facilities.operating().stream().filter(f -> box.get().contains(f.latitude(), f.longitude())).toList();
	}

	Optional<Box> box(Actor actor, TerritoryNode node) {
		Optional<RunView> run = backends.latest();
		double[] b = { 90, 180, -90, -180 };
		boolean[] any = { false };
		run.ifPresent(r -> jdbc.sql("""
				SELECT MIN(latitude), MIN(longitude), MAX(latitude), MAX(longitude) FROM circle_building_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction""")
			.param("run", r.id())
			.param("area", node.path() + "%")
			.param("jurisdiction", actor.jurisdiction().likePattern())
			.query((rs, n) -> {
				if (rs.getObject(1) != null) {
					b[0] = rs.getDouble(1);
					b[1] = rs.getDouble(2);
					b[2] = rs.getDouble(3);
					b[3] = rs.getDouble(4);
					any[0] = true;
				}
				return null;
			})
			.list());
		if (!any[0]) {
			List<TerritoryNode> points = new ArrayList<>(
					node.level().ordinal() < TerritoryLevel.COMMUNITY.ordinal()
							? territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, node.path()) : List.of());
			points.add(node);
			for (TerritoryNode p : points) {
				if (p.latitude() != null && p.longitude() != null) {
					b[0] = Math.min(b[0], p.latitude());
					b[1] = Math.min(b[1], p.longitude());
					b[2] = Math.max(b[2], p.latitude());
					b[3] = Math.max(b[3], p.longitude());
					any[0] = true;
				}
			}
		}
		if (!any[0]) {
			return Optional.empty();
		}
		double metres = settings.walkingSpeedKmh() * 1000 * settings.threshold().toSeconds() / 3600.0;
		double dLat = metres / 111_320.0;
		double dLon = metres / (111_320.0 * Math.cos(Math.toRadians((b[0] + b[2]) / 2)));
		return Optional.of(new Box(b[0] - dLat, b[1] - dLon, b[2] + dLat, b[3] + dLon));
	}

	int thresholdMinutes() {
		return (int) settings.threshold().toMinutes();
	}

	CircleSettings settings() {
		return settings;
	}
}
