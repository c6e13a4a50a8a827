package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;

/**
 * What-if answers from the last computation kept in memory ({@link Snapshot}): per category an
 * {@link IncrementalCoverage} built from that computation's placements, so that a change costs one or two small
 * searches around the site, never a full run. The snapshot is the one the last run left (or, after a restart or a
 * network change, one computed afresh in memory on first use).
 */
@Service
@RequiredArgsConstructor
class WhatIfService implements WhatIf {

	private final CoverageRunRepository rows;

	private final CoverageComputation computation;

	private final CategoryCatalogue catalogue;

	private final NetworkHolder networks;

	private final CircleSettings settings;

	private final FieldErrors problems;

	private volatile Snapshot snapshot;

	/** The computation a run just wrote (called by the run, after its results are committed). */
	void keep(long runId, CoverageComputation.Outcome outcome) {
		Snapshot s = new Snapshot(runId, outcome);
		// Each category's index now, on the run's thread, so that the first what-if finds them ready.
		for (int c = 0; c < outcome.categories().size(); c++) {
			s.index(c);
		}
		snapshot = s;
	}

	@Override
	public Result whatIf(String category, String action, Double latitude, Double longitude, String facilityId) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("What-if is for staff");
		}
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		Action act = null;
		try {
			act = action == null ? null : Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (act == null) {
			errors.add(new FieldErrors.FieldError("action", "circle.whatIf.action"));
		}
		if (act != Action.CLOSE && (latitude == null || longitude == null)) {
			errors.add(new FieldErrors.FieldError("lat", "circle.whatIf.site"));
		}
		if ((act == Action.MOVE || act == Action.CLOSE) && (facilityId == null || facilityId.isBlank())) {
			errors.add(new FieldErrors.FieldError("facilityId", "circle.whatIf.facility"));
		}
		if (category == null || catalogue.all().stream().noneMatch(k -> k.code().equals(category))) {
			errors.add(new FieldErrors.FieldError("category", "circle.suggest.category"));
		}
		problems.failIfAny(errors);
		RunView run = rows.latestWithStatus("DONE").orElseThrow(() -> problems.conflict("circle.suggest.noRun"));
		Snapshot s = snapshot(run);
		int c = s.category(category);
		if (c < 0) {
			// a category added since the last computation: its facilities are not placed yet
			throw problems.conflict("circle.suggest.noRun");
		}
		int removed = -1;
		if (act != Action.ADD) {
			Integer key = s.keys.get(c).get(facilityId.strip());
			if (key == null) {
				throw new NotFoundException("No operating facility " + facilityId + " of category " + category);
			}
			removed = key;
		}
		IncrementalCoverage.Facility site = null;
		int added = -1;
		if (act != Action.CLOSE) {
			LoadedNetwork network = s.outcome.network();
			double maxSnap = settings.network().maxSnapMetres();
			LoadedNetwork.Placement p = network.destination(latitude, longitude, maxSnap);
			if (p == null) {
				double metres = network.metresToNetwork(latitude, longitude);
				throw problems.invalid("lat", "circle.network.offNetwork",
						Double.isNaN(metres) ? "?" : Long.toString(Math.round(metres)), Math.round(maxSnap));
			}
			site = s.outcome.placed().facility(network, p, s.originsOnEdge);
			added = act == Action.MOVE ? removed : s.newKey(c);
		}
		IncrementalCoverage index = s.index(c);
		long t0 = System.nanoTime();
		IncrementalCoverage.Change change = index.change(removed, added, site);
		Map<Integer, Integer> after = new LinkedHashMap<>();
		for (int k = 0; k < change.size(); k++) {
			int before = seconds(change.walksBefore()[k]);
			int now = seconds(change.walksAfter()[k]);
			if (before != now) {
				after.put(change.origins()[k], now);
			}
		}
		double updateMillis = (System.nanoTime() - t0) / 1e6;
		return s.result(actor, run, c, act, facilityId, latitude, longitude, after, updateMillis);
	}

	private static int seconds(int millis) {
		return millis == CoverageEngine.BEYOND ? -1 : (millis + 500) / 1000;
	}

	/** The kept computation, or a fresh one when there is none, it is older than the run or the network changed. */
	private synchronized Snapshot snapshot(RunView run) {
		Snapshot s = snapshot;
		if (s == null || s.runId < run.id() || s.outcome.network() != networks.current()) {
			s = new Snapshot(run.id(), computation.compute((p, stage) -> {
			}));
			snapshot = s;
		}
		return s;
	}

	/** One computation's results and placements, with each category's incremental index built on first use. */
	static final class Snapshot {

		final long runId;

		final CoverageComputation.Outcome outcome;

		final Map<Integer, List<Integer>> originsOnEdge;

		/** Per category: facility key to the index's integer key. */
		final List<Map<String, Integer>> keys = new ArrayList<>();

		final Map<Long, List<Integer>> members = new LinkedHashMap<>();

		private final IncrementalCoverage[] indexes;

		/** One origins' index and one pair of searches for all categories (arrays of the graph's size). */
		private IncrementalCoverage.Shared shared;

		Snapshot(long runId, CoverageComputation.Outcome outcome) {
			this.runId = runId;
			this.outcome = outcome;
			this.originsOnEdge = outcome.placed().originsOnEdge();
			this.indexes = new IncrementalCoverage[outcome.categories().size()];
			for (Map<String, IncrementalCoverage.Facility> facilities : outcome.placed().facilities()) {
				Map<String, Integer> k = new HashMap<>();
				facilities.keySet().forEach(key -> k.put(key, k.size()));
				keys.add(k);
			}
			for (int i = 0; i < outcome.buildings().size(); i++) {
				TerritoryNode community = outcome.communityOf().get(outcome.buildings().get(i).id());
				if (community != null) {
					members.computeIfAbsent(community.id(), id -> new ArrayList<>()).add(i);
				}
			}
		}

		int category(String code) {
			for (int c = 0; c < outcome.categories().size(); c++) {
				if (outcome.categories().get(c).code().equals(code)) {
					return c;
				}
			}
			return -1;
		}

		int newKey(int c) {
			return keys.get(c).size();
		}

		synchronized IncrementalCoverage index(int c) {
			if (indexes[c] == null) {
				Map<Integer, IncrementalCoverage.Facility> byKey = new LinkedHashMap<>();
				outcome.placed().facilities().get(c).forEach((key, f) -> byKey.put(keys.get(c).get(key), f));
				if (shared == null) {
					shared = new IncrementalCoverage.Shared(outcome.network().walk(), outcome.placed().origins(),
							outcome.placed().cutoffMillis());
				}
				indexes[c] = new IncrementalCoverage(shared, byKey);
			}
			return indexes[c];
		}

		/** A building's seconds to a category, with the category {@code c} overridden where {@code after} says. */
		private int seconds(int category, int building, int c, Map<Integer, Integer> after) {
			if (category == c && after != null && after.containsKey(building)) {
				return after.get(building);
			}
			return outcome.seconds()[category][building];
		}

		private boolean buildingCovered(int building, int threshold, int c, Map<Integer, Integer> after) {
			List<FacilityCategory> categories = outcome.categories();
			for (int k = 0; k < categories.size(); k++) {
				int sec = seconds(k, building, c, after);
				if (categories.get(k).required() && (sec < 0 || sec > threshold)) {
					return false;
				}
			}
			return true;
		}

		private int median(List<Integer> onNetwork, int category, int c, Map<Integer, Integer> after) {
			return CoverageComputation.median(onNetwork.stream().mapToInt(i -> seconds(category, i, c, after)).toArray());
		}

		private boolean communityCovered(List<Integer> onNetwork, int threshold, int c, Map<Integer, Integer> after) {
			List<FacilityCategory> categories = outcome.categories();
			for (int k = 0; k < categories.size(); k++) {
				if (categories.get(k).required()) {
					int m = median(onNetwork, k, c, after);
					if (m < 0 || m > threshold) {
						return false;
					}
				}
			}
			return true;
		}

		private double share(List<Integer> members, int threshold, int c, Map<Integer, Integer> after) {
			double people = 0;
			double covered = 0;
			long coveredCount = 0;
			for (int i : members) {
				boolean yes = buildingCovered(i, threshold, c, after);
				people += outcome.population()[i];
				covered += yes ? outcome.population()[i] : 0;
				coveredCount += yes ? 1 : 0;
			}
			double share = people > 0 ? covered / people : coveredCount / (double) members.size();
			return Math.round(share * 10000) / 10000.0;
		}

		Result result(Actor actor, RunView run, int c, Action action, String facilityId, Double latitude,
				Double longitude, Map<Integer, Integer> after, double updateMillis) {
			int threshold = run.thresholdSeconds();
			List<BuildingChange> buildings = new ArrayList<>();
			Map<Long, TerritoryNode> touched = new LinkedHashMap<>();
			for (var e : after.entrySet()) {
				int i = e.getKey();
				TerritoryNode building = outcome.buildings().get(i);
				TerritoryNode community = outcome.communityOf().get(building.id());
				if (community == null || !actor.covers(building.path())) {
					continue;
				}
				int before = outcome.seconds()[c][i];
				buildings.add(new BuildingChange(building.id(), building.name(), community.id(), before < 0 ? null : before,
						e.getValue() < 0 ? null : e.getValue(), buildingCovered(i, threshold, c, null),
						buildingCovered(i, threshold, c, after)));
				touched.put(community.id(), community);
			}
			int changed = buildings.size();
			int beyond = outcome.placed().cutoffMillis() / 1000 + 1;
			buildings.sort(Comparator.comparingInt((BuildingChange b) -> -Math.abs(
					(b.secondsAfter() == null ? beyond : b.secondsAfter()) - (b.secondsBefore() == null ? beyond : b.secondsBefore())))
				.thenComparingLong(BuildingChange::buildingId));
			List<CommunityChange> communities = new ArrayList<>();
			for (TerritoryNode community : touched.values()) {
				if (!actor.covers(community.path())) {
					continue;
				}
				List<Integer> all = members.get(community.id());
				List<Integer> onNetwork = all.stream().filter(i -> !outcome.offNetwork()[i]).toList();
				int before = median(onNetwork, c, c, null);
				int now = median(onNetwork, c, c, after);
				communities.add(new CommunityChange(community.id(), community.code(), community.name(),
						before < 0 ? null : before, now < 0 ? null : now, communityCovered(onNetwork, threshold, c, null),
						communityCovered(onNetwork, threshold, c, after), share(all, threshold, c, null),
						share(all, threshold, c, after)));
			}
			communities.sort(Comparator.comparing(CommunityChange::code));
			return new Result(outcome.categories().get(c).code(), action, facilityId, latitude, longitude, run.id(),
					threshold, changed, communities.size(), communities,
					List.copyOf(buildings.subList(0, Math.min(MAX_BUILDINGS, buildings.size()))), Math.round(updateMillis * 100) / 100.0);
		}
	}
}
