package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.AgeBand;
import org.jinlin.meals.DinerCategory;
import org.jinlin.meals.PlaceKind;
import org.jinlin.meals.internal.SubsidyRules.Part;
import org.jinlin.meals.internal.SubsidyRules.Rule;
import org.jinlin.meals.internal.SubsidyRules.Source;
import org.jinlin.meals.internal.SubsidyRules.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of meal assistance: places, diners, subsidy rules, sales and the monthly lock rows. No access checks here. */
@Repository
@RequiredArgsConstructor
public class MealsRepository {

	/** A row of {@code meal_place}. */
	public record Place(long id, PlaceKind kind, Long facilityId, String name, long territoryId, String territoryPath,
			BigDecimal setMealPrice) {
	}

	/** A row of {@code meal_diner}; {@code diets} still encrypted. */
	public record Diner(long id, long residentId, long communityId, String territoryPath, Long placeId,
			String dietsCipher, boolean homeDelivery, String cardNumber) {
	}

	/** A row of {@code meal_sale}. */
	public record Sale(long id, long placeId, String idempotencyKey, Long dinerId, LocalDate soldOn, String items,
			BigDecimal price, BigDecimal subsidy, BigDecimal paid, Long ruleId) {
	}

	/** Which diners a list may show: under a path, and (for an operator) only of these places. */
	public record DinerScope(String pathPrefix, List<Long> places) {
	}

	private final JdbcClient jdbc;

	// places

