package org.jinlin.territory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import java.sql.Types;

import lombok.RequiredArgsConstructor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code territory_node}; no jurisdiction checks here, see {@link Territories}. */
@Repository
@RequiredArgsConstructor
public class TerritoryRepository {

	private static final int BATCH = 1000;

	private static final int[] INSERT_TYPES = { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.BIGINT, Types.BIGINT,
			Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE };

	static final String COLUMNS = "id, parent_id, level, rural, code, name, path, latitude, longitude, population, elderly_population";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	public Optional<TerritoryNode> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE id = ?").param(id).query(TerritoryRepository::map).optional();
	}

	public Optional<TerritoryNode> findByCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE code = ?").param(code).query(TerritoryRepository::map).optional();
	}

	public List<TerritoryNode> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE id IN (:ids)").param("ids", ids).query(TerritoryRepository::map).list();
	}

	public List<TerritoryNode> children(long parentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE parent_id = ? ORDER BY code").param(parentId).query(TerritoryRepository::map).list();
	}

	public List<TerritoryNode> findByLevelUnder(TerritoryLevel level, String pathPrefix) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE level = ? AND path LIKE ? ORDER BY code")
			.param(level.name()).param(pathPrefix + "%").query(TerritoryRepository::map).list();
	}

	/** Nodes of a level whose point lies in the box, at most {@code limit} of them, in code order. */
	public List<TerritoryNode> findByLevelInBox(TerritoryLevel level, double south, double west, double north, double east,
			int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE level = ? AND latitude BETWEEN ? AND ?"
				+ " AND longitude BETWEEN ? AND ? ORDER BY code LIMIT ?")
			.params(level.name(), south, north, west, east, limit)
			.query(TerritoryRepository::map)
			.list();
	}

	/** Nodes with any of these codes; looked up in chunks so any number of codes is fine. */
	public List<TerritoryNode> findByCodes(Collection<String> codes) {
		List<TerritoryNode> found = new java.util.ArrayList<>();
		List<String> list = new java.util.ArrayList<>(codes);
		for (int i = 0; i < list.size(); i += 1000) {
			List<String> chunk = list.subList(i, Math.min(list.size(), i + 1000));
			found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM territory_node WHERE code IN (:codes)").param("codes", chunk)
				.query(TerritoryRepository::map).list());
		}
		return found;
	}

	/** Every node under a path prefix with its parent's code, parents before children (path order). */
	public void streamUnder(String pathPrefix, java.util.function.BiConsumer<TerritoryNode, String> sink) {
		jdbc.sql("SELECT n.id, n.parent_id, n.level, n.rural, n.code, n.name, n.path, n.latitude, n.longitude, n.population, "
				+ "n.elderly_population, p.code AS parent_code FROM territory_node n LEFT JOIN territory_node p ON p.id = n.parent_id "
				+ "WHERE n.path LIKE ? ORDER BY n.path")
			.param(pathPrefix + "%")
			.query((ResultSet rs) -> sink.accept(map(rs, 0), rs.getString("parent_code")));
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM territory_node").query(Long.class).single();
	}

	/** Inserts a node under {@code parent} (or as the root) and computes its path. */
	public TerritoryNode insert(TerritoryNode parent, TerritoryLevel level, boolean rural, String code, String name,
			Double lat, Double lon, Long population, Long elderly) {
		OffsetDateTime now = OffsetDateTime.now();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO territory_node (parent_id, level, rural, code, name, path, latitude, longitude, population,
				  elderly_population, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, '/', ?, ?, ?, ?, ?, ?)""")
			.params(parent == null ? null : parent.id(), level.name(), rural, code, name, lat, lon, population, elderly, now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("UPDATE territory_node SET path = ? WHERE id = ?").params(path, id).update();
		return new TerritoryNode(id, parent == null ? null : parent.id(), level, rural, code, name, path, lat, lon,
				population, elderly);
	}

	/** The highest id in use (0 when the tree is empty). */
	public long maxId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM territory_node").query(Long.class).single();
	}

	/** Inserts nodes whose ids and paths are already assigned, in JDBC batches. */
	public void insertAll(List<TerritoryNode> nodes, OffsetDateTime now) {
		List<Object[]> rows = nodes.stream().map(n -> new Object[] { n.id(), n.parentId(), n.level().name(), n.rural(),
				n.code(), n.name(), n.path(), n.latitude(), n.longitude(), n.population(), n.elderlyPopulation(), now, now })
			.toList();
		jdbcTemplate.batchUpdate("""
				INSERT INTO territory_node (id, parent_id, level, rural, code, name, path, latitude, longitude, population,
				  elderly_population, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, BATCH, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				if (row[i] == null) {
					ps.setNull(i + 1, INSERT_TYPES[i]);
				}
				else {
					ps.setObject(i + 1, row[i], INSERT_TYPES[i]);
				}
			}
		});
	}

	/** Moves the id identity of {@code territory_node} so its next value is {@code next}. */
	public void restartIdentity(long next) {
		String database = jdbcTemplate.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
		if (database != null && database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
			jdbcTemplate.query("SELECT setval(pg_get_serial_sequence('territory_node', 'id'), ?, false)",
					rs -> {
					}, next);
		}
		else {
			// H2: runs last, as this DDL statement commits the seeding transaction.
			jdbcTemplate.execute("ALTER TABLE territory_node ALTER COLUMN id RESTART WITH " + next);
		}
	}

	static TerritoryNode map(ResultSet rs, int row) throws SQLException {
		return new TerritoryNode(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class),
				TerritoryLevel.valueOf(rs.getString("level")), rs.getBoolean("rural"), rs.getString("code"),
				rs.getString("name"), rs.getString("path"), rs.getObject("latitude", Double.class),
				rs.getObject("longitude", Double.class), rs.getObject("population", Long.class),
				rs.getObject("elderly_population", Long.class));
	}
}
