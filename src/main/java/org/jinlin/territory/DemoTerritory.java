package org.jinlin.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jinlin.shared.DemoSeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo city of Fuzhou: the real districts and counties, streets and towns, communities
 * and villages listed in {@code demo/fuzhou-territory.csv}, and below each community a
 * deterministic set of grids, compounds and buildings around the community's location.
 * <p>
 * The whole tree (about 17,000 nodes) is planned in memory first, with ids and paths, and then
 * written in one JDBC batch.
 * Every Spring test context seeds a fresh database, so this must stay fast.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@Order(DemoSeeds.TERRITORY)
class DemoTerritory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

	static final String CSV = "demo/fuzhou-territory.csv";

	private static final String[] COMPOUND_NAMES = { "花园", "新村", "小区", "公寓", "苑", "大厦", "家园", "里" };

	private static final String[] COMPOUND_PREFIX = { "福", "榕", "闽", "安", "和", "乐", "康", "宁", "锦", "华", "金", "怡" };

	private static final int BATCH = 1000;

	private static final int[] INSERT_TYPES = { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE,
			Types.TIMESTAMP_WITH_TIMEZONE };

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	DemoTerritory(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** A node planned in memory, before it has an id. */
	record Planned(TerritoryLevel level, String parentCode, boolean rural, String code, String name, Double latitude,
			Double longitude, Long population, Long elderlyPopulation) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!DemoSeeds.claim(jdbc, "territory")) {
			return;
		}
		long start = System.nanoTime();
		List<Planned> plan = plan();
		int written = write(plan);
		log.info("Demo territory loaded: {} nodes in {} ms", written, (System.nanoTime() - start) / 1_000_000);
	}

	/** The whole demo tree, parents before children: the CSV rows and the subdivision of every community. */
	static List<Planned> plan() throws IOException {
		List<Planned> plan = new ArrayList<>();
		Map<String, Planned> byCode = new HashMap<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(CSV).getInputStream(), StandardCharsets.UTF_8))) {
			in.readLine(); // header
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", -1);
				TerritoryLevel level = TerritoryLevel.valueOf(f[0].trim());
				String parentCode = f[2].isBlank() ? null : f[2].trim();
				Planned parent = parentCode == null ? null : byCode.get(parentCode);
				if (level != TerritoryLevel.CITY && (parent == null || parent.level().childLevel() != level)) {
					throw new IllegalStateException("Demo territory row with unknown or wrong parent: " + line);
				}
				Planned node = new Planned(level, parentCode, Boolean.parseBoolean(f[4].trim()), f[1].trim(), f[3].trim(),
						dbl(f[5]), dbl(f[6]), lng(f[7]), lng(f[8]));
				if (byCode.put(node.code(), node) != null) {
					throw new IllegalStateException("Duplicate demo territory code: " + node.code());
				}
				plan.add(node);
				if (level == TerritoryLevel.COMMUNITY) {
					subdivide(node, plan);
				}
			}
		}
		return plan;
	}

	/** Grids, compounds and buildings of a community, the same on every run. */
	private static void subdivide(Planned community, List<Planned> plan) {
		Random random = new Random(community.code().hashCode());
		boolean rural = community.rural();
		double lat = community.latitude() == null ? 26.08 : community.latitude();
		double lon = community.longitude() == null ? 119.30 : community.longitude();
		int grids = rural ? 2 : 3 + random.nextInt(3);
		for (int g = 1; g <= grids; g++) {
			double glat = lat + (random.nextDouble() - 0.5) * 0.006;
			double glon = lon + (random.nextDouble() - 0.5) * 0.006;
			String gridCode = community.code() + "G" + two(g);
			plan.add(new Planned(TerritoryLevel.GRID, community.code(), rural, gridCode, "第" + g + "网格", glat, glon,
					null, null));
			int compounds = 2 + random.nextInt(2);
			for (int c = 1; c <= compounds; c++) {
				int first = random.nextInt(COMPOUND_PREFIX.length);
				int second = random.nextInt(COMPOUND_PREFIX.length);
				if (second == first) { // 锦华苑, not 锦锦苑
					second = (second + 1) % COMPOUND_PREFIX.length;
				}
				String name = COMPOUND_PREFIX[first] + COMPOUND_PREFIX[second]
						+ COMPOUND_NAMES[random.nextInt(COMPOUND_NAMES.length)];
				double clat = glat + (random.nextDouble() - 0.5) * 0.002;
				double clon = glon + (random.nextDouble() - 0.5) * 0.002;
				String compoundCode = gridCode + "C" + two(c);
				plan.add(new Planned(TerritoryLevel.COMPOUND, gridCode, rural, compoundCode, name, clat, clon, null, null));
				int buildings = 2 + random.nextInt(4);
				for (int b = 1; b <= buildings; b++) {
					plan.add(new Planned(TerritoryLevel.BUILDING, compoundCode, rural, compoundCode + "B" + two(b),
							b + "号楼", clat + (random.nextDouble() - 0.5) * 0.0006,
							clon + (random.nextDouble() - 0.5) * 0.0006, null, null));
				}
			}
		}
	}

	/**
	 * Writes the plan in one JDBC batch. Ids and paths are assigned here rather than by the identity
	 * column (a path contains the node's own id, so database-generated ids would need a second pass);
	 * afterwards the identity is moved past the last id so later inserts do not collide.
	 * Returns the number of nodes written.
	 */
	private int write(List<Planned> plan) {
		long base = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM territory_node").query(Long.class).single();
		Map<String, Long> ids = new HashMap<>();
		Map<String, String> paths = new HashMap<>();
		OffsetDateTime now = OffsetDateTime.now();
		List<Object[]> rows = new ArrayList<>(plan.size());
		long id = base;
		for (Planned p : plan) {
			id++;
			Long parentId = p.parentCode() == null ? null : ids.get(p.parentCode());
			String path = (p.parentCode() == null ? "/" : paths.get(p.parentCode())) + id + "/";
			ids.put(p.code(), id);
			paths.put(p.code(), path);
			rows.add(new Object[] { id, parentId, p.level().name(), p.rural(), p.code(), p.name(), path, p.latitude(),
					p.longitude(), p.population(), p.elderlyPopulation(), now, now });
		}
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
		restartIdentity(id + 1);
		return plan.size();
	}

	/** Moves the id identity of {@code territory_node} so its next value is {@code next}. */
	private void restartIdentity(long next) {
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

	private static String two(int i) {
		return i < 10 ? "0" + i : Integer.toString(i);
	}

	private static Double dbl(String s) {
		return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
	}

	private static Long lng(String s) {
		return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
	}
}
