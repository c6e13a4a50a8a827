package org.jinlin.demands.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandIndicator;
import org.jinlin.demands.DemandStatus;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures of demand handling (issue 3, item 6), for one territory unit inside the caller's
 * jurisdiction, broken down by its children (city: districts, district: streets, street: communities,
 * community: grids), plus a total row. Counts cover the demands <em>raised</em> in the period
 * ({@code from} inclusive to {@code to} inclusive, calendar days in the city's time zone), optionally of
 * one category; merged duplicates ({@code MERGED}) are left out everywhere. Every rate is a percentage
 * with one decimal, {@code null} when its denominator is zero:
 * <ul>
 * <li><b>response rate</b> = demands signed for ({@code signed_at} set) / demands dispatched
 * ({@code dispatched_at} set);</li>
 * <li><b>on-time sign-for rate</b> = signed for with {@code signed_on_time} true / signed for (a demand that
 * was escalated before it was signed for counts as late);</li>
 * <li><b>on-time closing rate</b> = resolved with {@code resolved_on_time} true / resolved (status
 * {@code RESOLVED} or {@code CLOSED}, {@code resolved_at} set);</li>
 * <li><b>resolution rate</b> = resolved with outcome {@code RESOLVED} / resolved (the others were answered
 * with an explanation, outcome {@code EXPLAINED});</li>
 * <li><b>satisfaction rate</b> = rated {@code SATISFIED} or {@code BASICALLY_SATISFIED} and never reworked / rated
 * (a rating given in the app or recorded on a follow-up call; an {@code UNSATISFIED} rating stays on the demand
 * while it is reworked; a demand once sent back for rework counts against the rate even when its last rating is
 * satisfied, so the rate never reads 100% beside reworks);</li>
 * <li><b>average handling time</b> = mean of {@code resolved_at - raised_at} over resolved demands, in
 * hours (calendar time, not working time);</li>
 * <li><b>rework count</b> = sum of {@code rework_count} (times a resident's "unsatisfied" sent it back);</li>
 * <li><b>open</b> = status {@code DELIBERATING}, {@code DISPATCHED}, {@code RETURNED} or
 * {@code IN_PROGRESS}; <b>overdue</b> = dispatched and past {@code sign_due_at}, or in progress and past
 * {@code handle_due_at}, now (as the desk's overdue filter).</li>
 * </ul>
 * The totals are sums of the rows' counts, and their rates are computed from those sums. One SQL query
 * per report: {@code GROUP BY} the indexed ancestor column of the child level, restricted by the indexed
 * ancestor column of the unit and the raising time, so it stays fast with a million demands; the handling
 * time is summed in SQL as {@code EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM raised_at)},
 * which H2 and PostgreSQL both compute.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandMeasures {

	/** Time zone of the period's calendar days. */
	public static final ZoneId ZONE = DemandDeadlines.ZONE;

	/** Longest period a report may cover. */
	public static final int MAX_DAYS = 366 * 5;

	public static final int OVERDUE_MAX = 200;

	private final DemandMeasuresRepository repository;

	private final Territories territories;

	private final DemandCategories categories;

	private final DemandChecks errors;

	/**
	 * What to measure.
	 *
	 * @param from first day of the period (raised at or after its start), required
	 * @param to last day of the period (inclusive), required
	 * @param category a category code, or {@code null} for all
	 * @param unit a territory code inside the caller's jurisdiction, or {@code null} for the caller's own node
	 */
	public record Query(LocalDate from, LocalDate to, String category, String unit) {
	}

	/**
	 * Unscoped: the residents whose demands under the territory path were closed on the days from {@code from} to
	 * {@code to} (inclusive, the city's calendar), for another module's sampling; the caller applies its own rules.
	 */
	public List<Long> residentsClosedBetween(String pathPrefix, LocalDate from, LocalDate to) {
		return repository.residentsClosedBetween(pathPrefix, from.atStartOfDay(ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	/** A territory unit: a row's subject, or a step of the breadcrumb. */
	public record Unit(long id, String code, String name, TerritoryLevel level) {
	}

	/**
	 * One row of counts and rates (percent, one decimal; {@code null} when nothing to divide by).
	 *
	 * @param unit the child unit, or {@code null} for the total row and for demands placed above the child level
	 * @param drillable whether the unit has children to break it down further
	 */
	public record Row(Unit unit, boolean drillable, long raised, long dispatched, long signed, long signedOnTime,
			long resolved, long resolvedOnTime, long resolvedWithOutcome, long rated, long satisfied, long reworks,
			long open, long overdue, Double responseRate, Double onTimeSignRate, Double onTimeClosingRate,
			Double resolutionRate, Double satisfactionRate, Double averageHandlingHours) {
	}

	/** A report: the unit, its breakdown and the total. */
	public record Report(Unit unit, TerritoryLevel childLevel, List<Unit> breadcrumb, LocalDate from, LocalDate to,
			String category, List<Row> rows, Row total, Instant generatedAt) {
	}

	/** An overdue open demand (no personal data). */
	public record OverdueDemand(long id, String categoryCode, String categoryName, DemandStatus status, String place,
			String handlerName, Instant raisedAt, Instant dueAt, long overdueHours, int escalationCount) {
	}

	/** The measures of a unit and its children; see the class comment for the definitions. */
	public Report report(Query q) {
		Actor actor = requireAllowed();
		Scope scope = scope(actor, q);
		TerritoryLevel childLevel = scope.node().level().childLevel();
		String groupColumn = childLevel == null ? null : DemandRepository.levelColumn(childLevel);
		Map<Long, Counts> byUnit = new LinkedHashMap<>();
		Counts[] unplaced = { null };
		repository.counts(scope, groupColumn, Instant.now()).forEach(g -> {
			if (g.unitId() == null) {
				unplaced[0] = unplaced[0] == null ? g.counts() : unplaced[0].plus(g.counts());
			}
			else {
				byUnit.put(g.unitId(), g.counts());
			}
		});
		List<Row> rows = new ArrayList<>();
		Counts total = Counts.ZERO;
		if (groupColumn != null) {
			boolean drillable = DemandRepository.levelColumn(childLevel) != null && childLevel != TerritoryLevel.GRID;
			List<TerritoryNode> children = territories.lookupLevelUnder(childLevel, scope.node().path());
			children = new ArrayList<>(children);
			children.sort(Comparator.comparing(TerritoryNode::code));
			for (TerritoryNode child : children) {
				Counts c = byUnit.getOrDefault(child.id(), Counts.ZERO);
				rows.add(c.row(unit(child), drillable));
				total = total.plus(c);
			}
		}
		if (unplaced[0] != null) {
			if (groupColumn != null) {
				rows.add(unplaced[0].row(null, false));
			}
			total = total.plus(unplaced[0]);
		}
		return new Report(unit(scope.node()), groupColumn == null ? null : childLevel, breadcrumb(actor, scope.node()),
				q.from(), q.to(), scope.categoryCode(), rows, total.row(null, false), Instant.now());
	}

	/** Open demands raised in the period that are past their sign-for or handling deadline, longest overdue first. */
	public List<OverdueDemand> overdue(Query q, int limit) {
		Actor actor = requireAllowed();
		Scope scope = scope(actor, q);
		return repository.overdue(scope, Instant.now(), Math.max(1, Math.min(limit, OVERDUE_MAX)));
	}

	/** The tally of one indicator over the scope: the measures' own counts, for the quality cockpit. */
	public Tally tally(Query q, DemandIndicator indicator) {
		Actor actor = requireAllowed();
		return repository.tally(scope(actor, q), indicator);
	}

	/** The demands {@link #tally} counts, oldest first, each marked whether it meets the indicator. */
	public Paged<CountedRecord> counted(Query q, DemandIndicator indicator, int page, int size) {
		Actor actor = requireAllowed();
		Scope scope = scope(actor, q);
		long total = repository.tally(scope, indicator).counted();
		return new Paged<>(repository.counted(scope, indicator, (long) page * size, size), page, size, total);
	}

	/** The default period: the last 30 days up to today. */
	public static Query lastThirtyDays(String category, String unit) {
		LocalDate today = LocalDate.now(ZONE);
		return new Query(today.minusDays(29), today, category, unit);
	}

	// ------------------------------------------------------------------ scope

	record Scope(TerritoryNode node, Instant from, Instant to, Long categoryId, String categoryCode) {
	}

	private Actor requireAllowed() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() && !actor.isApiKey()) {
			throw new ForbiddenException("Only staff see the measures");
		}
		return actor;
	}

	private Scope scope(Actor actor, Query q) {
		List<FieldError> problems = new ArrayList<>();
		if (q.from() == null) {
			problems.add(new FieldError("from", "demands.measures.from.required"));
		}
		if (q.to() == null) {
			problems.add(new FieldError("to", "demands.measures.to.required"));
		}
		if (q.from() != null && q.to() != null) {
			if (q.to().isBefore(q.from())) {
				problems.add(new FieldError("to", "demands.measures.to.before-from"));
			}
			else if (q.from().plusDays(MAX_DAYS).isBefore(q.to())) {
				problems.add(new FieldError("to", "demands.measures.period.too-long", MAX_DAYS));
			}
		}
		Long categoryId = null;
		String categoryCode = q.category() == null || q.category().isBlank() ? null : q.category().strip();
		if (categoryCode != null) {
			var category = categories.findByCode(categoryCode);
			if (category.isEmpty()) {
				problems.add(new FieldError("category", "demands.category.unknown"));
			}
			else {
				categoryId = category.get().id();
			}
		}
		errors.failIfAny(problems);
		TerritoryNode node;
		if (q.unit() == null || q.unit().isBlank()) {
			node = territories.lookup(actor.territoryId()).orElseThrow();
		}
		else {
			node = territories.lookupByCode(q.unit().strip()).filter(n -> actor.covers(n.path()))
				.orElseThrow(() -> new NotFoundException("No territory " + q.unit()));
		}
		return new Scope(node, q.from().atStartOfDay(ZONE).toInstant(), q.to().plusDays(1).atStartOfDay(ZONE).toInstant(),
				categoryId, categoryCode);
	}

	private List<Unit> breadcrumb(Actor actor, TerritoryNode node) {
		List<TerritoryNode> chain = new ArrayList<>(territories.lookupAll(node.ancestorIds()));
		chain.sort(Comparator.comparing(n -> n.path().length()));
		return chain.stream().filter(n -> actor.covers(n.path())).map(DemandMeasures::unit).toList();
	}

	private static Unit unit(TerritoryNode n) {
		return new Unit(n.id(), n.code(), n.name(), n.level());
	}

	// ------------------------------------------------------------------ counts

	/** Raw counts of one group; rows and totals are computed from these. */
	record Counts(long raised, long dispatched, long signed, long signedOnTime, long resolved, long resolvedOnTime,
			long withOutcome, long rated, long satisfied, double handlingSeconds, long reworks, long open, long overdue) {

		static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		Counts plus(Counts o) {
			return new Counts(raised + o.raised, dispatched + o.dispatched, signed + o.signed,
					signedOnTime + o.signedOnTime, resolved + o.resolved, resolvedOnTime + o.resolvedOnTime,
					withOutcome + o.withOutcome, rated + o.rated, satisfied + o.satisfied,
					handlingSeconds + o.handlingSeconds, reworks + o.reworks, open + o.open, overdue + o.overdue);
		}

		Row row(Unit unit, boolean drillable) {
			return new Row(unit, drillable, raised, dispatched, signed, signedOnTime, resolved, resolvedOnTime, withOutcome,
					rated, satisfied, reworks, open, overdue, percent(signed, dispatched), percent(signedOnTime, signed),
					percent(resolvedOnTime, resolved), percent(withOutcome, resolved), percent(satisfied, rated),
					resolved == 0 ? null : Math.round(handlingSeconds / resolved / 360.0) / 10.0);
		}

		static Double percent(long part, long whole) {
			return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
		}
	}
}
