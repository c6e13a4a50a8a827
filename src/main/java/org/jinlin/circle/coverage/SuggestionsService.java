package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where one new facility of a category would help most: candidates are the street junctions next to the
 * residents who lack the category within the threshold; the gain of each is what a what-if ADD at that site would
 * do ({@link IncrementalCoverage#change} on the kept computation the what-ifs use, so suggestions and what-ifs always
 * agree): the residents it would bring within the threshold; then the greedy choice takes the candidate reaching the
 * most residents, removes them, and repeats (the classic approximation for maximum coverage, within 63% of the best).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class SuggestionsService implements Suggestions {

	/** Enough candidates for a city; beyond this they are sampled evenly. */
	static final int MAX_CANDIDATES = 4000;

	private final CoverageRunRepository rows;

	private final WhatIfService whatIfs;

	private final CategoryCatalogue catalogue;

	private final CircleSettings settings;

	private final FieldErrors problems;

	@Override
	public List<Suggestion> suggest(String category, String territoryPath, int count) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Suggestions are for staff");
		}
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		if (category == null || catalogue.all().stream().noneMatch(c -> c.code().equals(category))) {
			errors.add(new FieldErrors.FieldError("category", "circle.suggest.category"));
		}
		if (count < 1 || count > 20) {
			errors.add(new FieldErrors.FieldError("count", "circle.suggest.count"));
		}
		problems.failIfAny(errors);
		String path = territoryPath == null || territoryPath.isBlank() ? actor.territoryPath() : territoryPath;
		if (!actor.covers(path)) {
			throw new NotFoundException("No such area in your jurisdiction");
		}
		RunView run = rows.latestWithStatus("DONE").orElseThrow(() -> problems.conflict("circle.suggest.noRun"));
		synchronized (whatIfs.lock()) {
			return suggest(whatIfs.snapshot(run), category, path, count, run.thresholdSeconds());
		}
	}

	/** The greedy choice over the candidates' gains, each a what-if ADD on the kept computation. */
	private List<Suggestion> suggest(WhatIfService.Snapshot s, String category, String path, int count, int threshold) {
		int c = s.category(category);
		if (c < 0) {
			// a category added since the last computation: its facilities are not placed yet
			throw problems.conflict("circle.suggest.noRun");
		}
		CoverageComputation.Outcome o = s.outcome;
		int[] seconds = o.seconds()[c];
		// the residents under the path (on the network) without the category within the threshold
		BitSet lacking = new BitSet(o.buildings().size());
		TreeSet<Integer> nodes = new TreeSet<>();
		for (int i = 0; i < o.buildings().size(); i++) {
			TerritoryNode b = o.buildings().get(i);
			LoadedNetwork.Placement p = o.placed().originPlacements()[i];
			if (p != null && o.communityOf().get(b.id()) != null && b.path().startsWith(path)
					&& (seconds[i] < 0 || seconds[i] > threshold)) {
				lacking.set(i);
				if (p.nodeA() >= 0) {
					nodes.add(p.nodeA());
				}
				if (p.nodeB() >= 0) {
					nodes.add(p.nodeB());
				}
			}
		}
		if (lacking.isEmpty()) {
			return List.of();
		}
		int[] candidates = nodes.stream().mapToInt(Integer::intValue).toArray();
		if (candidates.length > MAX_CANDIDATES) {
			int[] sample = new int[MAX_CANDIDATES];
			for (int i = 0; i < MAX_CANDIDATES; i++) {
				sample[i] = candidates[(int) ((long) i * candidates.length / MAX_CANDIDATES)];
			}
			candidates = sample;
		}
		LoadedNetwork network = o.network();
		IncrementalCoverage index = s.index(c);
		int added = s.newKey(c);
		double maxSnap = settings.network().maxSnapMetres();
		// reach[k] = the lacking residents' buildings a facility at candidate k would bring within the threshold:
		// exactly what a what-if ADD at that site reports
		double[][] sites = new double[candidates.length][];
		int[][] reach = new int[candidates.length][];
		for (int k = 0; k < candidates.length; k++) {
			double lat = Math.round(network.walk().latitude(candidates[k]) * 1e6) / 1e6;
			double lon = Math.round(network.walk().longitude(candidates[k]) * 1e6) / 1e6;
			sites[k] = new double[] { lat, lon };
			LoadedNetwork.Placement p = network.destination(lat, lon, maxSnap);
			if (p == null) {
				reach[k] = new int[0];
				continue;
			}
			IncrementalCoverage.Change change = index.change(-1, added, o.placed().facility(network, p, s.originsOnEdge));
			List<Integer> hit = new ArrayList<>();
			for (int j = 0; j < change.size(); j++) {
				int i = change.origins()[j];
				int after = change.walksAfter()[j];
				if (lacking.get(i) && after != CoverageEngine.BEYOND && (after + 500) / 1000 <= threshold) {
					hit.add(i);
				}
			}
			reach[k] = hit.stream().mapToInt(Integer::intValue).toArray();
		}
		boolean[] taken = new boolean[o.buildings().size()];
		List<Suggestion> out = new ArrayList<>();
		for (int rank = 1; rank <= count; rank++) {
			int best = -1;
			double bestGain = 0;
			for (int k = 0; k < candidates.length; k++) {
				double gain = 0;
				for (int i : reach[k]) {
					gain += taken[i] ? 0 : weight(o.population()[i]);
				}
				if (gain > bestGain + 1e-9) {
					bestGain = gain;
					best = k;
				}
			}
			if (best < 0) {
				break;
			}
			int reached = 0;
			TerritoryNode community = null;
			for (int i : reach[best]) {
				if (!taken[i]) {
					taken[i] = true;
					reached++;
					if (community == null) {
						community = o.communityOf().get(o.buildings().get(i).id());
					}
				}
			}
			out.add(new Suggestion(rank, sites[best][0], sites[best][1], Math.round(bestGain * 10) / 10.0, reached,
					community == null ? -1 : community.id(), community == null ? "" : community.name()));
		}
		return out;
	}

	/** Residents of a building; a building of a community without a population counts as one. */
	private static double weight(double population) {
		return population > 0 ? population : 1;
	}
}
