package org.jinlin.circle.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * A finished coverage run written straight into the result tables, with known figures, so the read side can be tested
 * without the walking network: every community of 鼓楼区 is covered except 庆城社区 (lacks the 2nd and 4th required
 * categories) and 文儒坊社区 (lacks the 4th; two of its buildings are not on the walking network); 紫阳社区 (晋安区) lacks the 3rd; the rural 横屿村 (仓山区) lacks the 2nd.
 * It becomes the latest run (it waits for any real run in progress first), once per database.
 */
final class FakeRun {

	static final String REASON = "test:fake-run";

	static final String QINGCHENG = "350102004002";

	static final String WENRUFANG = "350102004004";

	static final String ZIYANG = "350111003001";

	static final String HENGYU = "350104100201";

	private FakeRun() {
	}

	/** The codes of the required categories the figures use: [0] .. [3]. */
	static List<String> categories(CategoryCatalogue catalogue) {
		List<String> codes = catalogue.required().stream()
			.sorted(java.util.Comparator.comparingInt(FacilityCategory::sortOrder))
			.map(FacilityCategory::code)
			.toList();
		if (codes.size() < 4) {
			throw new IllegalStateException("The tests need four required categories: " + codes);
		}
		return codes;
	}

	static synchronized long ensure(JdbcClient jdbc, CategoryCatalogue catalogue,
			org.springframework.transaction.support.TransactionTemplate tx) {
		return tx.execute(status -> insert(jdbc, catalogue));
	}

	private static long insert(JdbcClient jdbc, CategoryCatalogue catalogue) {
		await().atMost(Duration.ofSeconds(180)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM circle_run WHERE status IN ('QUEUED','RUNNING')").query(Long.class).single() == 0);
		var latest = jdbc.sql("SELECT id, reason FROM circle_run WHERE status = 'DONE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.optional();
		if (latest.isPresent() && REASON.equals(latest.get().getValue())) {
			return latest.get().getKey();
		}
		List<String> c = categories(catalogue);
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO circle_run (status, reason, requested_by, requested_at, started_at, finished_at, progress, stage,
					network_name, network_nodes, network_edges, threshold_seconds, cutoff_seconds, speed_kmh, facilities,
					buildings, communities, compute_ms)
				VALUES ('DONE', ?, 'test', ?, ?, ?, 100, 'done', 'test grid', 10, 20, 900, 1800, 4.0, 0, 0, 0, 1)""")
			.params(REASON, now, now, now)
			.update();
		long run = jdbc.sql("SELECT MAX(id) FROM circle_run WHERE reason = ?").param(REASON).query(Long.class).single();

		List<Object[]> communities = jdbc.sql("""
				SELECT id, code, name, path, rural, population, latitude, longitude FROM territory_node
				WHERE level = 'COMMUNITY' AND (path LIKE (SELECT path FROM territory_node WHERE code = '350102') || '%'
					OR code IN (?, ?)) ORDER BY code""")
			.params(ZIYANG, HENGYU)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getObject(6, Long.class), rs.getObject(7, Double.class), rs.getObject(8, Double.class) })
			.list();
		for (Object[] row : communities) {
			long id = (Long) row[0];
			String code = (String) row[1];
			List<String> missing = switch (code) {
				case QINGCHENG -> List.of(c.get(1), c.get(3));
				case WENRUFANG -> List.of(c.get(3));
				case ZIYANG -> List.of(c.get(2));
				case HENGYU -> List.of(c.get(1));
				default -> List.of();
			};
			long population = row[5] == null ? 1000 : (Long) row[5];
			List<Object[]> buildings = jdbc.sql("""
					SELECT id, name, path, latitude, longitude FROM territory_node
					WHERE level = 'BUILDING' AND path LIKE ? ORDER BY id""")
				.param(row[3] + "%")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
						rs.getDouble(5) })
				.list();
			// 文儒坊社区's first two buildings are not on the walking network: one 420 m from it, one with no street of
			// it found around it.
			int offNetwork = code.equals(WENRUFANG) ? Math.min(2, buildings.size()) : 0;
			jdbc.sql("""
					INSERT INTO circle_community_result (run_id, community_id, code, name, territory_path, rural, population,
						latitude, longitude, buildings, covered, missing, residents_covered_share, off_network_buildings)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(run, id, code, row[2], row[3], row[4], population, row[6], row[7], buildings.size(),
						missing.isEmpty(), String.join(",", missing), missing.isEmpty() ? 1.0 : 0.4, offNetwork)
				.update();
			StringBuilder times = new StringBuilder();
			for (int i = 0; i < c.size(); i++) {
				String cat = c.get(i);
				// a missing category: the first one beyond the cutoff (NULL), the others over the threshold
				Integer seconds = !missing.contains(cat) ? Integer.valueOf(300 + 60 * i)
						: missing.indexOf(cat) == 0 ? null : Integer.valueOf(1200);
				jdbc.sql("INSERT INTO circle_community_time (run_id, community_id, category, seconds) VALUES (?, ?, ?, ?)")
					.params(run, id, cat, seconds)
					.update();
				times.append(cat).append('=').append(seconds == null ? "" : seconds.toString()).append(';');
			}
			String noWalks = c.stream().map(cat -> cat + "=").collect(java.util.stream.Collectors.joining(";"));
			List<Object[]> batch = new ArrayList<>();
			for (Object[] b : buildings) {
				boolean off = batch.size() < offNetwork;
				Double access = !off ? Double.valueOf(25.0) : batch.isEmpty() ? Double.valueOf(420.0) : null;
				batch.add(new Object[] { run, b[0], id, b[2], code + " " + b[1], b[3], b[4],
						(double) population / buildings.size(), access,
						!off && missing.isEmpty(), off ? noWalks : times.toString(), off });
			}
			for (Object[] b : batch) {
				jdbc.sql("""
						INSERT INTO circle_building_result (run_id, building_id, community_id, territory_path, name, latitude,
							longitude, population, access_metres, covered, times, off_network)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(b)
					.update();
			}
		}
		return run;
	}
}
