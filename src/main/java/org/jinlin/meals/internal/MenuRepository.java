package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.DietNeed;
import org.jinlin.meals.MealTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of menus: a place's dishes and set meals by day and meal, and its order cut-off. No access checks here. */
@Repository
@RequiredArgsConstructor
public class MenuRepository {

	/** A row of {@code meal_menu_item}. */
	public record MenuItem(long id, long placeId, LocalDate day, MealTime meal, int line, String name, boolean setMeal,
			Set<DietNeed> diets, BigDecimal price) {
	}

	private final JdbcClient jdbc;

	static final String COLUMNS = "id, place_id, served_on, meal, line, name, set_meal, diets, price";

	/** The items of a place from {@code from} to {@code to} (inclusive), by day, meal and line. */
	public List<MenuItem> items(long placeId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_menu_item WHERE place_id = ? AND served_on BETWEEN ? AND ? "
				+ "ORDER BY served_on, CASE WHEN meal = 'LUNCH' THEN 0 ELSE 1 END, line")
			.params(placeId, from, to)
			.query(MenuRepository::item)
			.list();
	}

	public Optional<MenuItem> item(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM meal_menu_item WHERE id = ?").param(id).query(MenuRepository::item).optional();
	}

	public void deleteItems(long placeId, LocalDate from, LocalDate to) {
		jdbc.sql("DELETE FROM meal_menu_item WHERE place_id = ? AND served_on BETWEEN ? AND ?").params(placeId, from, to).update();
	}

	public void insertItem(long placeId, LocalDate day, MealTime meal, int line, String name, boolean setMeal,
			String diets, BigDecimal price) {
		jdbc.sql("""
				INSERT INTO meal_menu_item (place_id, served_on, meal, line, name, set_meal, diets, price)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(placeId, day, meal.name(), line, name, setMeal, diets, price)
			.update();
	}

	/** The place's own cut-off time, if it has one. */
	public Optional<LocalTime> cutoff(long placeId) {
		return jdbc.sql("SELECT order_cutoff FROM meal_place WHERE id = ?")
			.param(placeId)
			.query((rs, i) -> Optional.ofNullable(rs.getObject(1, LocalTime.class)))
			.optional()
			.flatMap(o -> o);
	}

	public void setCutoff(long placeId, LocalTime cutoff) {
		jdbc.sql("UPDATE meal_place SET order_cutoff = ? WHERE id = ?").params(cutoff, placeId).update();
	}

	private static MenuItem item(ResultSet rs, int i) throws SQLException {
		return new MenuItem(rs.getLong("id"), rs.getLong("place_id"), rs.getObject("served_on", LocalDate.class),
				MealTime.valueOf(rs.getString("meal")), rs.getInt("line"), rs.getString("name"), rs.getBoolean("set_meal"),
				OrderRules.decodeNeeds(rs.getString("diets")), rs.getBigDecimal("price"));
	}
}
