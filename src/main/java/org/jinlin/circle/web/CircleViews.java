package org.jinlin.circle.web;

import java.time.LocalDate;
import java.util.List;

import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.Suggestion;
import org.jinlin.circle.network.WalkingProfile;
import org.jinlin.territory.TerritoryLevel;

/** What the circle's pages and API show: the read side's answers, built by {@link CircleReads} and {@link CircleMapReads}. */
final class CircleViews {

	private CircleViews() {
	}

	/** A category as shown: code, localized name, whether it counts for coverage. */
	public record Category(String code, String name, boolean required) {
	}

	/**
	 * Coverage figures of a set of communities. The plan rate counts urban communities only; the weighted rate is the
	 * population of covered urban communities over the urban population; the residents rate counts the residents
	 * (building by building) who have every required category within the threshold. Rural communities separately.
	 */
	public record Rate(long communities, long covered, Double rate, long population, long coveredPopulation,
			Double weightedRate, Double residentsRate, long ruralCommunities, long ruralCovered, Double ruralRate,
			long ruralPopulation) {

		public long uncovered() {
			return communities - covered;
		}

		public long ruralUncovered() {
			return ruralCommunities - ruralCovered;
		}

		/**
		 * The elder profile's figures of the same communities, or null when a row has none (a run from before walking
		 * profiles).
		 */
		static Rate elder(List<CommunityRow> rows) {
			if (rows.stream().anyMatch(r -> r.elderCovered() == null)) {
				return null;
			}
			return of(rows.stream().map(r -> r.as(WalkingProfile.ELDER)).toList());
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

	/**
	 * An area (city, district, street or community) with its coverage: {@code rate} for the standard walking profile,
	 * {@code elderRate} for the elder one (null for a run from before walking profiles).
	 */
	public record Area(String code, String name, TerritoryLevel level, boolean rural, Rate rate, Rate elderRate) {

		/** The same area showing another rate (the elder one) as its rate. */
		public Area withRate(Rate other) {
			return new Area(code, name, level, rural, other, elderRate);
		}

		static Area of(org.jinlin.territory.TerritoryNode node, List<CommunityRow> rows) {
			return new Area(node.code(), node.name(), node.level(), node.rural(), Rate.of(rows), Rate.elder(rows));
		}

		public boolean community() {
			return level == TerritoryLevel.COMMUNITY;
		}
	}

	/** The plan target and whether the area meets it. */
	public record Target(double rate, LocalDate date, Boolean met, boolean overdue) {
	}

	/** A node on the way from the caller's own node down to the area shown. */
	public record Crumb(String code, String name, TerritoryLevel level) {
	}

	/** Named apart from the party module's coverage (same simple name) in the OpenAPI description. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "CircleCoverage")
	public record Coverage(RunView run, Area area, Target target, List<Area> children, List<Crumb> trail) {
	}

	/**
	 * A community's stored result; {@code offNetworkBuildings} of its buildings are not on the walking network (its
	 * median walks are those of the others). {@code elderCovered}, {@code elderMissing} and
	 * {@code elderResidentsCoveredShare}: the same for the elder walking profile (null for a run from before profiles).
	 */
	public record CommunityRow(long communityId, String code, String name, String territoryPath, boolean rural, long population,
			Double latitude, Double longitude, int buildings, boolean covered, List<String> missing,
			double residentsCoveredShare, int offNetworkBuildings, Boolean elderCovered, List<String> elderMissing,
			Double elderResidentsCoveredShare) {

		/** The row as a walking profile sees it: for ELDER, its elder figures in place of the standard ones. */
		CommunityRow as(WalkingProfile profile) {
			if (profile != WalkingProfile.ELDER || elderCovered == null) {
				return this;
			}
			return new CommunityRow(communityId, code, name, territoryPath, rural, population, latitude, longitude,
					buildings, elderCovered, elderMissing == null ? List.of() : elderMissing,
					elderResidentsCoveredShare == null ? 0 : elderResidentsCoveredShare, offNetworkBuildings,
					elderCovered, elderMissing, elderResidentsCoveredShare);
		}

		/** Not one of its buildings is on the walking network: it has no walks at all. */
		public boolean offNetwork() {
			return buildings > 0 && offNetworkBuildings >= buildings;
		}
	}

	/** An uncovered community with what it lacks; {@code parentName} is its street. */
	public record Gap(String code, String name, String parentName, boolean rural, long population, double residentsCoveredShare,
			List<Category> missing) {
	}

	/** How many communities (urban, rural) lack a required category, and their population. */
	public record CategoryGap(Category category, long communities, long population, long ruralCommunities) {
	}

	/** The gaps for a walking profile ({@code profile}: STANDARD or ELDER). */
	public record Gaps(RunView run, Area area, List<Gap> communities, List<CategoryGap> categories, List<Crumb> trail,
			WalkingProfile profile) {
	}

	/**
	 * The walk to the nearest facility of a category; {@code seconds} null when beyond the cutoff or not on the
	 * network. {@code status}: {@code WITHIN} the threshold, {@code OVER} it, {@code BEYOND} the cutoff, or
	 * {@code OFF_NETWORK} (the place is not on the walking network, so it has no walk at all).
	 */
	public record Time(Category category, Integer seconds, Double minutes, boolean within, String status) {

		static Time of(Category category, Integer seconds, int threshold, boolean offNetwork) {
			String status = offNetwork && seconds == null ? "OFF_NETWORK"
					: seconds == null ? "BEYOND" : seconds <= threshold ? "WITHIN" : "OVER";
			return new Time(category, seconds, seconds == null ? null : Math.round(seconds / 6.0) / 10.0,
					seconds != null && seconds <= threshold, status);
		}

		public boolean offNetwork() {
			return "OFF_NETWORK".equals(status);
		}
	}

	/**
	 * A building's result. {@code offNetwork}: no street of the connected walking network within the snapping
	 * distance, so no walks; {@code accessMetres} is then its distance to the nearest street of the network (null when
	 * none was found around it), else the distance to the street it is reached from.
	 */
	public record Building(long id, String name, double latitude, double longitude, double population, Double accessMetres,
			boolean covered, List<Time> times, boolean offNetwork) {

		/** The walk to a category, null when the run stored none for it. */
		public Time time(String category) {
			return times.stream().filter(t -> t.category().code().equals(category)).findFirst().orElse(null);
		}
	}

	/** A community; {@code elderMissing} and {@code elderTimes}: the same for the elder walking profile. */
	public record Community(RunView run, String code, String name, boolean rural, Long population, Double latitude,
			Double longitude, CommunityRow result, List<Category> missing, List<Time> times, List<Building> buildings,
			List<Crumb> trail, int thresholdMinutes, List<Category> elderMissing, List<Time> elderTimes) {
	}

	public record SuggestionList(Category category, String territoryCode, String territoryName, List<Suggestion> suggestions) {
	}

	/** A point of the map; {@code offNetwork}: not on the walking network (no walks). */
	public record MapBuilding(long id, String name, double latitude, double longitude, boolean covered, long communityId,
			boolean offNetwork) {
	}

	/** The box the map's facilities are taken from: the area's buildings plus one threshold's walk around them. */
	public record Box(double south, double west, double north, double east) {

		boolean contains(double lat, double lon) {
			return lat >= south && lat <= north && lon >= west && lon <= east;
		}
	}
}
