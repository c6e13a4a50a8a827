package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.territory.TerritoryNode;

/**
 * The stored rows of a computation (Spring-free), the same for a full run and for an incremental update of some of
 * its buildings and communities: a building is covered when every required category is within the threshold; a
 * community's walk to a category is the median of its buildings on the network, it is covered when every required
 * median is within the threshold, and its share is of its residents in covered buildings.
 */
final class CoverageRows {

	private CoverageRows() {
	}

	/** A community's figures for one walking profile. */
	record Summary(TerritoryNode community, List<Integer> members, int onNetwork, int[] medians, String missing,
			double share) {
	}

	static boolean covered(CoverageComputation.Outcome o, int building, int threshold) {
		List<FacilityCategory> categories = o.categories();
		for (int c = 0; c < categories.size(); c++) {
			int s = o.seconds()[c][building];
			if (categories.get(c).required() && (s < 0 || s > threshold)) {
				return false;
			}
		}
		return true;
	}

	/** The buildings of each community (building indices, in building order), communities in order of first building. */
	static Map<Long, List<Integer>> members(CoverageComputation.Outcome o) {
		Map<Long, List<Integer>> byCommunity = new LinkedHashMap<>();
		for (int i = 0; i < o.buildings().size(); i++) {
			TerritoryNode community = o.communityOf().get(o.buildings().get(i).id());
			if (community != null) {
				byCommunity.computeIfAbsent(community.id(), k -> new ArrayList<>()).add(i);
			}
		}
		return byCommunity;
	}

	/** A community's median walks (of its buildings on the network), required categories over the threshold, share. */
	static Summary summary(CoverageComputation.Outcome o, List<Integer> members, int threshold) {
		List<FacilityCategory> categories = o.categories();
		TerritoryNode community = o.communityOf().get(o.buildings().get(members.get(0)).id());
		// The walks of the buildings on the network; those off it have none and are counted apart.
		List<Integer> onNetwork = members.stream().filter(i -> !o.offNetwork()[i]).toList();
		StringJoiner missing = new StringJoiner(",");
		int[] medians = new int[categories.size()];
		for (int c = 0; c < categories.size(); c++) {
			int[] ofCategory = o.seconds()[c];
			medians[c] = CoverageComputation.median(onNetwork.stream().mapToInt(i -> ofCategory[i]).toArray());
			if (categories.get(c).required() && (medians[c] < 0 || medians[c] > threshold)) {
				missing.add(categories.get(c).code());
			}
		}
		double people = 0;
		double coveredPeople = 0;
		long coveredCount = 0;
		for (int i : members) {
			boolean yes = covered(o, i, threshold);
			people += o.population()[i];
			coveredPeople += yes ? o.population()[i] : 0;
			coveredCount += yes ? 1 : 0;
		}
		double share = people > 0 ? coveredPeople / people : coveredCount / (double) members.size();
		return new Summary(community, members, onNetwork.size(), medians, missing.toString(),
				Math.round(share * 10000) / 10000.0);
	}

	/** A building's row of {@code circle_building_result}, null when it lies in no community. */
	static Object[] building(long runId, CoverageComputation.Outcome o, int i, int threshold) {
		TerritoryNode building = o.buildings().get(i);
		TerritoryNode community = o.communityOf().get(building.id());
		if (community == null) {
			return null;
		}
		List<FacilityCategory> categories = o.categories();
		StringJoiner times = new StringJoiner(";");
		for (int c = 0; c < categories.size(); c++) {
			int s = o.seconds()[c][i];
			times.add(categories.get(c).code() + "=" + (s < 0 ? "" : Integer.toString(s)));
		}
		return new Object[] { runId, building.id(), community.id(), building.path(), building.name(), building.latitude(),
				building.longitude(), o.population()[i],
				Double.isNaN(o.accessMetres()[i]) ? null : Math.round(o.accessMetres()[i] * 10) / 10.0,
				covered(o, i, threshold), times.toString(), o.offNetwork()[i] };
	}

	/** A community's row of {@code circle_community_result}: the standard figures and the elder profile's ({@code e}). */
	static Object[] community(long runId, Summary s, Summary e) {
		TerritoryNode community = s.community();
		return new Object[] { runId, community.id(), community.code(), community.name(), community.path(),
				community.rural(), community.population() == null ? 0L : community.population(), community.latitude(),
				community.longitude(), s.members().size(), s.missing().isEmpty(), s.missing(), s.share(),
				s.members().size() - s.onNetwork(), e == null ? null : e.missing().isEmpty(), e == null ? null : e.missing(),
				e == null ? null : e.share() };
	}

	/** A community's rows of {@code circle_community_time}, one per category. */
	static List<Object[]> times(long runId, List<FacilityCategory> categories, Summary s, Summary e) {
		List<Object[]> rows = new ArrayList<>();
		for (int c = 0; c < categories.size(); c++) {
			int median = s.medians()[c];
			Integer elderMedian = e == null || e.medians()[c] < 0 ? null : e.medians()[c];
			rows.add(new Object[] { runId, s.community().id(), categories.get(c).code(), median < 0 ? null : median,
					elderMedian });
		}
		return rows;
	}
}
