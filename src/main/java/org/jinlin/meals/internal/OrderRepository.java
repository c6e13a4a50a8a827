package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of orders and standing orders. No access checks here. */
@Repository
@RequiredArgsConstructor
public class OrderRepository {

	/** A row of {@code meal_order}. */
	public record Order(long id, long dinerId, long placeId, LocalDate day, MealTime meal, Long menuItemId,
			String itemName, BigDecimal price, String diets, boolean delivery, boolean placed, Long standingOrderId,
			boolean late) {
	}

	/** A row of {@code meal_standing_order}. */
	public record StandingOrder(long id, long dinerId, MealTime meal, Set<DayOfWeek> weekdays, LocalDate validFrom,
			LocalDate validTo) {
	}

	/** What an order row is written with. */
	public record NewOrder(long dinerId, long placeId, LocalDate day, MealTime meal, Long menuItemId, String itemName,
			BigDecimal price, String diets, boolean delivery, Long standingOrderId, boolean late) {
	}

	private final JdbcClient jdbc;

	static final String COLUMNS = "id, diner_id, place_id, served_on, meal, menu_item_id, item_name, price, diets, delivery, status, "
			+ "standing_order_id, late";

	public Optional<Order> order(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_order WHERE id = ?").param(id).query(OrderRepository::order).optional();
	}

