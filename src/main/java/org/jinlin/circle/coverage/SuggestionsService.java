package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.circle.network.WalkSearch;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where one new facility of a category would help most: candidates are the street junctions next to the
 * residents who lack the category within the threshold; for each, one search finds which of those residents
 * could walk to it within the threshold; then the greedy choice takes the candidate reaching the most residents,
 * removes them, and repeats (the classic approximation for maximum coverage, within 63% of the best).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class SuggestionsService implements Suggestions {

	/** Enough candidates for a city; beyond this they are sampled evenly. */
	static final int MAX_CANDIDATES = 4000;

	private final CoverageRunRepository rows;

	private final NetworkHolder networks;

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
		int threshold = run.thresholdSeconds() * 1000;
		String key = category + "=";
		List<CoverageRunRepository.BuildingRow> lacking = new ArrayList<>();
		for (CoverageRunRepository.BuildingRow b : rows.buildingsUnder(run.id(), path + "%")) {
			int walk = walk(b.times(), key);
			if (walk < 0 || walk * 1000L > threshold) {
				lacking.add(b);
			}
		}
		if (lacking.isEmpty()) {
			return List.of();
		}
		LoadedNetwork network = networks.current();
		int n = lacking.size();
		int[] a = new int[n];
		int[] ma = new int[n];
		int[] bNode = new int[n];
		int[] mb = new int[n];
		Map<Integer, List<Integer>> buildingsAt = new HashMap<>();
		for (int i = 0; i < n; i++) {
			CoverageRunRepository.BuildingRow b = lacking.get(i);
			LoadedNetwork.Placement p = network.origin(b.latitude(), b.longitude(), settings.network().maxSnapMetres());
			a[i] = p == null ? -1 : p.nodeA();
			ma[i] = p == null ? 0 : p.millisA();
			bNode[i] = p == null ? -1 : p.nodeB();
			mb[i] = p == null ? 0 : p.millisB();
			if (a[i] >= 0) {
				buildingsAt.computeIfAbsent(a[i], k -> new ArrayList<>()).add(i);
			}
			if (bNode[i] >= 0) {
				buildingsAt.computeIfAbsent(bNode[i], k -> new ArrayList<>()).add(i);
			}
		}
		int[] candidates = buildingsAt.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		if (candidates.length > MAX_CANDIDATES) {
			int[] sample = new int[MAX_CANDIDATES];
			for (int i = 0; i < MAX_CANDIDATES; i++) {
				sample[i] = candidates[(int) ((long) i * candidates.length / MAX_CANDIDATES)];
			}
			candidates = sample;
		}
		// reach[k] = the lacking buildings that could walk to candidate k within the threshold
		int[][] reach = new int[candidates.length][];
		WalkSearch search = new WalkSearch(network.walk());
		for (int k = 0; k < candidates.length; k++) {
			search.towards(new int[] { candidates[k] }, new int[] { 0 }, threshold);
			java.util.BitSet hit = new java.util.BitSet(n);
			for (int s = 0; s < search.settledCount(); s++) {
				for (int i : buildingsAt.getOrDefault(search.settled(s), List.of())) {
					long best = Long.MAX_VALUE;
					if (a[i] >= 0 && search.cost(a[i]) != WalkSearch.UNREACHED) {
						best = (long) search.cost(a[i]) + ma[i];
					}
					if (bNode[i] >= 0 && search.cost(bNode[i]) != WalkSearch.UNREACHED) {
						best = Math.min(best, (long) search.cost(bNode[i]) + mb[i]);
					}
					if (best <= threshold) {
						hit.set(i);
					}
				}
			}
			reach[k] = hit.stream().toArray();
		}
		boolean[] taken = new boolean[n];
		List<Suggestion> out = new ArrayList<>();
		for (int rank = 1; rank <= count; rank++) {
			int best = -1;
			double bestGain = 0;
			for (int k = 0; k < candidates.length; k++) {
				double gain = 0;
				for (int i : reach[k]) {
					gain += taken[i] ? 0 : weight(lacking.get(i));
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
			long communityId = -1;
			for (int i : reach[best]) {
				if (!taken[i]) {
					taken[i] = true;
					reached++;
					if (communityId < 0) {
						communityId = lacking.get(i).communityId();
					}
				}
			}
			int node = candidates[best];
			final long cid = communityId;
			out.add(new Suggestion(rank, Math.round(network.walk().latitude(node) * 1e6) / 1e6,
					Math.round(network.walk().longitude(node) * 1e6) / 1e6, Math.round(bestGain * 10) / 10.0, reached, cid,
					rows.communityName(run.id(), cid).orElse("")));
		}
		return out;
	}

	/** Residents of a building; a building of a community without a population counts as one. */
	private static double weight(CoverageRunRepository.BuildingRow b) {
		return b.population() > 0 ? b.population() : 1;
	}

	/** Seconds for a category in a building's times ('CODE=sec;...'), -1 beyond the cutoff or absent. */
	static int walk(String times, String key) {
		for (String part : times.split(";")) {
			if (part.startsWith(key)) {
				String v = part.substring(key.length());
				return v.isEmpty() ? -1 : Integer.parseInt(v);
			}
		}
		return -1;
	}

}
