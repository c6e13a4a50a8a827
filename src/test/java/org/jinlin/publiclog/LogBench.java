package org.jinlin.publiclog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.jinlin.publiclog.internal.LeafEntry;
import org.jinlin.publiclog.internal.LogIntegration;
import org.jinlin.publiclog.internal.LogRepository;
import org.jinlin.publiclog.internal.LogSettings;
import org.jinlin.publiclog.tlog.MerkleProofs;
import org.jinlin.publiclog.tlog.NodeSource;
import org.jinlin.publiclog.tlog.ProofVerifier;
import org.jinlin.publiclog.tlog.Tiles;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public log's benchmark (bench/publiclog/run.sh), on PostgreSQL in a schema of its own, each figure against a
 * baseline measured in the same run:
 * <ol>
 * <li><b>append</b>: N facts written as waiting and integrated by the application's own {@link LogIntegration}
 * (leaves, tiles, a signed checkpoint per batch of 2,000), against a plain batched insert of the same rows into a
 * table shaped like the leaves (no tree, no signature);</li>
 * <li><b>inclusion proofs at a large size</b> (10,000,000 leaves by default): the tree's tiles written straight into
 * the tile table, then proofs of random leaves from the tiles (at most one tile read per proof hash), against
 * recomputing a proof from the level-0 hashes alone (every leaf hash read and hashed up), which is what a log
 * without stored tiles would do.</li>
 * </ol>
 * Arguments: JDBC URL, user, password, schema, appended facts, tree size for the proofs.
 */
public final class LogBench {

