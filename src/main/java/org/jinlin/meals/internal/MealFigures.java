package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.AgeBand;
import org.jinlin.meals.MealFigure;
import org.jinlin.meals.MealIndicator;
import org.jinlin.meals.PlaceKind;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meal figures of a jurisdiction (the caller's own node, or a node inside it; outside: 404; staff only: 403):
 * each {@link MealIndicator}'s {@link MealFigure} for a month and a day, the records it counts (their total is the
 * figure's count), the meals per day of the month and the figures of each child territory. Elders living alone are
 * read from the resident register (its 独居 tag, aged 60 and over today), as {@link DinerEligibility} reads them.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MealFigures {

	static final int MAX_SIZE = 100;

	private final FiguresRepository repository;

	private final PlaceNames placeNames;

	private final ResidentRegister residents;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	/** What the figures are of: a node, a month and a day (the meals per day). */
	public record Scope(Actor actor, TerritoryNode node, YearMonth month, LocalDate day) {

		LocalDate from() {
			return month.atDay(1);
		}

		LocalDate to() {
			return month.atEndOfMonth();
		}
	}

	/**
	 * The scope asked for: the node of {@code territory} inside the jurisdiction (the caller's own when blank), the
	 * month {@code yyyy-MM} (this month when blank) and the day {@code yyyy-MM-dd} (today in this month, else the
	 * month's last day). A month or day to come, or a malformed one, is a field error.
	 */
	public Scope scope(String territory, String month, String day) {
		Actor actor = MealsAccess.figuresReader();
		TerritoryNode node = territory == null || territory.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow(() -> new NotFoundException("No territory"))
				: territories.lookupByCode(territory.strip()).filter(n -> actor.covers(n.path()))
					.orElseThrow(() -> new NotFoundException("No territory " + territory));
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		List<FieldError> errors = new ArrayList<>();
		YearMonth m = YearMonth.from(today);
		if (month != null && !month.isBlank()) {
			try {
				m = YearMonth.parse(month.strip());
				if (m.isAfter(YearMonth.from(today))) {
					errors.add(new FieldError("month", "meals.settlement.error.future"));
				}
			}
			catch (DateTimeParseException e) {
				errors.add(new FieldError("month", "meals.error.format"));
			}
		}
		LocalDate d = m.equals(YearMonth.from(today)) ? today : m.atEndOfMonth();
		if (day != null && !day.isBlank()) {
			try {
				d = LocalDate.parse(day.strip());
				if (d.isAfter(today)) {
					errors.add(new FieldError("day", "meals.figures.error.futureDay"));
				}
			}
			catch (DateTimeParseException e) {
				errors.add(new FieldError("day", "meals.error.format"));
			}
		}
		fieldErrors.failIfAny("meals.figures.error.invalid", errors);
		return new Scope(actor, node, m, d);
	}

	/** One indicator's figure. */
	public MealFigure figure(MealIndicator indicator, Scope s) {
		String path = s.node().path();
		return switch (indicator) {
			case CANTEENS -> count(indicator, repository.countPlaces(path, PlaceKind.ELDER_CANTEEN));
			case MEAL_POINTS -> count(indicator, repository.countPlaces(path, PlaceKind.MEAL_POINT));
			case DINERS -> count(indicator, repository.countDiners(path));
			case MEALS_DAY -> count(indicator, repository.countSales(path, s.day(), s.day(), false).count());
			case MEALS_MONTH -> count(indicator, repository.countSales(path, s.from(), s.to(), false).count());
			case SUBSIDY_MONTH -> {
				FiguresRepository.PathTally t = repository.countSales(path, s.from(), s.to(), true);
				yield new MealFigure(indicator, t.count() == 0 ? null : t.sum().setScale(2, RoundingMode.HALF_UP).doubleValue(),
						t.count(), t.count());
			}
			case LIVING_ALONE_ENROLLED -> {
				List<Alone> alone = livingAlone(s);
				Tally t = new Tally(alone.stream().filter(a -> a.dinerId() != null).count(), alone.size());
				yield new MealFigure(indicator, t.percent(), t.counted(), t.met());
			}
			case MEALS_PER_THOUSAND_ELDERS -> {
				long meals = repository.countSales(path, s.from(), s.to(), false).count();
				yield new MealFigure(indicator, meals == 0 ? null : perThousand(meals, s.node().elderlyPopulation()), meals, meals);
			}
		};
	}

	/** Every indicator's figure, in the enum's order. */
	public List<MealFigure> figures(Scope s) {
		return java.util.Arrays.stream(MealIndicator.values()).map(i -> figure(i, s)).toList();
	}

	/** The records one indicator counts, a page at a time; the total is the figure's count. */
	public Paged<CountedRecord> records(MealIndicator indicator, Scope s, int page, int size) {
		int p = Math.max(0, page);
		int n = Math.max(1, Math.min(MAX_SIZE, size));
		int offset = p * n;
		String path = s.node().path();
		MealFigure figure = figure(indicator, s);
		List<CountedRecord> items = switch (indicator) {
			case CANTEENS, MEAL_POINTS -> places(repository.places(path,
					indicator == MealIndicator.CANTEENS ? PlaceKind.ELDER_CANTEEN : PlaceKind.MEAL_POINT, offset, n));
			case DINERS -> diners(repository.diners(path, offset, n));
			case MEALS_DAY -> sales(repository.sales(path, s.day(), s.day(), false, offset, n));
			case MEALS_MONTH, MEALS_PER_THOUSAND_ELDERS -> sales(repository.sales(path, s.from(), s.to(), false, offset, n));
			case SUBSIDY_MONTH -> sales(repository.sales(path, s.from(), s.to(), true, offset, n));
			case LIVING_ALONE_ENROLLED -> alone(livingAlone(s).stream().skip(offset).limit(n).toList());
		};
		return new Paged<>(items, p, n, figure.count());
	}

	/** The figures page: every figure, the meals per day of the month, the child territories' figures. */
	public record Report(Scope scope, List<MealFigure> figures, List<DayCount> days, List<Child> children) {

		public MealFigure figure(MealIndicator indicator) {
			return figures.stream().filter(f -> f.indicator() == indicator).findFirst().orElseThrow();
		}
	}

	/** The meals of one day. */
	public record DayCount(LocalDate day, long meals) {
	}

	/** One child territory's figures. */
	public record Child(String code, String name, long canteens, long mealPoints, long diners, long meals,
			BigDecimal subsidy, long livingAlone, long livingAloneEnrolled) {

		/** The share of its elders living alone who are enrolled, {@code null} with none. */
		public Double livingAlonePercent() {
			return new Tally(livingAloneEnrolled, livingAlone).percent();
		}
	}

	public Report report(Scope s) {
		List<MealFigure> figures = figures(s);
		Map<LocalDate, Long> byDay = repository.salesByDay(s.node().path(), s.from(), s.to()).stream()
			.collect(Collectors.toMap(FiguresRepository.DayTally::day, FiguresRepository.DayTally::count));
		List<DayCount> days = new ArrayList<>();
		for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
			days.add(new DayCount(d, byDay.getOrDefault(d, 0L)));
		}
		return new Report(s, figures, days, children(s));
	}

	private List<Child> children(Scope s) {
		TerritoryNode node = s.node();
		TerritoryLevel level = node.level().childLevel();
		if (level == null || level.ordinal() > TerritoryLevel.COMMUNITY.ordinal()) {
			return List.of();
		}
		List<TerritoryNode> nodes = territories.lookupLevelUnder(level, node.path()).stream()
			.filter(c -> s.actor().covers(c.path()))
			.toList();
		Map<String, long[]> canteens = byChild(nodes, repository.placesByPath(node.path(), PlaceKind.ELDER_CANTEEN));
		Map<String, long[]> points = byChild(nodes, repository.placesByPath(node.path(), PlaceKind.MEAL_POINT));
		Map<String, long[]> diners = byChild(nodes, repository.dinersByPath(node.path()));
		List<FiguresRepository.PathTally> sales = repository.salesByPath(node.path(), s.from(), s.to());
		Map<String, long[]> meals = byChild(nodes, sales);
		Map<String, BigDecimal> subsidy = new HashMap<>();
		for (FiguresRepository.PathTally t : sales) {
			childOf(nodes, t.territoryPath()).ifPresent(c -> subsidy.merge(c.code(), t.sum(), BigDecimal::add));
		}
		List<Alone> alone = livingAlone(s);
		Map<Long, String> communityPaths = territories.lookupAll(alone.stream().map(Alone::communityId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(TerritoryNode::id, TerritoryNode::path));
		Map<String, long[]> aloneByChild = new HashMap<>();
		for (Alone a : alone) {
			String path = communityPaths.get(a.communityId());
			if (path != null) {
				childOf(nodes, path).ifPresent(c -> {
					long[] v = aloneByChild.computeIfAbsent(c.code(), k -> new long[2]);
					v[0]++;
					if (a.dinerId() != null) {
						v[1]++;
					}
				});
			}
		}
		return nodes.stream().map(c -> {
			long[] a = aloneByChild.getOrDefault(c.code(), new long[2]);
			return new Child(c.code(), c.name(), n(canteens, c), n(points, c), n(diners, c), n(meals, c),
					subsidy.getOrDefault(c.code(), BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), a[0], a[1]);
		}).toList();
	}

	private static long n(Map<String, long[]> counts, TerritoryNode c) {
		long[] v = counts.get(c.code());
		return v == null ? 0 : v[0];
	}

	private static Map<String, long[]> byChild(List<TerritoryNode> nodes, List<FiguresRepository.PathTally> tallies) {
		Map<String, long[]> counts = new HashMap<>();
		for (FiguresRepository.PathTally t : tallies) {
			childOf(nodes, t.territoryPath()).ifPresent(c -> counts.computeIfAbsent(c.code(), k -> new long[1])[0] += t.count());
		}
		return counts;
	}

	private static java.util.Optional<TerritoryNode> childOf(List<TerritoryNode> nodes, String path) {
		return nodes.stream().filter(c -> path.startsWith(c.path())).findFirst();
	}

	/** An elder living alone (60 and over) of the scope's territory, with her diner id when enrolled. */
	record Alone(long residentId, String name, long communityId, Long dinerId) {
	}

	private List<Alone> livingAlone(Scope s) {
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		record Row(long id, String name, long communityId) {
		}
		List<Row> rows = new ArrayList<>();
		residents.export(s.actor(),
				new ResidentQuery(null, ResidentTag.LIVING_ALONE, s.node().code(), null, ResidentStatus.ACTIVE, 0, 0),
				r -> {
					if (AgeBand.of(r.birthDate(), today).isPresent()) {
						rows.add(new Row(r.id(), r.name(), r.communityId()));
					}
				});
		Map<Long, Long> diners = new HashMap<>();
		for (int i = 0; i < rows.size(); i += 1000) {
			diners.putAll(repository.dinersOfResidents(rows.subList(i, Math.min(rows.size(), i + 1000)).stream()
				.map(Row::id).toList()));
		}
		return rows.stream().map(r -> new Alone(r.id(), r.name(), r.communityId(), diners.get(r.id()))).toList();
	}

	private List<CountedRecord> places(List<FiguresRepository.PlaceRow> rows) {
		Map<Long, String> nodes = nodeNames(rows.stream().map(FiguresRepository.PlaceRow::territoryId).toList());
		return rows.stream()
			.map(p -> new CountedRecord(p.id(), placeNames.name(p), nodes.get(p.territoryId()), null, true,
					"/meals/places/" + p.id() + "/menus"))
			.toList();
	}

	private List<CountedRecord> diners(List<FiguresRepository.DinerRow> rows) {
		Map<Long, String> names = residents.lookupAll(rows.stream().map(FiguresRepository.DinerRow::residentId).toList())
			.stream()
			.collect(Collectors.toMap(ResidentView::id, r -> Masking.name(r.name())));
		Map<Long, String> nodes = nodeNames(rows.stream().map(FiguresRepository.DinerRow::communityId).toList());
		return rows.stream()
			.map(d -> new CountedRecord(d.id(), names.getOrDefault(d.residentId(), "#" + d.id()), nodes.get(d.communityId()),
					null, true, "/meals/diners/" + d.id()))
			.toList();
	}

	private List<CountedRecord> sales(List<FiguresRepository.SaleRow> rows) {
		Map<Long, String> names = placeNames.of(rows.stream().map(FiguresRepository.SaleRow::placeId).collect(Collectors.toSet()));
		return rows.stream()
			.map(r -> new CountedRecord(r.id(), r.soldOn() + " ¥" + r.price() + " − ¥" + r.subsidy(),
					names.get(r.placeId()), r.soldAt(), true,
					"/meals/settlements?place=" + r.placeId() + "&month=" + YearMonth.from(r.soldOn())))
			.toList();
	}

	private List<CountedRecord> alone(List<Alone> rows) {
		Map<Long, String> nodes = nodeNames(rows.stream().map(Alone::communityId).toList());
		return rows.stream()
			.map(a -> new CountedRecord(a.residentId(), Masking.name(a.name()), nodes.get(a.communityId()), null,
					a.dinerId() != null, a.dinerId() != null ? "/meals/diners/" + a.dinerId() : "/residents/" + a.residentId()))
			.toList();
	}

	private Map<Long, String> nodeNames(Collection<Long> ids) {
		return territories.lookupAll(Set.copyOf(ids)).stream()
			.collect(Collectors.toMap(TerritoryNode::id, TerritoryNode::name, (a, b) -> a, LinkedHashMap::new));
	}

	private static MealFigure count(MealIndicator indicator, long count) {
		return new MealFigure(indicator, (double) count, count, count);
	}

	/** Per 1,000 elderly, one decimal; {@code null} without an elderly population to divide by. */
	static Double perThousand(long n, Long elderly) {
		return elderly == null || elderly == 0 ? null
				: BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1000))
					.divide(BigDecimal.valueOf(elderly), 1, RoundingMode.HALF_UP).doubleValue();
	}
}
