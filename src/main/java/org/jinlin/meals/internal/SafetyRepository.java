package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of food safety: retained samples, the flags of meals served without them, daily kitchen checks. Scoped
 * lists take the places' path prefix and, for an operator, her places ({@code null}: all under the path).
 */
@Repository
@RequiredArgsConstructor
public class SafetyRepository {

	/** A row of {@code meal_sample} (without the photo bytes). */
	public record Sample(long id, long placeId, String placePath, LocalDate servedOn, MealTime meal, String dish,
			int weightGrams, String fridge, OffsetDateTime takenAt, String takenBy, boolean photo,
			OffsetDateTime disposedAt, String disposedBy) {

		/** The first moment it may be disposed of (kept 48 hours). */
		public OffsetDateTime disposableAt() {
			return takenAt.plus(SampleRules.KEEP);
		}

		/** Whether it may be disposed of now. */
		public boolean mayDispose() {
			return disposedAt == null && SampleRules.mayDispose(takenAt.toInstant(), java.time.Instant.now());
		}
	}

	/** A meal flagged as served without all its samples. */
	public record Flag(long placeId, LocalDate servedOn, MealTime meal, List<String> dishes, OffsetDateTime flaggedAt) {
	}

	/** A meal that was served: a place, a day, a meal. */
	public record Served(long placeId, LocalDate day, MealTime meal) {
	}

	/** A row of {@code meal_kitchen_check}. */
	public record Check(long id, long placeId, LocalDate checkedOn, String kind, String fridge, BigDecimal temperature,
			String staffName, boolean ok, String note, OffsetDateTime recordedAt, String recordedBy) {
	}

	private final JdbcClient jdbc;

	static final String SAMPLE_COLUMNS = "s.id, s.place_id, p.territory_path, s.served_on, s.meal, s.dish, s.weight_grams, "
			+ "s.fridge, s.taken_at, s.taken_by, s.photo_type, s.disposed_at, s.disposed_by";