	public static void main(String[] args) throws Exception {
		String url = args[0], user = args[1], password = args[2], schema = args[3];
		int appended = Integer.parseInt(args[4]);
		long big = Long.parseLong(args[5]);
		Flyway.configure().dataSource(url, user, password).schemas(schema).defaultSchema(schema)
			.locations("classpath:db/migration/publiclog").load().migrate();
		String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		var ds = new com.zaxxer.hikari.HikariDataSource();
		ds.setJdbcUrl(schemaUrl);
		ds.setUsername(user);
		ds.setPassword(password);
		ds.setMaximumPoolSize(4);
		JdbcClient jdbc = JdbcClient.create(ds);
		LogRepository repository = new LogRepository(jdbc);
		LogSettings settings = new LogSettings("jinlin.demo/log",
				"PRIVATE+KEY+jinlin.demo/log+9308b5fe+AdhTHb4mX9Lac8EDYdNDzHU+/18elr3rXkapu39hpP0B",
				"+0OtF0GBQX4oLxRYdMz3rakXjq0xKwjZ1JYNrhzmN0I=", 2000, java.time.Duration.ZERO);
		LogIntegration integration = new LogIntegration(repository, settings,
				new TransactionTemplate(new DataSourceTransactionManager(ds)));

		// ---------------------------------------------------------------- append
		List<LeafEntry> facts = new ArrayList<>(appended);
		for (int i = 0; i < appended; i++) {
			facts.add(LeafEntry.of("demand.closed:" + i, "demand.closed", null, Map.of("demand", i, "category",
					"environment", "community", 1000 + i % 300, "rating", "SATISFIED", "closed", "2026-12-07")));
		}
		jdbc.sql("CREATE TABLE bench_plain (idx BIGINT PRIMARY KEY, source_key VARCHAR(120) NOT NULL UNIQUE, "
				+ "kind VARCHAR(40) NOT NULL, holder VARCHAR(64), entry BYTEA NOT NULL, leaf_hash BYTEA NOT NULL, "
				+ "integrated_at TIMESTAMP WITH TIME ZONE NOT NULL)").update();
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(schemaUrl, user, password)) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_plain VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < facts.size(); i++) {
					LeafEntry f = facts.get(i);
					ps.setLong(1, i);
					ps.setString(2, f.sourceKey());
					ps.setString(3, f.kind());
					ps.setString(4, f.holder());
					ps.setBytes(5, f.entry());
					ps.setBytes(6, TreeHashes.leaf(f.entry()));
					ps.setTimestamp(7, Timestamp.from(Instant.now()));
					ps.addBatch();
					if (i % 2000 == 1999 || i == facts.size() - 1) {
						ps.executeBatch();
						c.commit();
					}
				}
			}
		}
		double plain = (System.nanoTime() - t0) / 1e9;

		long t1 = System.nanoTime();
		Instant now = Instant.now();
		for (int i = 0; i < facts.size(); i += 2000) {
			for (LeafEntry f : facts.subList(i, Math.min(facts.size(), i + 2000))) {
				repository.addPending(f, now);
			}
			integration.integrateBatch();
		}
		integration.integrateAll();
		double logged = (System.nanoTime() - t1) / 1e9;
		long size = jdbc.sql("SELECT tree_size FROM log_head").query(Long.class).single();
		if (size != appended) {
			throw new IllegalStateException("expected " + appended + " leaves, the head says " + size);
		}
		System.out.printf("RESULT append: %,d facts logged in %.1f s = %,.0f leaves/s (waiting row per fact, integration "
				+ "in batches of 2,000 with tiles and a signed checkpoint each); baseline plain batched insert of the "
				+ "same rows %.1f s = %,.0f rows/s; log/baseline time ratio %.1fx%n", appended, logged, appended / logged,
				plain, appended / plain, logged / plain);

		// ---------------------------------------------------------------- proofs at a large size
		jdbc.sql("CREATE TABLE bench_tile (level INT NOT NULL, idx BIGINT NOT NULL, hashes BYTEA NOT NULL, "
				+ "PRIMARY KEY (level, idx))").update();
		long t2 = System.nanoTime();
		Map<String, byte[]> edge = new HashMap<>();
		try (Connection c = DriverManager.getConnection(schemaUrl, user, password)) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement(
					"INSERT INTO bench_tile VALUES (?, ?, ?) ON CONFLICT (level, idx) DO UPDATE SET hashes = EXCLUDED.hashes")) {
				long built = 0;
				int batch = 0;
				while (built < big) {
					int n = (int) Math.min(65_536, big - built);
					List<byte[]> hashes = new ArrayList<>(n);
					for (int i = 0; i < n; i++) {
						hashes.add(TreeHashes.leaf(("leaf " + (built + i)).getBytes()));
					}
					for (Tiles.Tile t : Tiles.append(built, hashes, (l, i, w) -> edge.get(l + "/" + i))) {
						edge.put(t.level() + "/" + t.index(), t.hashes());
						ps.setInt(1, t.level());
						ps.setLong(2, t.index());
						ps.setBytes(3, t.hashes());
						ps.addBatch();
						if (++batch % 500 == 0) {
							ps.executeBatch();
						}
						if (t.width() == Tiles.WIDTH) {
							edge.remove(t.level() + "/" + t.index());
						}
					}
					built += n;
				}
				ps.executeBatch();
				c.commit();
			}
		}
		double build = (System.nanoTime() - t2) / 1e9;
		NodeSource fromTiles = Tiles.nodes((level, index, width) -> jdbc
			.sql("SELECT hashes FROM bench_tile WHERE level = ? AND idx = ?").params(level, index).query(byte[].class)
			.single());
		MerkleProofs tiles = new MerkleProofs(fromTiles);
		byte[] root = tiles.root(big);
		Random random = new Random(9162);
		int proofs = 1000;
		long t3 = System.nanoTime();
		for (int i = 0; i < proofs; i++) {
			long index = (long) (random.nextDouble() * big);
			List<byte[]> proof = tiles.inclusion(index, big);
			if (!ProofVerifier.inclusion(TreeHashes.leaf(("leaf " + index).getBytes()), index, big, proof, root).valid()) {
				throw new IllegalStateException("proof of " + index + " does not verify");
			}
		}
		double perProof = (System.nanoTime() - t3) / 1e6 / proofs;

		// Baseline: only the level-0 hashes are kept; every proof hash is hashed up from them.
		NodeSource levelZeroOnly = (level, index) -> {
			long first = index << level;
			long count = 1L << level;
			List<byte[]> row = new ArrayList<>();
			for (long tile = first / Tiles.WIDTH; tile * Tiles.WIDTH < first + count; tile++) {
				byte[] data = jdbc.sql("SELECT hashes FROM bench_tile WHERE level = 0 AND idx = ?").param(tile)
					.query(byte[].class).single();
				for (int j = 0; j < data.length / 32; j++) {
					long at = tile * Tiles.WIDTH + j;
					if (at >= first && at < first + count) {
						row.add(java.util.Arrays.copyOfRange(data, j * 32, j * 32 + 32));
					}
				}
			}
			while (row.size() > 1) {
				List<byte[]> up = new ArrayList<>(row.size() / 2);
				for (int j = 0; j < row.size(); j += 2) {
					up.add(TreeHashes.node(row.get(j), row.get(j + 1)));
				}
				row = up;
			}
			return row.get(0);
		};
		int baselineProofs = 3;
		long t4 = System.nanoTime();
		for (int i = 0; i < baselineProofs; i++) {
			long index = (long) (random.nextDouble() * big);
			new MerkleProofs(levelZeroOnly).inclusion(index, big);
		}
		double perBaseline = (System.nanoTime() - t4) / 1e6 / baselineProofs;
		System.out.printf("RESULT inclusion proof at %,d leaves: %.2f ms per proof from tiles (%d random leaves, each "
				+ "verified); baseline recomputed from level-0 hashes %.0f ms per proof (%d proofs); baseline/tiles ratio "
				+ "%.0fx; tiles written in %.1f s%n", big, perProof, proofs, perBaseline, baselineProofs,
				perBaseline / perProof, build);
	}
}
