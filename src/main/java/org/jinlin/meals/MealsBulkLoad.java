package org.jinlin.meals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.DeliveryPlanning;
import org.jinlin.meals.internal.MealsBulkWriter;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a meal network, its diners and subsidy rules at once (a seeded city), without the per-record checks of the
 * command services: the caller vouches for the values. Publishes no events.
 */
@Service
@RequiredArgsConstructor
public class MealsBulkLoad {

	/**
	 * A place: an elder canteen names its care-facility registry record ({@code facilityId}, no name); a kitchen or
	 * meal point its name. {@code kitchenId}: the kitchen that supplies it, if any.
	 */
	public record NewPlace(PlaceKind kind, Long facilityId, String name, TerritoryNode territory, Long kitchenId,
			String openingHours, BigDecimal setMealPrice, List<TerritoryNode> servedCommunities, List<String> operators) {
	}

	/** A diner: a resident (by id) of a community, her diet needs and allergies, delivery and counter card. */
	public record NewDiner(long residentId, TerritoryNode community, String residentPath, Long placeId,
			Set<DietNeed> diets, String allergies, boolean homeDelivery, String cardNumber) {
	}

	/** A subsidy rule: territory path, period, monthly cap, tiers and funding sources (shares adding up to 1). */
	public record NewRule(String territoryPath, LocalDate validFrom, LocalDate validTo, BigDecimal monthlyCap,
			List<NewTier> tiers, List<NewSource> sources) {
	}

	/** A tier: an age band and/or category ({@code null}: any) and the amount per meal. */
	public record NewTier(AgeBand ageBand, DinerCategory category, BigDecimal perMeal) {
	}

	/** A funding source and its share (a fraction). */
	public record NewSource(String source, BigDecimal share) {
	}

	/** A dish or set meal of a place's menu: the diets it meets, its price. */
	public record NewMenuItem(LocalDate day, MealTime meal, String name, boolean setMeal, Set<DietNeed> diets,
			BigDecimal price) {
	}

	private final MealsBulkWriter writer;

	private final DeliveryPlanning delivery;

	private final org.jinlin.meals.internal.CounterSales sales;

	private final org.jinlin.meals.internal.SafetyRepository safety;

	private final org.jinlin.meals.internal.FoodSafety foodSafety;

	private final org.jinlin.meals.internal.SettlementRepository settlements;

	/** Writes a place with its served communities and operators; returns its id. */
	@Transactional
	public long place(NewPlace place, String by) {
		return writer.place(place, by);
	}

	/** Binds a counter terminal (an API key of purpose CANTEEN, by name) to a place. */
	@Transactional
	public void terminal(String keyName, long placeId) {
		writer.terminal(keyName, placeId);
	}

	/** Enrols diners; returns their ids in the same order. */
	@Transactional
	public List<Long> diners(List<NewDiner> diners, String by) {
		return writer.diners(diners, by);
	}

	/** Writes a subsidy rule; returns its id. */
	@Transactional
	public long rule(NewRule rule, String by) {
		return writer.rule(rule, by);
	}

	/** Writes a place's menu items (added to what it has). */
	@Transactional
	public void menu(long placeId, List<NewMenuItem> items) {
		writer.menu(placeId, items);
	}

	/**
	 * Orders for a diner the first dish of her place's menu that day and meal that meets her diets (the set meal
	 * first); no cut-off. Returns the order id, empty without a fitting dish.
	 */
	@Transactional
	public java.util.Optional<Long> order(long dinerId, LocalDate day, MealTime meal, String by) {
		return writer.order(dinerId, day, meal, by);
	}

	/** A standing order from {@code from} on these weekdays; its orders are written by the hourly timer. */
	@Transactional
	public long standingOrder(long dinerId, MealTime meal, Set<java.time.DayOfWeek> weekdays, LocalDate from, String by) {
		return writer.standingOrder(dinerId, meal, weekdays, from, by);
	}

	/** Plans a place's home-delivery routes of a day (replacing that day's plan) with the delivery settings. */
	@Transactional
	public void routes(long placeId, LocalDate day, String by) {
		delivery.planUnchecked(placeId, day, by);
	}

	/**
	 * A counter sale of the set meal of the day at a place, at a given time, as the counter would record it (subsidy
	 * by the rules, within the monthly cap); {@code dinerId} {@code null}: a walk-in. No event.
	 */
	@Transactional
	public void sale(long placeId, Long dinerId, java.time.ZonedDateTime at, String idempotencyKey, String by) {
		sales.recordUnchecked(placeId, dinerId, at, idempotencyKey, by);
	}

	/** A retained sample of a dish, taken at {@code takenAt}; disposed of at {@code disposedAt} if given. */
	@Transactional
	public void sample(long placeId, LocalDate day, MealTime meal, String dish, int grams, String fridge,
			java.time.OffsetDateTime takenAt, java.time.OffsetDateTime disposedAt, String by) {
		long id = safety.insertSample(placeId, day, meal, dish, grams, fridge, takenAt, by, null, null);
		if (disposedAt != null) {
			safety.dispose(id, disposedAt, by);
		}
	}

	/** Flags the meals served in the {@code days} days before {@code now} without all their samples (no event). */
	@Transactional
	public int flagMissingSamples(java.time.LocalDateTime now, int days) {
		return foodSafety.flagMissing(now, days, false);
	}

	/** Submits a place's month (its first day) with the totals of its sales. */
	@Transactional
	public void submitSettlement(long placeId, java.time.YearMonth month, String by) {
		settlements.submit(placeId, month.atDay(1), settlements.totals(placeId, month.atDay(1), month.atEndOfMonth()), by);
	}
}
