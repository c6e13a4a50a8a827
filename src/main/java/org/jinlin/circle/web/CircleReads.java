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

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.network.WalkingProfile;
import org.jinlin.circle.coverage.Suggestions;
import org.jinlin.circle.web.CircleViews.*;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.i18n.LocaleContextHolder;
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
@RequiredArgsConstructor
class CircleReads {

	static final int MAX_SUGGESTIONS = 20;


	private final CircleResultRepository results;

	private final Territories territories;

	private final CategoryCatalogue catalogue;

	private final CircleSettings settings;

	private final CoverageRuns runs;

	private final Suggestions suggestions;

	private final FieldErrors problems;

	/** The area (default: the caller's own node), which must lie in the jurisdiction. */
	TerritoryNode area(Actor actor, String code) {
		Optional<TerritoryNode> node = code == null || code.isBlank() ? territories.lookup(actor.territoryId())
				: territories.lookupByCode(code.strip());
		return node.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
	}

	// ------------------------------------------------------------------ coverage

	Coverage coverage(String code) {
		Actor actor = CircleAccess.staff();
		TerritoryNode node = area(actor, code);
		Optional<RunView> run = runs.latest();
		List<CommunityRow> rows = run.map(r -> rows(actor, r.id(), node.path())).orElse(List.of());
		Area area = Area.of(node, rows);
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
				children.add(Area.of(child, byChild.getOrDefault(child.id(), List.of())));
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
		return results.communities(runId, path, actor.jurisdiction().likePattern());
	}

	// ------------------------------------------------------------------ gaps

	Gaps gaps(String code) {
		return gaps(code, null, null, WalkingProfile.STANDARD);
	}

	Gaps gaps(String code, String kind, String category) {
		return gaps(code, kind, category, WalkingProfile.STANDARD);
	}

	/** The walking profile a request asks for ({@code profile=STANDARD|ELDER}, default STANDARD), or a 400. */
	WalkingProfile profile(String text) {
		WalkingProfile profile = WalkingProfile.parse(text);
		if (profile == null) {
			throw problems.invalid("profile", "circle-pages.error.profile");
		}
		return profile;
	}

	/**
	 * The gaps of an area; the list of uncovered communities narrowed to {@code kind} ({@code urban} or
	 * {@code rural}, anything else: both) and to those missing {@code category} (blank: any). The figures of the
	 * area and the counts per category are always of the whole area, so each count leads to the list it counts. For the
	 * ELDER profile, covered and missing are the elder profile's.
	 */
	Gaps gaps(String code, String kind, String category, WalkingProfile profile) {
		Actor actor = CircleAccess.staff();
		TerritoryNode node = area(actor, code);
		Optional<RunView> run = runs.latest();
		List<CommunityRow> stored = run.map(r -> rows(actor, r.id(), node.path())).orElse(List.of());
		List<CommunityRow> rows = stored.stream().map(r -> r.as(profile)).toList();
		Map<String, Category> categories = categories();
		List<CommunityRow> uncovered = rows.stream().filter(r -> !r.covered()).toList();
		Set<Long> parentIds = new HashSet<>();
		uncovered.forEach(r -> parentId(r.territoryPath()).ifPresent(parentIds::add));
		Map<Long, String> parents = new HashMap<>();
		territories.lookupAll(parentIds).forEach(n -> parents.put(n.id(), n.name()));
		List<Gap> gaps = uncovered.stream()
			.map(r -> new Gap(r.code(), r.name(), parentId(r.territoryPath()).map(parents::get).orElse(null), r.rural(),
					r.population(), r.residentsCoveredShare(), r.missing().stream().map(c -> category(categories, c)).toList()))
			.filter(g -> !"urban".equals(kind) || !g.rural())
			.filter(g -> !"rural".equals(kind) || g.rural())
			.filter(g -> category == null || category.isBlank()
					|| g.missing().stream().anyMatch(c -> c.code().equals(category.strip())))
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
		Area area = Area.of(node, stored);
		return new Gaps(run.orElse(null), area, gaps, byCategory, trail(actor, node), profile);
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
		Actor actor = CircleAccess.staff();
		TerritoryNode node = area(actor, code);
		if (node.level() != TerritoryLevel.COMMUNITY) {
			throw new NotFoundException("No such community in your jurisdiction");
		}
		Optional<RunView> run = runs.latest();
		Map<String, Category> categories = categories();
		CommunityRow row = run.flatMap(r -> rows(actor, r.id(), node.path()).stream()
			.filter(c -> c.code().equals(node.code()))
			.findFirst()).orElse(null);
		int threshold = run.map(RunView::thresholdSeconds).orElse(settings.thresholdSeconds());
		List<Time> times = List.of();
		List<Building> buildings = List.of();
		List<Category> missing = List.of();
		List<Time> elderTimes = List.of();
		List<Category> elderMissing = List.of();
		if (row != null) {
			long runId = run.get().id();
			times = times(categories, results.communityTimes(runId, row.communityId()), threshold, row.offNetwork());
			missing = row.missing().stream().map(c -> category(categories, c)).toList();
			if (row.elderCovered() != null) {
				elderTimes = times(categories, results.communityTimes(runId, row.communityId(), true), threshold,
						row.offNetwork());
				elderMissing = row.elderMissing().stream().map(c -> category(categories, c)).toList();
			}
			int cutoff = threshold;
			buildings = results.buildings(runId, row.communityId(), actor.jurisdiction().likePattern(),
					(text, offNetwork) -> times(categories, buildingTimes(text), cutoff, offNetwork));
		}
		return new Community(run.orElse(null), node.code(), node.name(), node.rural(), node.population(), node.latitude(),
				node.longitude(), row, missing, times, buildings, trail(actor, node), Math.round(threshold / 60f),
				elderMissing, elderTimes);
	}

	/** Every catalogue category in order (then any other stored), with its walk. */
	private static List<Time> times(Map<String, Category> categories, Map<String, Integer> seconds, int threshold,
			boolean offNetwork) {
		List<Time> times = new ArrayList<>();
		for (Category c : categories.values()) {
			if (seconds.containsKey(c.code())) {
				times.add(Time.of(c, seconds.get(c.code()), threshold, offNetwork));
			}
		}
		seconds.forEach((code, s) -> {
			if (!categories.containsKey(code)) {
				times.add(Time.of(category(categories, code), s, threshold, offNetwork));
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
		Actor actor = CircleAccess.staff();
		Map<String, Category> categories = categories();
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		if (categoryCode == null || categoryCode.isBlank()) {
			errors.add(new FieldErrors.FieldError("category", "circle-pages.error.category.required"));
		}
		else if (!categories.containsKey(categoryCode.strip())) {
			errors.add(new FieldErrors.FieldError("category", "circle-pages.error.category.unknown"));
		}
		int n = count == null ? 5 : count;
		if (n < 1 || n > MAX_SUGGESTIONS) {
			errors.add(new FieldErrors.FieldError("count", "circle-pages.error.count", MAX_SUGGESTIONS));
		}
		problems.failIfAny(errors);
		TerritoryNode node = area(actor, territoryCode);
		Category category = categories.get(categoryCode.strip());
		return new SuggestionList(category, node.code(), node.name(), suggestions.suggest(category.code(), node.path(), n));
	}

	int thresholdMinutes() {
		return (int) settings.threshold().toMinutes();
	}

	CircleSettings settings() {
		return settings;
	}
}
