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
 * searches around the site, never a full run. The snapshot is the one the last run left, kept up to date by the
 * incremental updates on save (or, after a restart, a network change or another instance's update, one computed afresh
 * in memory on first use).
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

	/** Guards {@link #kept}, its indexes and its results: what-ifs read them, the incremental updates change them. */
	private final Object lock = new Object();

	private Kept kept;

	/**
	 * The computation of the latest run as this instance keeps it: both walking profiles, each category's index built,
	 * at the run's revision. {@code exact}: left by the run itself (or a full run's instance) and kept in step with the
	 * stored rows by the incremental updates ({@link CoverageUpdates}); a copy computed afresh here for what-ifs (after a
	 * restart, or when another instance updated the run) is not, and the incremental updates then ask for a full run.
	 */
	static final class Kept {

		final long runId;

		int revision;

		final boolean exact;

		final Snapshot standard;

		/** The elder profile (null when not exact: what-ifs use the standard profile only). */
		final Snapshot elder;

		/** Operating facilities placed on the network and not (as the run row counts them). */
		int placed;

		int offNetwork;

		Kept(long runId, int revision, boolean exact, Snapshot standard, Snapshot elder) {
			this.runId = runId;
			this.revision = revision;
			this.exact = exact;
			this.standard = standard;
			this.elder = elder;
			this.placed = standard.outcome.placedFacilities();
			this.offNetwork = standard.outcome.facilitiesOffNetwork();
		}
	}

	/** The computation a run just wrote, both profiles (called by the run, after its results are committed). */
	void keep(long runId, CoverageComputation.Outcome outcome, CoverageComputation.Outcome elder) {
		Snapshot s = new Snapshot(runId, outcome);
		Snapshot e = new Snapshot(runId, elder);
		// Each category's index now, on the run's thread, so that the first what-if or update finds them ready.
		for (int c = 0; c < outcome.categories().size(); c++) {
			s.index(c);
			e.index(c);
		}
		synchronized (lock) {
			if (kept == null || kept.runId <= runId) {
				kept = new Kept(runId, 0, true, s, e);
			}
		}
	}

	Object lock() {
		return lock;
	}

	/** What this instance keeps (under {@link #lock()}). */
	Kept kept() {
		return kept;
	}

	/** Forgets the kept computation (it may no longer match the stored rows). */
	void drop() {
		synchronized (lock) {
			kept = null;
		}
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
		synchronized (lock) {
			return whatIf(actor, run, snapshot(run), category, act, latitude, longitude, facilityId);
		}
	}

	private Result whatIf(Actor actor, RunView run, Snapshot s, String category, Action act, Double latitude,
			Double longitude, String facilityId) {
		int c = s.category(category);
		if (c < 0) {
			// a category added since the last computation: its facilities are not placed yet
			throw problems.conflict("circle.suggest.noRun");
		}
		int removed = -1;
		if (act != Action.ADD) {
			Integer key = s.keys.get(c).get(facilityId.strip());
			if (key == null || !s.index(c).has(key)) {
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

	/**
	 * The standard profile of the kept computation, or of a fresh one when there is none, it is of another run or
	 * behind the run's revision (another instance updated the run) or the network changed. Under {@link #lock()}.
	 */
	Snapshot snapshot(RunView run) {
		Kept k = kept;
		// a kept revision ahead of the row read is this instance's own update, committing
		if (k == null || k.runId != run.id() || k.revision < run.revision()
				|| k.standard.outcome.network() != networks.current()) {
			k = new Kept(run.id(), run.revision(), false, new Snapshot(run.id(), computation.compute((p, stage) -> {
			})), null);
			kept = k;
		}
		return k.standard;
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
			int reached = 0;
			double residents = 0;
			for (var e : after.entrySet()) {
				int i = e.getKey();
				TerritoryNode building = outcome.buildings().get(i);
				TerritoryNode community = outcome.communityOf().get(building.id());
				if (community == null || !actor.covers(building.path())) {
					continue;
				}
				int before = outcome.seconds()[c][i];
				int now = e.getValue();
				if ((before < 0 || before > threshold) && now >= 0 && now <= threshold) {
					reached++;
					residents += outcome.population()[i] > 0 ? outcome.population()[i] : 1;
				}
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
					List.copyOf(buildings.subList(0, Math.min(MAX_BUILDINGS, buildings.size()))), Math.round(updateMillis * 100) / 100.0,
					reached, Math.round(residents * 10) / 10.0);
		}
	}
}
