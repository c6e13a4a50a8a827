package org.jinlin.demands;

import org.jinlin.demo.DemandGenerator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark loader (bench/demands/run.sh): writes synthetic demands with {@link DemandGenerator} into a
 * database the application has already migrated and seeded, while the application is stopped. The demands
 * are spread over every building of the city and over the last 365 days; progress is printed per batch.
 * <p>
 * Usage: {@code java -cp ... org.jinlin.demands.DemandBenchLoader <jdbc-url> <user> <password> <count> [seed]}
 */
public final class DemandBenchLoader {

	private DemandBenchLoader() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: DemandBenchLoader <jdbc-url> <user> <password> <count> [seed]");
			System.exit(2);
		}
		int count = Integer.parseInt(args[3]);
		long seed = args.length > 4 ? Long.parseLong(args[4]) : 20261127L;
		try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
			connection.setAutoCommit(true);
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			List<TerritoryNode> buildings = jdbc.query(
					"SELECT id, parent_id, level, rural, code, name, path, latitude, longitude FROM territory_node WHERE level = 'BUILDING'",
					(rs, n) -> new TerritoryNode(rs.getLong(1), rs.getLong(2), TerritoryLevel.valueOf(rs.getString(3)),
							rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Double.class),
							rs.getObject(9, Double.class), null, null));
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			DemandHistoryImport history = DemandHistoryImport.on(dataSource);
			List<DemandHistoryImport.Category> categories = history.activeCategories();
			long before = jdbc.queryForObject("SELECT COUNT(*) FROM demand", Long.class);
			System.out.printf("loader: %d buildings, %d categories, %d demands already there; writing %d%n",
					buildings.size(), categories.size(), before, count);
			long start = System.nanoTime();
			int step = Math.max(count / 20, 1);
			int[] next = { step };
			new DemandGenerator(history, seed).generate(count, buildings, categories, Instant.now(), Duration.ofDays(365), 2000,
					written -> {
						if (written >= next[0] || written == count) {
							double s = (System.nanoTime() - start) / 1e9;
							System.out.printf("loader: %,d / %,d demands (%.0f%%) in %.0f s, %,.0f rows/s%n", written, count,
									100.0 * written / count, s, written / s);
							next[0] += step;
						}
					});
			long analyze = System.nanoTime();
			jdbc.execute("ANALYZE");
			System.out.printf("loader: done, %d demands in the table; ANALYZE took %.1f s%n",
					jdbc.queryForObject("SELECT COUNT(*) FROM demand", Long.class), (System.nanoTime() - analyze) / 1e9);
		}
	}
}
