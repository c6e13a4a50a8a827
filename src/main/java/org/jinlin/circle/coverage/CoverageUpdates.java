package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coverage brought up to date on save, without a full run. After one facility is created, moved, closed, reopened
 * or deleted (the registry's {@code FacilitiesChanged} for one facility, after its commit; the care-facility network's
 * events), the computation this instance keeps of the latest run ({@link WhatIfService.Kept}, both walking profiles)
 * is updated through each category's {@link IncrementalCoverage}, and the run's rows that depend on the changed walks
 * (those buildings, their communities' medians, coverage and shares, both profiles) are rewritten in one transaction
 * with the run's revision bumped. What changed is found by comparing the operating facilities now with those the kept
 * computation holds, so repeated or reordered events give the same rows; the rows then equal a full run's.
 * <p>
 * A full run is requested instead when this instance keeps no exact computation of the latest run at its stored
 * revision (after a restart; when only a what-if's copy computed afresh is kept; when another instance updated the run
 * since), when a run is queued or running, when the network changed, or when more than {@link #MAX_CHANGES} facilities
 * changed at once.
 * <p>
 * Several instances: the kept computation is per instance memory. The run's revision is checked and bumped in the
 * same transaction as the rows are rewritten ({@code WHERE revision = kept}), so of two instances updating at once
 * one wins and the other drops its copy and requests a full run; an instance whose kept revision is behind the stored
 * one computes a fresh copy for what-ifs on next use and requests a full run for its next change, and the instance
 * that computes that run keeps its computation.
 */
@Service
class CoverageUpdates {

	private static final Logger log = LoggerFactory.getLogger(CoverageUpdates.class);

	static final int MAX_CHANGES = 20;

	/**
	 * One update: facilities changed, buildings and communities rewritten, and its time from the event to the commit
	 * (reading the facilities, the searches, the rows written).
	 */
	record Update(long runId, int revision, int facilities, int buildings, int communities, double millis,
			double readMillis, double searchMillis) {
	}

	private static final Update UNCHANGED = new Update(0, 0, 0, 0, 0, 0, 0, 0);

	private final CoverageRunRepository rows;

	private final CoverageRunService runs;

	private final WhatIfService whatIfs;

	private final FacilityLocations facilities;

	private final NetworkHolder networks;

	private final CircleSettings settings;

	/** Transactions of their own: the updates run after the facility change committed. */
	private final TransactionTemplate apart;

	/** The last update made here (for the measurement). */
	private volatile Update last;

	CoverageUpdates(CoverageRunRepository rows, CoverageRunService runs, WhatIfService whatIfs,
			FacilityLocations facilities, NetworkHolder networks, CircleSettings settings,
			PlatformTransactionManager transactions) {
		this.rows = rows;
		this.runs = runs;
		this.whatIfs = whatIfs;
		this.facilities = facilities;
		this.networks = networks;
		this.settings = settings;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * One facility changed (committed): the stored coverage updated incrementally, or a full run requested.
	 *
	 * @param key the registry facility that changed ({@code circle:<id>}, read alone), or null: compare all of them
	 */
	void facilityChanged(String reason, String key) {
		if (!settings.autoRuns()) {
			return;
		}
		try {
			long t0 = System.nanoTime();
			Update u = apart.execute(s -> update(s, key));
			if (u != null) {
				if (u != UNCHANGED) {
					last = new Update(u.runId(), u.revision(), u.facilities(), u.buildings(), u.communities(),
							(System.nanoTime() - t0) / 1e6, u.readMillis(), u.searchMillis());
					log.info("Coverage run {} updated incrementally to revision {}: {} facilities changed, {} buildings, "
							+ "{} communities, {} ms (reading {} ms, searches {} ms)", u.runId(), u.revision(), u.facilities(),
							u.buildings(), u.communities(), Math.round(last.millis() * 10) / 10.0,
							Math.round(u.readMillis() * 10) / 10.0, Math.round(u.searchMillis() * 10) / 10.0);
				}
				return;
			}
		}
		catch (RuntimeException e) {
			log.warn("Incremental coverage update failed ({}); a full run is requested", reason, e);
			whatIfs.drop();
		}
		apart.executeWithoutResult(s -> runs.requestBecause(reason));
	}

	Update last() {
		return last;
	}

	/** The update made ({@link #UNCHANGED}: nothing to do), or null when a full run is needed. */
	private Update update(TransactionStatus status, String key) {
		synchronized (whatIfs.lock()) {
			WhatIfService.Kept k = whatIfs.kept();
			if (k == null || !k.exact || rows.latestWithStatus("RUNNING", "QUEUED").isPresent()) {
				return null;
			}
			RunView run = rows.latestWithStatus("DONE").orElse(null);
			if (run == null || run.id() != k.runId || run.revision() != k.revision
					|| k.standard.outcome.network() != networks.current()) {
				return null;
			}
			long t0 = System.nanoTime();
			Map<String, PlacedFacility> now = new LinkedHashMap<>();
			Map<String, PlacedFacility> before = k.standard.outcome.placed().operating();
			Set<String> keys = new LinkedHashSet<>();
			if (key != null) {
				facilities.operating(key).ifPresent(f -> now.put(f.key(), f));
				keys.add(key);
			}
			else {
				facilities.operating().forEach(f -> now.put(f.key(), f));
				keys.addAll(before.keySet());
				keys.addAll(now.keySet());
			}
			List<String> changed = keys.stream().filter(f -> !samePlace(before.get(f), now.get(f))).toList();
			if (changed.isEmpty()) {
				return UNCHANGED;
			}
			if (changed.size() > MAX_CHANGES) {
				return null;
			}
			long t1 = System.nanoTime();
			Set<Integer> buildings = new TreeSet<>();
			Set<Integer> elderBuildings = new TreeSet<>();
			int[] counts = { k.placed, k.offNetwork };
			for (String f : changed) {
				PlacedFacility was = before.get(f);
				PlacedFacility is = now.get(f);
				apply(k.standard, f, was, is, buildings, counts);
				apply(k.elder, f, was, is, elderBuildings, null);
			}
			long t2 = System.nanoTime();
			CoverageComputation.Outcome o = k.standard.outcome;
			CoverageComputation.Outcome e = k.elder.outcome;
			int threshold = settings.thresholdSeconds();
			Set<Long> communityIds = new LinkedHashSet<>();
			Set<Integer> touched = new TreeSet<>(buildings);
			touched.addAll(elderBuildings);
			for (int i : touched) {
				TerritoryNode community = o.communityOf().get(o.buildings().get(i).id());
				if (community != null) {
					communityIds.add(community.id());
				}
			}
			List<Object[]> buildingRows = new ArrayList<>();
			List<Long> buildingIds = new ArrayList<>();
			for (int i : buildings) {
				Object[] row = CoverageRows.building(run.id(), o, i, threshold);
				if (row != null) {
					buildingRows.add(row);
					buildingIds.add(o.buildings().get(i).id());
				}
			}
			List<Object[]> communityRows = new ArrayList<>();
			List<Object[]> timeRows = new ArrayList<>();
			for (long id : communityIds) {
				CoverageRows.Summary s = CoverageRows.summary(o, k.standard.members.get(id), threshold);
				List<Integer> slow = k.elder.members.get(id);
				CoverageRows.Summary es = slow == null ? null : CoverageRows.summary(e, slow, threshold);
				communityRows.add(CoverageRows.community(run.id(), s, es));
				timeRows.addAll(CoverageRows.times(run.id(), o.categories(), s, es));
			}
			PlacedFacility first = now.get(changed.get(0));
			PlacedFacility firstWas = before.get(changed.get(0));
			String action = firstWas == null ? "ADDED" : first == null ? "CLOSED" : "MOVED";
			String name = first != null ? first.name() : firstWas.name();
			if (!rows.revise(run.id(), k.revision, counts[0], counts[1], action, name == null ? "" : name, touched.size())) {
				// another instance updated the run since: this copy is stale
				status.setRollbackOnly();
				whatIfs.drop();
				return null;
			}
			rows.deleteResults(run.id(), buildingIds, new ArrayList<>(communityIds));
			rows.insertCommunities(communityRows);
			rows.insertCommunityTimes(timeRows);
			rows.insertBuildings(buildingRows);
			changed.forEach(f -> {
				for (WhatIfService.Snapshot snapshot : List.of(k.standard, k.elder)) {
					if (now.containsKey(f)) {
						snapshot.outcome.placed().operating().put(f, now.get(f));
					}
					else {
						snapshot.outcome.placed().operating().remove(f);
					}
				}
			});
			k.revision++;
			k.placed = counts[0];
			k.offNetwork = counts[1];
			return new Update(run.id(), k.revision, changed.size(), touched.size(), communityIds.size(), 0,
					(t1 - t0) / 1e6, (t2 - t1) / 1e6);
		}
	}

	/** Same category and place (a rename changes no walk). */
	private static boolean samePlace(PlacedFacility a, PlacedFacility b) {
		if (a == null || b == null) {
			return a == b;
		}
		return a.category().equals(b.category()) && a.latitude() == b.latitude() && a.longitude() == b.longitude();
	}

	/**
	 * Applies one facility's change ({@code was} before, {@code is} now, either null) to one profile's computation:
	 * its index, its placed facilities and its seconds; collects the buildings whose seconds changed and, when
	 * {@code counts} is given, counts the facilities placed and not on the network.
	 */
	private void apply(WhatIfService.Snapshot s, String key, PlacedFacility was, PlacedFacility is, Set<Integer> changed,
			int[] counts) {
		int from = was == null ? -1 : s.category(was.category());
		int to = is == null ? -1 : s.category(is.category());
		Map<String, IncrementalCoverage.Facility> placedFrom = from < 0 ? null : s.outcome.placed().facilities().get(from);
		boolean wasPlaced = placedFrom != null && placedFrom.containsKey(key);
		IncrementalCoverage.Facility site = null;
		if (to >= 0) {
			LoadedNetwork network = s.outcome.network();
			LoadedNetwork.Placement p = network.destination(is.latitude(), is.longitude(), settings.network().maxSnapMetres());
			site = p == null ? null : s.outcome.placed().facility(network, p, s.originsOnEdge);
		}
		if (counts != null) {
			if (from >= 0) {
				counts[wasPlaced ? 0 : 1]--;
			}
			if (to >= 0) {
				counts[site != null ? 0 : 1]++;
			}
		}
		if (wasPlaced && site != null && from == to) {
			int k = intKey(s, to, key);
			commit(s, to, k, k, site, changed);
			placedFrom.put(key, site);
			return;
		}
		if (wasPlaced) {
			commit(s, from, intKey(s, from, key), -1, null, changed);
			placedFrom.remove(key);
		}
		if (site != null) {
			commit(s, to, -1, intKey(s, to, key), site, changed);
			s.outcome.placed().facilities().get(to).put(key, site);
		}
	}

	private static int intKey(WhatIfService.Snapshot s, int c, String key) {
		Map<String, Integer> keys = s.keys.get(c);
		Integer k = keys.get(key);
		if (k == null) {
			k = keys.size();
			keys.put(key, k);
		}
		return k;
	}

	private static void commit(WhatIfService.Snapshot s, int c, int removed, int added, IncrementalCoverage.Facility site,
			Set<Integer> changed) {
		IncrementalCoverage.Change change = s.index(c).commit(removed, added, site);
		int[] seconds = s.outcome.seconds()[c];
		for (int k = 0; k < change.size(); k++) {
			int o = change.origins()[k];
			int millis = change.walksAfter()[k];
			int now = millis == CoverageEngine.BEYOND ? -1 : (millis + 500) / 1000;
			if (seconds[o] != now) {
				seconds[o] = now;
				changed.add(o);
			}
		}
	}
}
