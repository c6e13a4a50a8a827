package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the meal figures: the places, diners and sales under a territory path, counted, grouped by the node they
 * lie in (for the breakdown by child territory) and listed page by page (the drill-down). No access checks here.
 */
@Repository
@RequiredArgsConstructor
public class FiguresRepository {

	/** A place of the network: its node's path and, for an elder canteen, the registry's facility id. */
	public record PlaceRow(long id, PlaceKind kind, Long facilityId, String name, long territoryId, String territoryPath) {
	}

	/** A diner: the resident, her community and node path. */
	public record DinerRow(long id, long residentId, long communityId, String territoryPath) {
	}

	/** A sale: its place, when, the amounts. */
	public record SaleRow(long id, long placeId, LocalDate soldOn, Instant soldAt, BigDecimal price, BigDecimal subsidy) {
	}

	/** A count (and a sum) of the rows of one node path. */
	public record PathTally(String territoryPath, long count, BigDecimal sum) {
	}

	/** A day's count. */
	public record DayTally(LocalDate day, long count) {
	}

	private final JdbcClient jdbc;

	public List<PlaceRow> places(String path, PlaceKind kind, int offset, int limit) {
		return jdbc.sql("""
				SELECT id, kind, facility_id, name, territory_id, territory_path FROM meal_place
				WHERE territory_path LIKE ? AND kind = ? ORDER BY id LIMIT ? OFFSET ?""")
			.params(path + "%", kind.name(), limit, offset)
			.query(FiguresRepository::placeRow)
			.list();
	}

	public long countPlaces(String path, PlaceKind kind) {
		return jdbc.sql("SELECT COUNT(*) FROM meal_place WHERE territory_path LIKE ? AND kind = ?")
			.params(path + "%", kind.name())
			.query(Long.class)
			.single();
	}

	/** The places of one kind under a path, counted by the node they sit in. */
	public List<PathTally> placesByPath(String path, PlaceKind kind) {
		return jdbc.sql("""
				SELECT territory_path, COUNT(*) FROM meal_place WHERE territory_path LIKE ? AND kind = ?
				GROUP BY territory_path""")
			.params(path + "%", kind.name())
			.query((rs, i) -> new PathTally(rs.getString(1), rs.getLong(2), BigDecimal.ZERO))
			.list();
	}

	public List<DinerRow> diners(String path, int offset, int limit) {
		return jdbc.sql("""
				SELECT id, resident_id, community_id, territory_path FROM meal_diner WHERE territory_path LIKE ?
				ORDER BY id LIMIT ? OFFSET ?""")
			.params(path + "%", limit, offset)
			.query((rs, i) -> new DinerRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.list();
	}

	public long countDiners(String path) {
		return jdbc.sql("SELECT COUNT(*) FROM meal_diner WHERE territory_path LIKE ?")
			.param(path + "%")
			.query(Long.class)
			.single();
	}

	public List<PathTally> dinersByPath(String path) {
		return jdbc.sql("SELECT territory_path, COUNT(*) FROM meal_diner WHERE territory_path LIKE ? GROUP BY territory_path")
			.param(path + "%")
			.query((rs, i) -> new PathTally(rs.getString(1), rs.getLong(2), BigDecimal.ZERO))
			.list();
	}

	/** The diner ids of these residents, by resident id (those enrolled). */
	public java.util.Map<Long, Long> dinersOfResidents(Collection<Long> residentIds) {
		java.util.Map<Long, Long> byResident = new java.util.HashMap<>();
		if (residentIds.isEmpty()) {
			return byResident;
		}
		jdbc.sql("SELECT resident_id, id FROM meal_diner WHERE resident_id IN (:ids)")
			.param("ids", List.copyOf(residentIds))
			.query((java.sql.ResultSet rs) -> {
				byResident.put(rs.getLong(1), rs.getLong(2));
			});
		return byResident;
	}

	private static final String SALES_WHERE = """
			FROM meal_sale s JOIN meal_place p ON p.id = s.place_id
			WHERE p.territory_path LIKE :path AND s.sold_on BETWEEN :from AND :to""";

	private static String subsidised(boolean onlySubsidised) {
		return onlySubsidised ? " AND s.subsidy > 0" : "";
	}

	/** The sales at the places under a path between two days (inclusive), only those with a subsidy if asked. */
	public List<SaleRow> sales(String path, LocalDate from, LocalDate to, boolean onlySubsidised, int offset, int limit) {
		return jdbc.sql("SELECT s.id, s.place_id, s.sold_on, s.sold_at, s.price, s.subsidy " + SALES_WHERE
				+ subsidised(onlySubsidised) + " ORDER BY s.sold_on, s.id LIMIT :limit OFFSET :offset")
			.param("path", path + "%")
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> new SaleRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
	}

	/** How many sales (and their subsidy) at the places under a path between two days. */
	public PathTally countSales(String path, LocalDate from, LocalDate to, boolean onlySubsidised) {
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(s.subsidy), 0) " + SALES_WHERE + subsidised(onlySubsidised))
			.param("path", path + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new PathTally(path, rs.getLong(1), rs.getBigDecimal(2)))
			.single();
	}

	/** The sales (and their subsidy) between two days by the node of the place. */
	public List<PathTally> salesByPath(String path, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT p.territory_path, COUNT(*), COALESCE(SUM(s.subsidy), 0) " + SALES_WHERE
				+ " GROUP BY p.territory_path")
			.param("path", path + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new PathTally(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
	}

	/** The sales by day between two days. */
	public List<DayTally> salesByDay(String path, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT s.sold_on, COUNT(*) " + SALES_WHERE + " GROUP BY s.sold_on ORDER BY s.sold_on")
			.param("path", path + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new DayTally(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
	}

	/** Places by id (their names: {@link PlaceNames}). */
	public List<PlaceRow> placesById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, kind, facility_id, name, territory_id, territory_path FROM meal_place WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(FiguresRepository::placeRow)
			.list();
	}

	private static PlaceRow placeRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new PlaceRow(rs.getLong(1), PlaceKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class), rs.getString(4),
				rs.getLong(5), rs.getString(6));
	}
}