	public long insertPlace(PlaceKind kind, Long facilityId, String name, long territoryId, String territoryPath,
			Long kitchenId, String openingHours, BigDecimal setMealPrice, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_place (kind, facility_id, name, territory_id, territory_path, kitchen_id, opening_hours,
				set_meal_price, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kind.name(), facilityId, name, territoryId, territoryPath, kitchenId, openingHours, setMealPrice,
					OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public void insertServedCommunity(long placeId, long territoryId, String territoryPath) {
		jdbc.sql("INSERT INTO meal_place_community (place_id, territory_id, territory_path) VALUES (?, ?, ?)")
			.params(placeId, territoryId, territoryPath)
			.update();
	}

	public void insertOperator(long placeId, String username) {
		jdbc.sql("INSERT INTO meal_place_operator (place_id, username) VALUES (?, ?)").params(placeId, username).update();
	}

	public void insertTerminal(String keyName, long placeId) {
		jdbc.sql("INSERT INTO meal_place_terminal (key_name, place_id) VALUES (?, ?)").params(keyName, placeId).update();
	}

	public Optional<Place> place(long id) {
		return jdbc.sql("SELECT id, kind, facility_id, name, territory_id, territory_path, set_meal_price FROM meal_place WHERE id = ?")
			.param(id)
			.query(MealsRepository::place)
			.optional();
	}

	/** The place a terminal key is bound to. */
	public Optional<Long> placeOfTerminal(String keyName) {
		return jdbc.sql("SELECT place_id FROM meal_place_terminal WHERE key_name = ?").param(keyName).query(Long.class).optional();
	}

	/** The places an account operates, in id order. */
	public List<Long> placesOfOperator(String username) {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = ? ORDER BY place_id")
			.param(username)
			.query(Long.class)
			.list();
	}

	// diners

	public long insertDiner(long residentId, long communityId, String territoryPath, Long placeId, String dietsCipher,
			boolean homeDelivery, String cardNumber, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_diner (resident_id, community_id, territory_path, place_id, diets, home_delivery, card_number,
				enrolled_at, enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(residentId, communityId, territoryPath, placeId, dietsCipher, homeDelivery, cardNumber,
					OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public Optional<Long> dinerIdOfResident(long residentId) {
		return jdbc.sql("SELECT id FROM meal_diner WHERE resident_id = ?").param(residentId).query(Long.class).optional();
	}

	static final String DINER_COLUMNS = "id, resident_id, community_id, territory_path, place_id, diets, home_delivery, card_number";

	public Optional<Diner> diner(long id) {
		return jdbc.sql("SELECT " + DINER_COLUMNS + " FROM meal_diner WHERE id = ?").param(id).query(MealsRepository::diner).optional();
	}

	public Optional<Diner> dinerByCard(String cardNumber) {
		return jdbc.sql("SELECT " + DINER_COLUMNS + " FROM meal_diner WHERE card_number = ?")
			.param(cardNumber)
			.query(MealsRepository::diner)
			.optional();
	}

	private static String where(DinerScope scope) {
		return " WHERE territory_path LIKE :path" + (scope.places() == null ? "" : " AND place_id IN (:places)");
	}

	private JdbcClient.StatementSpec scoped(String sql, DinerScope scope) {
		var spec = jdbc.sql(sql).param("path", scope.pathPrefix() + "%");
		return scope.places() == null ? spec : spec.param("places", scope.places().isEmpty() ? List.of(-1L) : scope.places());
	}

	public List<Diner> diners(DinerScope scope, int page, int size) {
		return scoped("SELECT " + DINER_COLUMNS + " FROM meal_diner" + where(scope) + " ORDER BY id LIMIT :size OFFSET :offset",
				scope)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(MealsRepository::diner)
			.list();
	}

	public long countDiners(DinerScope scope) {
		return scoped("SELECT COUNT(*) FROM meal_diner" + where(scope), scope).query(Long.class).single();
	}

	// subsidy rules

	public long insertRule(String territoryPath, LocalDate validFrom, LocalDate validTo, BigDecimal monthlyCap, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_subsidy_rule (territory_path, valid_from, valid_to, monthly_cap, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(territoryPath, validFrom, validTo, monthlyCap, OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public void insertTier(long ruleId, int line, AgeBand band, DinerCategory category, BigDecimal perMeal) {
		jdbc.sql("INSERT INTO meal_subsidy_tier (rule_id, line, age_band, category, per_meal) VALUES (?, ?, ?, ?, ?)")
			.params(ruleId, line, band == null ? null : band.name(), category == null ? null : category.name(), perMeal)
			.update();
	}

	public void insertSource(long ruleId, int line, String source, BigDecimal share) {
		jdbc.sql("INSERT INTO meal_subsidy_source (rule_id, line, source, share) VALUES (?, ?, ?, ?)")
			.params(ruleId, line, source, share)
			.update();
	}

	/** The rules in force on a day whose territory contains a path, with their tiers and sources. */
	public List<Rule> rulesFor(String path, LocalDate day) {
		record Head(long id, String path, LocalDate from, LocalDate to, BigDecimal cap) {
		}
		List<Head> heads = jdbc.sql("""
				SELECT id, territory_path, valid_from, valid_to, monthly_cap FROM meal_subsidy_rule
				WHERE ? LIKE territory_path || '%' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id""")
			.params(path, day, day)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, List<Tier>> tiers = new HashMap<>();
		jdbc.sql("SELECT rule_id, age_band, category, per_meal FROM meal_subsidy_tier WHERE rule_id IN (:ids) ORDER BY rule_id, line")
			.param("ids", ids)
			.query((ResultSet rs) -> {
				String band = rs.getString(2);
				String category = rs.getString(3);
				tiers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Tier(band == null ? null : AgeBand.valueOf(band),
							category == null ? null : DinerCategory.valueOf(category), rs.getBigDecimal(4)));
			});
		Map<Long, List<Source>> sources = new HashMap<>();
		jdbc.sql("SELECT rule_id, source, share FROM meal_subsidy_source WHERE rule_id IN (:ids) ORDER BY rule_id, line")
			.param("ids", ids)
			.query((ResultSet rs) -> {
				sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Source(rs.getString(2), rs.getBigDecimal(3)));
			});
		return heads.stream()
			.map(h -> new Rule(h.id(), h.path(), h.from(), h.to(), h.cap(), tiers.getOrDefault(h.id(), List.of()),
					sources.getOrDefault(h.id(), List.of())))
			.toList();
	}

	// sales

	static final String SALE_COLUMNS = "id, place_id, idempotency_key, diner_id, sold_on, items, price, subsidy, paid, rule_id";

	public Optional<Sale> sale(long placeId, String idempotencyKey) {
		return jdbc.sql("SELECT " + SALE_COLUMNS + " FROM meal_sale WHERE place_id = ? AND idempotency_key = ?")
			.params(placeId, idempotencyKey)
			.query(MealsRepository::sale)
			.optional();
	}

	/** Inserts a sale unless the place already has one with this key; the new id, or empty if it had. */
	public Optional<Long> insertSale(long placeId, String idempotencyKey, Long dinerId, LocalDate soldOn,
			OffsetDateTime soldAt, org.jinlin.meals.MealTime meal, String items, BigDecimal price, BigDecimal subsidy,
			BigDecimal paid, Long ruleId, String tier, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		int rows = jdbc.sql("""
				INSERT INTO meal_sale (place_id, idempotency_key, diner_id, sold_on, sold_at, meal, items, price, subsidy, paid,
				rule_id, tier, sold_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(placeId, idempotencyKey, dinerId, soldOn, soldAt, meal.name(), items, price, subsidy, paid, ruleId, tier, by)
			.update(key, "id");
		return rows == 0 || key.getKey() == null ? Optional.empty() : Optional.of(key.getKey().longValue());
	}

	public void insertSaleParts(long saleId, List<Part> parts) {
		for (Part p : parts) {
			jdbc.sql("INSERT INTO meal_sale_subsidy (sale_id, source, amount) VALUES (?, ?, ?)")
				.params(saleId, p.source(), p.amount())
				.update();
		}
	}

	/**
	 * Takes the lock of a diner's month: creates the row if missing, then UPDATEs it (the row lock serializes the sales
	 * of this diner and month until the transaction ends) and reads the subsidy used so far, after the lock.
	 */
	public BigDecimal lockMonth(long dinerId, LocalDate monthStart) {
		jdbc.sql("INSERT INTO meal_subsidy_month (diner_id, month_start, used) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
			.params(dinerId, monthStart)
			.update();
		jdbc.sql("UPDATE meal_subsidy_month SET used = used WHERE diner_id = ? AND month_start = ?")
			.params(dinerId, monthStart)
			.update();
		return jdbc.sql("SELECT used FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?")
			.params(dinerId, monthStart)
			.query(BigDecimal.class)
			.single();
	}

	/** The subsidy a diner has received in a month so far, without locking (a preview). */
	public BigDecimal usedInMonth(long dinerId, LocalDate monthStart) {
		return jdbc.sql("SELECT used FROM meal_subsidy_month WHERE diner_id = ? AND month_start = ?")
			.params(dinerId, monthStart)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	/** The diners of some places, in id order, at most {@code limit}. */
	public List<Diner> dinersOfPlaces(List<Long> places, int limit) {
		if (places.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + DINER_COLUMNS + " FROM meal_diner WHERE place_id IN (:places) ORDER BY id LIMIT :limit")
			.param("places", places)
			.param("limit", limit)
			.query(MealsRepository::diner)
			.list();
	}

	/** Whether a place's month (its first day) is settled and closed: its statement approved. */
	public boolean monthClosed(long placeId, LocalDate monthStart) {
		return jdbc.sql("SELECT COUNT(*) FROM meal_settlement WHERE place_id = ? AND month_start = ? AND status = 'APPROVED'")
			.params(placeId, monthStart)
			.query(Long.class)
			.single() > 0;
	}

	public void addUsed(long dinerId, LocalDate monthStart, BigDecimal amount) {
		jdbc.sql("UPDATE meal_subsidy_month SET used = used + ? WHERE diner_id = ? AND month_start = ?")
			.params(amount, dinerId, monthStart)
			.update();
	}

	/** Sales of a place on a day, newest first. */
	public List<Sale> salesOf(long placeId, LocalDate day) {
		return jdbc.sql("SELECT " + SALE_COLUMNS + " FROM meal_sale WHERE place_id = ? AND sold_on = ? ORDER BY id DESC")
			.params(placeId, day)
			.query(MealsRepository::sale)
			.list();
	}

	/** Sales of a day at the places under a path (and, for an operator, only hers), newest first. */
	public List<Sale> salesOn(String placePathPrefix, List<Long> places, LocalDate day, int limit) {
		var spec = jdbc.sql("""
				SELECT s.id, s.place_id, s.idempotency_key, s.diner_id, s.sold_on, s.items, s.price, s.subsidy, s.paid, s.rule_id
				FROM meal_sale s JOIN meal_place p ON p.id = s.place_id
				WHERE p.territory_path LIKE :path AND s.sold_on = :day""" + (places == null ? "" : " AND s.place_id IN (:places)")
				+ " ORDER BY s.id DESC LIMIT :limit")
			.param("path", placePathPrefix + "%")
			.param("day", day)
			.param("limit", limit);
		if (places != null) {
			spec = spec.param("places", places.isEmpty() ? List.of(-1L) : places);
		}
		return spec.query(MealsRepository::sale).list();
	}

	/** Diners by id. */
	public List<Diner> dinersById(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + DINER_COLUMNS + " FROM meal_diner WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(MealsRepository::diner)
			.list();
	}

	// enrolment (pause, re-check)

	/** A diner's enrolment: the row of {@code meal_diner} with its pause and last eligibility check. */
	public record Enrolment(long id, long residentId, long communityId, String territoryPath, Long placeId,
			String dietsCipher, boolean homeDelivery, DinerCategory category, LocalDate checkedOn, LocalDate pausedFrom,
			LocalDate resumeOn) {
	}

	static final String ENROLMENT_COLUMNS = "id, resident_id, community_id, territory_path, place_id, diets, home_delivery, "
			+ "category, COALESCE(eligibility_checked_on, CAST(enrolled_at AS DATE)) AS checked_on, paused_from, resume_on";

	public Optional<Enrolment> enrolment(long id) {
		return jdbc.sql("SELECT " + ENROLMENT_COLUMNS + " FROM meal_diner WHERE id = ?")
			.param(id)
			.query(MealsRepository::enrolment)
			.optional();
	}

	public Optional<Enrolment> enrolmentOfResident(long residentId) {
		return jdbc.sql("SELECT " + ENROLMENT_COLUMNS + " FROM meal_diner WHERE resident_id = ?")
			.param(residentId)
			.query(MealsRepository::enrolment)
			.optional();
	}

	public List<Enrolment> enrolments(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + ENROLMENT_COLUMNS + " FROM meal_diner WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(MealsRepository::enrolment)
			.list();
	}

	/** The diners whose last check was on or before {@code checkedBy} (due for a re-check), at most {@code limit}. */
	public List<Enrolment> dueForRecheck(LocalDate checkedBy, int limit) {
		return jdbc.sql("SELECT " + ENROLMENT_COLUMNS
				+ " FROM meal_diner WHERE COALESCE(eligibility_checked_on, CAST(enrolled_at AS DATE)) <= ? ORDER BY id LIMIT ?")
			.params(checkedBy, limit)
			.query(MealsRepository::enrolment)
			.list();
	}

	public void updateEnrolment(long id, Long placeId, String dietsCipher, boolean homeDelivery, LocalDate pausedFrom,
			LocalDate resumeOn, String by) {
		jdbc.sql("""
				UPDATE meal_diner SET place_id = ?, diets = ?, home_delivery = ?, paused_from = ?, resume_on = ?,
				updated_at = ?, updated_by = ? WHERE id = ?""")
			.params(placeId, dietsCipher, homeDelivery, pausedFrom, resumeOn, OffsetDateTime.now(), by, id)
			.update();
	}

	public void recordCheck(long id, DinerCategory category, LocalDate day) {
		jdbc.sql("UPDATE meal_diner SET category = ?, eligibility_checked_on = ? WHERE id = ?")
			.params(category.name(), day, id)
			.update();
	}

	/** The places that serve a community: elder canteens first, then by id. */
	public List<Long> placesServing(long communityId) {
		return jdbc.sql("""
				SELECT p.id FROM meal_place p JOIN meal_place_community c ON c.place_id = p.id WHERE c.territory_id = ?
				ORDER BY CASE WHEN p.kind = 'ELDER_CANTEEN' THEN 0 ELSE 1 END, p.id""")
			.param(communityId)
			.query(Long.class)
			.list();
	}

	private static Enrolment enrolment(ResultSet rs, int i) throws SQLException {
		String category = rs.getString("category");
		return new Enrolment(rs.getLong("id"), rs.getLong("resident_id"), rs.getLong("community_id"),
				rs.getString("territory_path"), rs.getObject("place_id", Long.class), rs.getString("diets"),
				rs.getBoolean("home_delivery"), category == null ? null : DinerCategory.valueOf(category),
				rs.getObject("checked_on", LocalDate.class), rs.getObject("paused_from", LocalDate.class),
				rs.getObject("resume_on", LocalDate.class));
	}

	private static Place place(ResultSet rs, int i) throws SQLException {
		return new Place(rs.getLong("id"), PlaceKind.valueOf(rs.getString("kind")), (Long) rs.getObject("facility_id", Long.class),
				rs.getString("name"), rs.getLong("territory_id"), rs.getString("territory_path"), rs.getBigDecimal("set_meal_price"));
	}

	static Diner diner(ResultSet rs, int i) throws SQLException {
		return new Diner(rs.getLong("id"), rs.getLong("resident_id"), rs.getLong("community_id"), rs.getString("territory_path"),
				rs.getObject("place_id", Long.class), rs.getString("diets"), rs.getBoolean("home_delivery"),
				rs.getString("card_number"));
	}

	private static Sale sale(ResultSet rs, int i) throws SQLException {
		return new Sale(rs.getLong("id"), rs.getLong("place_id"), rs.getString("idempotency_key"),
				rs.getObject("diner_id", Long.class), rs.getObject("sold_on", LocalDate.class), rs.getString("items"),
				rs.getBigDecimal("price"), rs.getBigDecimal("subsidy"), rs.getBigDecimal("paid"),
				rs.getObject("rule_id", Long.class));
	}
}
