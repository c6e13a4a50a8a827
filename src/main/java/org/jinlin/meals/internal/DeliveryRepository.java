package org.jinlin.meals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of meal delivery: the routes of a place and day, their stops and what happened at each door. */
@Repository
@RequiredArgsConstructor
public class DeliveryRepository {

	/** A row of {@code meal_route}. */
	public record Route(long id, long placeId, LocalDate servedOn, int courierNo, String courier, LocalTime departure,
			int travelSeconds) {
	}

	/** A row of {@code meal_route_stop}. */
	public record Stop(long routeId, int seq, long dinerId, LocalTime plannedArrival, LocalTime windowStart,
			LocalTime windowEnd, String outcome) {
	}

	private final JdbcClient jdbc;

	/** The diners of a place who have their meals brought home, in id order: id, resident, encrypted diets. */
	public List<MealsRepository.Diner> homeDeliveryDiners(long placeId) {
		return jdbc.sql("SELECT " + MealsRepository.DINER_COLUMNS
				+ " FROM meal_diner WHERE place_id = ? AND home_delivery = TRUE ORDER BY id")
			.param(placeId)
			.query(MealsRepository::diner)
			.list();
	}

	/** Stops of a place's routes on a day the couriers have already marked. */
	public long markedStops(long placeId, LocalDate day) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM meal_route_stop s JOIN meal_route r ON r.id = s.route_id
				WHERE r.place_id = ? AND r.served_on = ? AND s.outcome IS NOT NULL""")
			.params(placeId, day)
			.query(Long.class)
			.single();
	}

	/** Removes a place's routes of a day (a new plan replaces them). */
	public void deleteRoutes(long placeId, LocalDate day) {
		jdbc.sql("DELETE FROM meal_route_stop WHERE route_id IN (SELECT id FROM meal_route WHERE place_id = ? AND served_on = ?)")
			.params(placeId, day)
			.update();
		jdbc.sql("DELETE FROM meal_route WHERE place_id = ? AND served_on = ?").params(placeId, day).update();
	}

	public long insertRoute(long placeId, LocalDate day, int courierNo, LocalTime departure, int travelSeconds, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO meal_route (place_id, served_on, courier_no, departure, travel_seconds, planned_at, planned_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(placeId, day, courierNo, departure, travelSeconds, OffsetDateTime.now(), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public void insertStop(long routeId, int seq, long dinerId, LocalTime arrival, LocalTime windowStart, LocalTime windowEnd) {
		jdbc.sql("""
				INSERT INTO meal_route_stop (route_id, seq, diner_id, planned_arrival, window_start, window_end)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(routeId, seq, dinerId, arrival, windowStart, windowEnd)
			.update();
	}

	static final String ROUTE_COLUMNS = "id, place_id, served_on, courier_no, courier, departure, travel_seconds";

	/** A place's routes of a day, by courier number. */
	public List<Route> routes(long placeId, LocalDate day) {
		return jdbc.sql("SELECT " + ROUTE_COLUMNS + " FROM meal_route WHERE place_id = ? AND served_on = ? ORDER BY courier_no")
			.params(placeId, day)
			.query(DeliveryRepository::route)
			.list();
	}

	public Optional<Route> route(long id) {
		return jdbc.sql("SELECT " + ROUTE_COLUMNS + " FROM meal_route WHERE id = ?").param(id).query(DeliveryRepository::route).optional();
	}

	/** The stops of a route in order. */
	public List<Stop> stops(long routeId) {
		return jdbc.sql("""
				SELECT route_id, seq, diner_id, planned_arrival, window_start, window_end, outcome FROM meal_route_stop
				WHERE route_id = ? ORDER BY seq""")
			.param(routeId)
			.query((rs, i) -> new Stop(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getObject(4, LocalTime.class),
					rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class), rs.getString(7)))
			.list();
	}

	/** Records what happened at a door, only once; whether this call recorded it. */
	public boolean mark(long routeId, int seq, String outcome, String by) {
		return jdbc.sql("""
				UPDATE meal_route_stop SET outcome = ?, marked_at = ?, marked_by = ?
				WHERE route_id = ? AND seq = ? AND outcome IS NULL""")
			.params(outcome, OffsetDateTime.now(), by, routeId, seq)
			.update() == 1;
	}

	private static Route route(ResultSet rs, int i) throws SQLException {
		return new Route(rs.getLong("id"), rs.getLong("place_id"), rs.getObject("served_on", LocalDate.class),
				rs.getInt("courier_no"), rs.getString("courier"), rs.getObject("departure", LocalTime.class),
				rs.getInt("travel_seconds"));
	}
}
