package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmIndicator;
import org.jinlin.alarms.AlarmIndicators;
import org.jinlin.carefacilities.FacilityFigure;
import org.jinlin.carefacilities.FacilityIndicator;
import org.jinlin.carefacilities.FacilityIndicators;
import org.jinlin.circle.CircleFigures;
import org.jinlin.demands.DemandIndicator;
import org.jinlin.eldercare.ElderIndicator;
import org.jinlin.eldercare.ElderIndicators;
import org.jinlin.meals.MealFigure;
import org.jinlin.meals.MealIndicator;
import org.jinlin.meals.MealIndicators;
import org.jinlin.demands.DemandIndicators;
import org.jinlin.memberservice.MemberIndicators;
import org.jinlin.memberservice.RegistrationFigure;
import org.jinlin.party.PartyIndicators;
import org.jinlin.quality.IndicatorSnapshotFrozen;
import org.jinlin.quality.internal.IndicatorDefinition.Source;
import org.jinlin.quality.internal.TargetRules.Status;
import org.jinlin.servicehours.HoursFigure;
import org.jinlin.servicehours.ServiceIndicators;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of a territory and month, each computed by the module that owns its records (through that module's
 * query service) with the number of records it counts and the target that applies, and for each the records it
 * counts. A figure with nothing counted has no value and the status {@link Status#NO_DATA}, never 0 or 100%.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class QualityIndicators {

	/** The city's calendar: a month's records are those of its days in this zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final DemandIndicators demands;

	private final CircleFigures circle;

	private final AlarmIndicators alarms;

	private final ElderIndicators elders;

	private final FacilityIndicators facilities;

	private final PartyIndicators party;

	private final MemberIndicators members;

	private final ServiceIndicators hours;

	private final MealIndicators meals;

	private final Territories territories;

	private final TargetRepository targets;

	private final FieldErrors fieldErrors;

	private final SnapshotRepository snapshots;

	private final ApplicationEventPublisher events;

	private final SurveyFigures surveys;

	/**
	 * One indicator's figure.
	 *
	 * @param value the rate, {@code null} when nothing was counted or the indicator is not computed yet
	 * @param count the number of records the figure is computed from (its drill-down's total)
	 * @param met how many of them meet the indicator
	 * @param target the target that applies, {@code null} when none
	 * @param targetTerritory where that target was set ({@code null}: the platform-wide plan)
	 */
	public record Figure(IndicatorDefinition definition, Double value, long count, long met, BigDecimal target,
			String targetTerritory, Status status, Double liveValue, Long liveCount, Instant frozenAt) {

		/** A live figure (this month's, or one never frozen). */
		static Figure live(IndicatorDefinition d, Double value, long count, long met, BigDecimal target,
				String targetTerritory, Status status) {
			return new Figure(d, value, count, met, target, targetTerritory, status, null, null, null);
		}

		/** The frozen figure differs from the records as they are now. */
		public boolean changedSinceFrozen() {
			return liveCount != null;
		}
	}

	/**
	 * Every indicator of the catalogue for a territory (the account's own node when blank) and month. A closed month's
	 * figures are frozen the first time they are reported and reported frozen from then on, with the live figure
	 * beside a frozen one that the records no longer give ({@link Figure#changedSinceFrozen()}).
	 */
	@Transactional
	public List<Figure> figures(String territoryCode, YearMonth period) {
		return cockpit(territoryCode, period, null).figures();
	}

	/**
	 * The cockpit of a territory and month: the node and month resolved once, every indicator's reported figure and,
	 * when {@code rankCode} names a computed indicator, the ranking of the child territories by it.
	 */
	public record Cockpit(TerritoryNode node, YearMonth period, List<Figure> figures, List<Ranked> ranking) {
	}

	@Transactional
	public Cockpit cockpit(String territoryCode, YearMonth period, String rankCode) {
		Actor actor = QualityAccess.requireReader();
		TerritoryNode node = node(actor, territoryCode);
		YearMonth month = month(period);
		List<Figure> figures = reported(node, month, live(actor, node, month));
		List<Ranked> ranking = rankCode == null ? List.of() : ranking(actor, definition(rankCode), node, month);
		return new Cockpit(node, month, figures, ranking);
	}

	/** One indicator's figure with the page of the records it counts: what the drill-down page shows. */
	public record Drill(TerritoryNode node, YearMonth period, Figure figure, Paged<CountedRecord> records) {
	}

	/**
	 * One indicator's reported figure for a territory and month (frozen as {@link #figures} freezes it) and a page of
	 * its records, computing that indicator only.
	 */
	@Transactional
	public Drill drill(String code, String territoryCode, YearMonth period, int page, int size) {
		Actor actor = QualityAccess.requireReader();
		IndicatorDefinition d = definition(code);
		TerritoryNode node = node(actor, territoryCode);
		YearMonth month = month(period);
		Map<String, Map<String, BigDecimal>> standing = targets.standing(month.getYear());
		Figure live = live(actor, d, node, month, chain(node), standing);
		Figure figure = reported(node, month, List.of(live)).get(0);
		return new Drill(node, month, figure, records(actor, d, node, month, page, size));
	}

	/** One month of a trend: its value (frozen where frozen), the records counted and the target standing then. */
	public record TrendPoint(YearMonth period, Double value, long count, BigDecimal target, boolean frozen) {
	}

	/** An indicator's last months at a territory, with the plain forecast to the end of this year. */
	public record Trend(IndicatorDefinition definition, TerritoryNode node, List<TrendPoint> points, BigDecimal target,
			Forecast.Result forecast) {
	}

	/** How many months a trend may span. */
	public static final int MAX_TREND_MONTHS = 36;

	/**
	 * The last {@code months} months (this one included) of an indicator at a territory: a closed month's frozen
	 * figure where it was frozen, else the live one (nothing is frozen by asking); for an indicator of today's state
	 * ({@link IndicatorDefinition#todayOnly()}) a past month never frozen has no value. With the target standing this
	 * year and the straight-line forecast of this year's December against it.
	 */
	@Transactional(readOnly = true)
	public Trend trend(String code, String territoryCode, Integer months) {
		Actor actor = QualityAccess.requireReader();
		IndicatorDefinition d = definition(code);
		TerritoryNode node = node(actor, territoryCode);
		int n = months == null ? 12 : months;
		if (n < 1 || n > MAX_TREND_MONTHS) {
			throw fieldErrors.invalid("months", "quality.trend.months.range", MAX_TREND_MONTHS);
		}
		YearMonth now = YearMonth.now(ZONE);
		List<String> chain = chain(node);
		Map<Integer, Map<String, Map<String, BigDecimal>>> byYear = new java.util.HashMap<>();
		List<TrendPoint> points = new ArrayList<>();
		for (YearMonth m = now.minusMonths(n - 1L); !m.isAfter(now); m = m.plusMonths(1)) {
			Map<String, Map<String, BigDecimal>> standing = byYear.computeIfAbsent(m.getYear(), targets::standing);
			SnapshotRepository.Snapshot s = m.isBefore(now) ? snapshots.find(node.code(), m).get(d.code()) : null;
			if (s != null) {
				points.add(new TrendPoint(m, s.value(), s.count(), s.target(), true));
				continue;
			}
			BigDecimal target = TargetRules
				.applicable(chain, standing.getOrDefault(d.code(), java.util.Collections.emptyMap()))
				.map(TargetRules.Target::value).orElse(null);
			if (d.todayOnly() && m.isBefore(now)) {
				points.add(new TrendPoint(m, null, 0, target, false));
				continue;
			}
			Figure f = live(actor, d, node, m, chain, standing);
			points.add(new TrendPoint(m, f.value(), f.count(), f.target(), false));
		}
		BigDecimal target = points.get(points.size() - 1).target();
		List<Forecast.Point> values = points.stream().filter(p -> p.value() != null)
			.map(p -> new Forecast.Point(p.period(), p.value())).toList();
		return new Trend(d, node, points, target,
				Forecast.project(values, target, d.direction(), d.unit(), now.getYear()));
	}

	/**
	 * Freezes a closed month's figures of a territory (those not frozen yet; idempotent), as the current account sees
	 * them: what the monthly timer does for the city, its districts and its streets.
	 *
	 * @return how many figures this call froze
	 */
	@Transactional
	public int freeze(TerritoryNode node, YearMonth month) {
		Actor actor = QualityAccess.requireReader();
		if (!month.isBefore(YearMonth.now(ZONE)) || !actor.covers(node.path())) {
			throw new IllegalArgumentException("Only a closed month inside the jurisdiction is frozen");
		}
		int before = snapshots.find(node.code(), month).size();
		reported(node, month, live(actor, node, month));
		return snapshots.find(node.code(), month).size() - before;
	}

	/** The figures as reported: live for this month; for a closed month frozen, freezing those not frozen yet. */
	private List<Figure> reported(TerritoryNode node, YearMonth month, List<Figure> live) {
		if (!month.isBefore(YearMonth.now(ZONE))) {
			return live;
		}
		Map<String, SnapshotRepository.Snapshot> frozen = snapshots.find(node.code(), month);
		Instant now = Instant.now();
		List<Figure> reported = new ArrayList<>();
		for (Figure f : live) {
			if (!f.definition().computed()) {
				reported.add(f);
				continue;
			}
			SnapshotRepository.Snapshot s = frozen.get(f.definition().code());
			if (s == null) {
				s = new SnapshotRepository.Snapshot(f.definition().code(), f.value(), f.count(), f.met(), f.target(),
						f.status().name(), now);
				if (snapshots.freeze(node.code(), month, s)) {
					events.publishEvent(new IndicatorSnapshotFrozen(s.indicatorCode(), node.code(), month.toString(),
							s.value(), s.count(), s.met(), s.target(), s.status(), now));
				}
				else {
					s = snapshots.find(node.code(), month).get(f.definition().code());
				}
			}
			boolean changed = !java.util.Objects.equals(s.value(), f.value()) || s.count() != f.count();
			reported.add(new Figure(f.definition(), s.value(), s.count(), s.met(), s.target(), f.targetTerritory(),
					Status.valueOf(s.status()), changed ? f.value() : null, changed ? f.count() : null, s.frozenAt()));
		}
		return reported;
	}

	private static IndicatorDefinition definition(String code) {
		return IndicatorCatalogue.find(code).orElseThrow(() -> new NotFoundException("No indicator " + code));
	}

	private List<Figure> live(Actor actor, TerritoryNode node, YearMonth month) {
		List<String> chain = chain(node);
		Map<String, Map<String, BigDecimal>> standing = targets.standing(month.getYear());
		return IndicatorCatalogue.all().stream().map(d -> live(actor, d, node, month, chain, standing)).toList();
	}

	private Figure live(Actor actor, IndicatorDefinition d, TerritoryNode node, YearMonth month, List<String> chain,
			Map<String, Map<String, BigDecimal>> standing) {
		Optional<Counted> tally = tally(actor, d, node, month);
		Double value = tally.map(Counted::value).orElse(null);
		Optional<TargetRules.Target> target = TargetRules.applicable(chain,
				standing.getOrDefault(d.code(), java.util.Collections.emptyMap()));
		BigDecimal t = target.map(TargetRules.Target::value).orElse(null);
		return Figure.live(d, value, tally.map(Counted::count).orElse(0L), tally.map(Counted::met).orElse(0L), t,
				target.map(TargetRules.Target::territoryCode).orElse(null), TargetRules.status(d, value, t));
	}

	/** A child territory's figure of one indicator, for the ranking. */
	public record Ranked(TerritoryNode territory, Figure figure) {
	}

	/**
	 * The children of a territory (districts of the city, streets of a district, communities of a street) with their
	 * live figure of one indicator, worst first (those with nothing counted last); none below a community.
	 */
	public List<Ranked> ranking(String code, String territoryCode, YearMonth period) {
		Actor actor = QualityAccess.requireReader();
		IndicatorDefinition d = definition(code);
		return ranking(actor, d, node(actor, territoryCode), month(period));
	}

	private List<Ranked> ranking(Actor actor, IndicatorDefinition d, TerritoryNode node, YearMonth month) {
		if (!d.computed() || node.level().ordinal() >= TerritoryLevel.COMMUNITY.ordinal()) {
			return List.of();
		}
		Map<String, Map<String, BigDecimal>> standing = targets.standing(month.getYear());
		List<String> chain = chain(node);
		Comparator<Ranked> worstFirst = Comparator.comparing((Ranked r) -> r.figure().value() == null)
			.thenComparing(r -> r.figure().value() == null ? 0 : (d.direction() == IndicatorDefinition.Direction.HIGHER_IS_BETTER
					? r.figure().value() : -r.figure().value()))
			.thenComparing(r -> r.territory().code());
		return territories.children(node.code()).stream()
			.filter(child -> actor.covers(child.path()))
			.map(child -> {
				List<String> childChain = new ArrayList<>(chain);
				childChain.add(child.code());
				return new Ranked(child, live(actor, d, child, month, childChain, standing));
			})
			.sorted(worstFirst)
			.toList();
	}

	/** The records one indicator counts for the territory and month; their total is the figure's {@code count}. */
	public Paged<CountedRecord> records(String code, String territoryCode, YearMonth period, int page, int size) {
		Actor actor = QualityAccess.requireReader();
		IndicatorDefinition d = definition(code);
		return records(actor, d, node(actor, territoryCode), month(period), page, size);
	}

	private Paged<CountedRecord> records(Actor actor, IndicatorDefinition d, TerritoryNode node, YearMonth month,
			int page, int size) {
		return switch (d.source()) {
			case CIRCLE_URBAN_COVERAGE -> circle.urbanCommunities(actor, node.path(), page, size)
				.orElse(Paged.empty(page, size));
			case ELDERS_ASSESSED_IN_TIME, ELDERS_VISITED_ON_TIME ->
				elders.records(elderIndicator(d.source()), node.code(), page, size);
			case ALARMS_ACKNOWLEDGED_60S, ALARMS_ACKNOWLEDGED_180S, ALARMS_ARRIVED_30MIN ->
				alarms.records(alarmIndicator(d.source()), node.code(), month, page, size);
			case FACILITY_BEDS_PER_THOUSAND, FACILITY_STATION_COVERAGE ->
				facilities.records(facilityIndicator(d.source()), node.code(), page, size);
			case PARTY_BRANCH_COVERAGE -> party.branchCoverageRecords(node.code(), page, size);
			case MEMBER_REGISTRATIONS -> members.records(node.code(), month, page, size);
			case SERVICE_HOURS -> hours.records(node.code(), month, page, size);
			case MEALS_LIVING_ALONE_ENROLLED, MEALS_PER_THOUSAND_ELDERS ->
				meals.records(mealIndicator(d.source()), node.code(), month, page, size);
			case SURVEY_SATISFACTION_INDEX -> surveys.records(node, month, page, size);
			case NONE -> Paged.empty(page, size);
			default -> demands.records(demandIndicator(d.source()), node.code(), month, page, size);
		};
	}

	/** The node of a code inside the account's jurisdiction (not found otherwise), or the account's own node. */
	public TerritoryNode node(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return territories.lookup(actor.territoryId()).orElseThrow();
		}
		return territories.lookupByCode(territoryCode.strip())
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory " + territoryCode));
	}

	/** The month asked for, this month when none; a month still to come has no records and is refused. */
	public YearMonth month(YearMonth period) {
		YearMonth now = YearMonth.now(ZONE);
		if (period == null) {
			return now;
		}
		if (period.isAfter(now) || period.getYear() < 2000) {
			throw fieldErrors.invalid("period", "quality.period.out-of-range");
		}
		return period;
	}

	/** What a figure is made of: its value (null for none), the records counted, how many of them meet it. */
	private record Counted(Double value, long count, long met) {

		static Counted of(Tally t) {
			return new Counted(t.percent(), t.counted(), t.met());
		}

		/** A figure per 1,000 (or other ratio): none when nothing was counted, never 0 for nothing. */
		static Counted of(Double value, long count) {
			return new Counted(count == 0 ? null : value, count, count);
		}

		static Counted of(MealFigure f) {
			return f.indicator() == MealIndicator.MEALS_PER_THOUSAND_ELDERS ? of(f.value(), f.count())
					: new Counted(f.value(), f.count(), f.met());
		}

		static Counted of(FacilityFigure f) {
			return f.indicator() == FacilityIndicator.BEDS_PER_THOUSAND ? of(f.value(), f.count())
					: new Counted(f.value(), f.count(), f.met());
		}
	}

	private Optional<Counted> tally(Actor actor, IndicatorDefinition d, TerritoryNode node, YearMonth month) {
		return switch (d.source()) {
			case CIRCLE_URBAN_COVERAGE -> circle.urbanCoverage(actor, node.path()).map(Counted::of);
			case ELDERS_ASSESSED_IN_TIME, ELDERS_VISITED_ON_TIME ->
				Optional.of(Counted.of(elders.tally(elderIndicator(d.source()), node.code())));
			case ALARMS_ACKNOWLEDGED_60S, ALARMS_ACKNOWLEDGED_180S, ALARMS_ARRIVED_30MIN ->
				Optional.of(Counted.of(alarms.tally(alarmIndicator(d.source()), node.code(), month)));
			case FACILITY_BEDS_PER_THOUSAND, FACILITY_STATION_COVERAGE ->
				Optional.of(Counted.of(facilities.figure(facilityIndicator(d.source()), node.code())));
			case PARTY_BRANCH_COVERAGE -> Optional.of(Counted.of(party.branchCoverage(node.code())));
			case MEMBER_REGISTRATIONS -> {
				RegistrationFigure f = members.registrations(node.code(), month);
				yield Optional.of(Counted.of(f.perThousand(), f.registrations()));
			}
			case SERVICE_HOURS -> {
				HoursFigure f = hours.hours(node.code(), month);
				yield Optional.of(Counted.of(f.perThousand(), f.records()));
			}
			case MEALS_LIVING_ALONE_ENROLLED, MEALS_PER_THOUSAND_ELDERS ->
				Optional.of(Counted.of(meals.figure(mealIndicator(d.source()), node.code(), month)));
			case SURVEY_SATISFACTION_INDEX -> {
				SurveyRepository.IndexTally t = surveys.tally(node, month);
				yield Optional.of(Counted.of(t.meanScore(), t.responses()));
			}
			case NONE -> Optional.empty();
			default -> Optional.of(Counted.of(demands.tally(demandIndicator(d.source()), node.code(), month)));
		};
	}

	private static FacilityIndicator facilityIndicator(Source source) {
		return source == Source.FACILITY_BEDS_PER_THOUSAND ? FacilityIndicator.BEDS_PER_THOUSAND
				: FacilityIndicator.STATION_COVERAGE;
	}

	private static MealIndicator mealIndicator(Source source) {
		return source == Source.MEALS_LIVING_ALONE_ENROLLED ? MealIndicator.LIVING_ALONE_ENROLLED
				: MealIndicator.MEALS_PER_THOUSAND_ELDERS;
	}

	private static ElderIndicator elderIndicator(Source source) {
		return source == Source.ELDERS_ASSESSED_IN_TIME ? ElderIndicator.ASSESSED_IN_TIME : ElderIndicator.VISITS_ON_TIME;
	}

	private static AlarmIndicator alarmIndicator(Source source) {
		return switch (source) {
			case ALARMS_ACKNOWLEDGED_60S -> AlarmIndicator.ACKNOWLEDGED_60S;
			case ALARMS_ACKNOWLEDGED_180S -> AlarmIndicator.ACKNOWLEDGED_180S;
			case ALARMS_ARRIVED_30MIN -> AlarmIndicator.ARRIVED_30MIN;
			default -> throw new IllegalArgumentException("Not an alarm indicator: " + source);
		};
	}

	private static DemandIndicator demandIndicator(Source source) {
		return switch (source) {
			case DEMANDS_RESPONSE -> DemandIndicator.RESPONSE;
			case DEMANDS_ON_TIME_SIGN -> DemandIndicator.ON_TIME_SIGN;
			case DEMANDS_ON_TIME_CLOSING -> DemandIndicator.ON_TIME_CLOSING;
			case DEMANDS_RESOLUTION -> DemandIndicator.RESOLUTION;
			case DEMANDS_SATISFACTION -> DemandIndicator.SATISFACTION;
			case DEMANDS_REWORK -> DemandIndicator.REWORK;
			default -> throw new IllegalArgumentException("Not a demand indicator: " + source);
		};
	}

	/** The node's codes from the root down to itself. */
	private List<String> chain(TerritoryNode node) {
		List<TerritoryNode> nodes = new ArrayList<>(territories.lookupAll(node.ancestorIds()));
		nodes.sort(Comparator.comparing(n -> n.path().length()));
		return nodes.stream().map(TerritoryNode::code).toList();
	}
}