	public long insertSample(long placeId, LocalDate servedOn, MealTime meal, String dish, int weightGrams, String fridge,
			OffsetDateTime takenAt, String by, String photoType, byte[] photo) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_sample (place_id, served_on, meal, dish, weight_grams, fridge, taken_at, taken_by, photo_type,
				photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(placeId, servedOn, meal.name(), dish, weightGrams, fridge, takenAt, by, photoType, photo)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public Optional<Sample> sample(long id) {
		return jdbc.sql("SELECT " + SAMPLE_COLUMNS + " FROM meal_sample s JOIN meal_place p ON p.id = s.place_id WHERE s.id = ?")
			.param(id)
			.query(SafetyRepository::sample)
			.optional();
	}

	/** Samples of meals served from {@code from} to {@code to} at the places in scope, newest first, at most 500. */
	public List<Sample> samples(MealsRepository.DinerScope scope, LocalDate from, LocalDate to) {
		return scoped("SELECT " + SAMPLE_COLUMNS + " FROM meal_sample s JOIN meal_place p ON p.id = s.place_id"
				+ where(scope, "s") + " AND s.served_on BETWEEN :from AND :to ORDER BY s.served_on DESC, s.id DESC LIMIT 500", scope)
			.param("from", from)
			.param("to", to)
			.query(SafetyRepository::sample)
			.list();
	}

	public Optional<SampleRules.Photo> photo(long id) {
		return jdbc.sql("SELECT photo_type, photo FROM meal_sample WHERE id = ? AND photo IS NOT NULL")
			.param(id)
			.query((rs, i) -> new SampleRules.Photo(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	/** Marks a sample disposed unless it already is; whether it was marked. */
	public boolean dispose(long id, OffsetDateTime at, String by) {
		return jdbc.sql("UPDATE meal_sample SET disposed_at = ?, disposed_by = ? WHERE id = ? AND disposed_at IS NULL")
			.params(at, by, id)
			.update() == 1;
	}

	/** The dishes of a place's menu for a meal, in menu order. */
	public List<String> menuDishes(long placeId, LocalDate day, MealTime meal) {
		return jdbc.sql("SELECT name FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = ? ORDER BY line")
			.params(placeId, day, meal.name())
			.query(String.class)
			.list();
	}

	/** The dishes sampled for a meal. */
	public List<String> sampledDishes(long placeId, LocalDate day, MealTime meal) {
		return jdbc.sql("SELECT dish FROM meal_sample WHERE place_id = ? AND served_on = ? AND meal = ?")
			.params(placeId, day, meal.name())
			.query(String.class)
			.list();
	}

	/** The meals served (placed orders or sales; a sale without a meal counts as lunch) from {@code from} to {@code to}. */
	public List<Served> served(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT place_id, served_on, meal FROM meal_order WHERE status = 'PLACED' AND served_on BETWEEN :from AND :to
				UNION
				SELECT place_id, sold_on, COALESCE(meal, 'LUNCH') FROM meal_sale WHERE sold_on BETWEEN :from AND :to""")
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new Served(rs.getLong(1), rs.getObject(2, LocalDate.class), MealTime.valueOf(rs.getString(3))))
			.list();
	}

	/** Flags a meal unless it already is (any instance); whether this call flagged it. */
	public boolean flag(long placeId, LocalDate day, MealTime meal, List<String> dishes) {
		return jdbc.sql("""
				INSERT INTO meal_sample_missing (place_id, served_on, meal, dishes, flagged_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(placeId, day, meal.name(), String.join("\n", dishes), OffsetDateTime.now())
			.update() == 1;
	}

	/** The flags since a day at the places in scope, newest first, at most 200. */
	public List<Flag> flags(MealsRepository.DinerScope scope, LocalDate since) {
		return scoped("SELECT f.place_id, f.served_on, f.meal, f.dishes, f.flagged_at FROM meal_sample_missing f "
				+ "JOIN meal_place p ON p.id = f.place_id" + where(scope, "f")
				+ " AND f.served_on >= :since ORDER BY f.served_on DESC, f.meal LIMIT 200", scope)
			.param("since", since)
			.query((rs, i) -> new Flag(rs.getLong(1), rs.getObject(2, LocalDate.class), MealTime.valueOf(rs.getString(3)),
					List.of(rs.getString(4).split("\n")), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	public long insertCheck(long placeId, LocalDate day, String kind, String fridge, BigDecimal temperature,
			String staffName, boolean ok, String note, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_kitchen_check (place_id, checked_on, kind, fridge, temperature, staff_name, ok, note,
				recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(placeId, day, kind, fridge, temperature, staffName, ok, note, OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** The checks of a day at the places in scope, newest first. */
	public List<Check> checks(MealsRepository.DinerScope scope, LocalDate day) {
		return scoped("SELECT c.id, c.place_id, c.checked_on, c.kind, c.fridge, c.temperature, c.staff_name, c.ok, c.note, "
				+ "c.recorded_at, c.recorded_by FROM meal_kitchen_check c JOIN meal_place p ON p.id = c.place_id"
				+ where(scope, "c") + " AND c.checked_on = :day ORDER BY c.id DESC LIMIT 500", scope)
			.param("day", day)
			.query((rs, i) -> new Check(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
					rs.getObject(10, OffsetDateTime.class), rs.getString(11)))
			.list();
	}

	private static String where(MealsRepository.DinerScope scope, String alias) {
		return " WHERE p.territory_path LIKE :path" + (scope.places() == null ? "" : " AND " + alias + ".place_id IN (:places)");
	}

	private JdbcClient.StatementSpec scoped(String sql, MealsRepository.DinerScope scope) {
		var spec = jdbc.sql(sql).param("path", scope.pathPrefix() + "%");
		return scope.places() == null ? spec : spec.param("places", scope.places().isEmpty() ? List.of(-1L) : scope.places());
	}

	private static Sample sample(ResultSet rs, int i) throws SQLException {
		return new Sample(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				MealTime.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
				rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11) != null,
				rs.getObject(12, OffsetDateTime.class), rs.getString(13));
	}
}