	public Optional<Order> order(long dinerId, LocalDate day, MealTime meal) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_order WHERE diner_id = ? AND served_on = ? AND meal = ?")
			.params(dinerId, day, meal.name())
			.query(OrderRepository::order)
			.optional();
	}

	/** Writes a new order, or places again a cancelled one (same diner, day and meal); its id. */
	public long place(NewOrder o, String by) {
		Optional<Order> earlier = order(o.dinerId(), o.day(), o.meal());
		if (earlier.isPresent()) {
			jdbc.sql("""
					UPDATE meal_order SET place_id = ?, menu_item_id = ?, item_name = ?, price = ?, diets = ?, delivery = ?,
					status = 'PLACED', standing_order_id = ?, late = late OR ?, updated_at = ?, updated_by = ? WHERE id = ?""")
				.params(o.placeId(), o.menuItemId(), o.itemName(), o.price(), o.diets(), o.delivery(), o.standingOrderId(),
						o.late(), OffsetDateTime.now(), by, earlier.get().id())
				.update();
			return earlier.get().id();
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_order (diner_id, place_id, served_on, meal, menu_item_id, item_name, price, diets, delivery, status,
				standing_order_id, late, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, ?, ?, ?)""")
			.params(o.dinerId(), o.placeId(), o.day(), o.meal().name(), o.menuItemId(), o.itemName(), o.price(), o.diets(),
					o.delivery(), o.standingOrderId(), o.late(), OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Writes a standing order's order unless the diner has one (even cancelled) that day; true if written. */
	public boolean placeIfAbsent(NewOrder o, String by) {
		return jdbc.sql("""
				INSERT INTO meal_order (diner_id, place_id, served_on, meal, menu_item_id, item_name, price, diets, delivery, status,
				standing_order_id, late, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(o.dinerId(), o.placeId(), o.day(), o.meal().name(), o.menuItemId(), o.itemName(), o.price(), o.diets(),
					o.delivery(), o.standingOrderId(), o.late(), OffsetDateTime.now(), by)
			.update() > 0;
	}

	public void cancel(long id, boolean late, String by) {
		jdbc.sql("UPDATE meal_order SET status = 'CANCELLED', late = late OR ?, updated_at = ?, updated_by = ? WHERE id = ?")
			.params(late, OffsetDateTime.now(), by, id)
			.update();
	}

	/** The orders of a place on a day (cancelled ones too, for the late flags), by meal and id. */
	public List<Order> ofPlace(long placeId, LocalDate day, int page, int size) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_order WHERE place_id = ? AND served_on = ? "
				+ "ORDER BY CASE WHEN meal = 'LUNCH' THEN 0 ELSE 1 END, id LIMIT ? OFFSET ?")
			.params(placeId, day, size, (long) page * size)
			.query(OrderRepository::order)
			.list();
	}

	public long countOfPlace(long placeId, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM meal_order WHERE place_id = ? AND served_on = ?").params(placeId, day)
			.query(Long.class).single();
	}

	/** A diner's orders from a day on, by day and meal. */
	public List<Order> ofDiner(long dinerId, LocalDate from) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_order WHERE diner_id = ? AND served_on >= ? "
				+ "ORDER BY served_on, CASE WHEN meal = 'LUNCH' THEN 0 ELSE 1 END")
			.params(dinerId, from)
			.query(OrderRepository::order)
			.list();
	}

	// standing orders

	public long insertStanding(long dinerId, MealTime meal, Set<DayOfWeek> weekdays, LocalDate from, LocalDate to,
			String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_standing_order (diner_id, meal, weekdays, valid_from, valid_to, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(dinerId, meal.name(), OrderRules.encode(weekdays), from, to, OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public Optional<StandingOrder> standing(long id) {
		return jdbc.sql("SELECT id, diner_id, meal, weekdays, valid_from, valid_to FROM meal_standing_order WHERE id = ?")
			.param(id)
			.query(OrderRepository::standing)
			.optional();
	}

	/** A diner's standing orders still running on {@code day}. */
	public List<StandingOrder> standingOf(long dinerId, LocalDate day) {
		return jdbc.sql("""
				SELECT id, diner_id, meal, weekdays, valid_from, valid_to FROM meal_standing_order
				WHERE diner_id = ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id""")
			.params(dinerId, day)
			.query(OrderRepository::standing)
			.list();
	}

	/** Every standing order still running on {@code day}. */
	public List<StandingOrder> standingRunning(LocalDate day) {
		return jdbc.sql("""
				SELECT id, diner_id, meal, weekdays, valid_from, valid_to FROM meal_standing_order
				WHERE valid_to IS NULL OR valid_to >= ? ORDER BY id""")
			.param(day)
			.query(OrderRepository::standing)
			.list();
	}

	public void endStanding(long id, LocalDate lastDay) {
		jdbc.sql("UPDATE meal_standing_order SET valid_to = ? WHERE id = ?").params(lastDay, id).update();
	}

	// production

	/** One line of a production sheet: orders of a place (delivered or not), meal, dish and diet variant. */
	public record ProductionLine(long placeId, boolean delivery, MealTime meal, String itemName, String diets, long placed,
			long late) {
	}

	/** The orders of a day at a place and the places its kitchen supplies, grouped; cancelled ones count as late only. */
	public List<ProductionLine> production(long placeId, LocalDate day) {
		return jdbc.sql("""
				SELECT o.place_id, o.delivery, o.meal, o.item_name, o.diets,
				SUM(CASE WHEN o.status = 'PLACED' THEN 1 ELSE 0 END) AS placed, SUM(CASE WHEN o.late THEN 1 ELSE 0 END) AS late
				FROM meal_order o JOIN meal_place p ON p.id = o.place_id
				WHERE o.served_on = ? AND (o.place_id = ? OR p.kitchen_id = ?)
				GROUP BY o.place_id, o.delivery, o.meal, o.item_name, o.diets""")
			.params(day, placeId, placeId)
			.query((rs, i) -> new ProductionLine(rs.getLong(1), rs.getBoolean(2), MealTime.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	private static Order order(ResultSet rs, int i) throws SQLException {
		return new Order(rs.getLong("id"), rs.getLong("diner_id"), rs.getLong("place_id"), rs.getObject("served_on", LocalDate.class),
				MealTime.valueOf(rs.getString("meal")), rs.getObject("menu_item_id", Long.class), rs.getString("item_name"),
				rs.getBigDecimal("price"), rs.getString("diets"), rs.getBoolean("delivery"),
				"PLACED".equals(rs.getString("status")), rs.getObject("standing_order_id", Long.class), rs.getBoolean("late"));
	}

	private static StandingOrder standing(ResultSet rs, int i) throws SQLException {
		return new StandingOrder(rs.getLong("id"), rs.getLong("diner_id"), MealTime.valueOf(rs.getString("meal")),
				OrderRules.decodeWeekdays(rs.getString("weekdays")), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class));
	}
}
