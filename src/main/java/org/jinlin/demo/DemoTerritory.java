package org.jinlin.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.territory.TerritoryBulkLoad;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNodeDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo city of Fuzhou: the real districts and counties, streets and towns, communities
 * and villages listed in {@code demo/fuzhou-territory.csv}, and below each community a
 * deterministic set of grids, compounds and buildings around the community's location.
 * <p>
 * The whole tree (about 17,000 nodes) is planned in memory first and then written by the territory's
 * {@link TerritoryBulkLoad} in JDBC batches.
 * Every Spring test context seeds a fresh database, so this must stay fast.
 */
@DemoLoader
@Order(DemoSeeds.TERRITORY)
@RequiredArgsConstructor
class DemoTerritory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

	static final String CSV = "demo/fuzhou-territory.csv";

	private static final String[] COMPOUND_NAMES = { "花园", "新村", "小区", "公寓", "苑", "大厦", "家园", "里" };

	private static final String[] COMPOUND_PREFIX = { "福", "榕", "闽", "安", "和", "乐", "康", "宁", "锦", "华", "金", "怡" };

	private final JdbcClient jdbc;

	private final TerritoryBulkLoad territory;

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!DemoSeeds.claim(jdbc, "territory")) {
			return;
		}
		long start = System.nanoTime();
		List<TerritoryNodeDraft> plan = plan();
		int written = territory.load(plan);
		log.info("Demo territory loaded: {} nodes in {} ms", written, (System.nanoTime() - start) / 1_000_000);
	}

	/** The whole demo tree, parents before children: the CSV rows and the subdivision of every community. */
	static List<TerritoryNodeDraft> plan() throws IOException {
		List<TerritoryNodeDraft> plan = new ArrayList<>();
		Map<String, TerritoryNodeDraft> byCode = new HashMap<>();
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
				TerritoryNodeDraft parent = parentCode == null ? null : byCode.get(parentCode);
				if (level != TerritoryLevel.CITY && (parent == null || parent.level().childLevel() != level)) {
					throw new IllegalStateException("Demo territory row with unknown or wrong parent: " + line);
				}
				TerritoryNodeDraft node = new TerritoryNodeDraft(level, parentCode, Boolean.parseBoolean(f[4].trim()), f[1].trim(), f[3].trim(),
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
	private static void subdivide(TerritoryNodeDraft community, List<TerritoryNodeDraft> plan) {
		Random random = new Random(community.code().hashCode());
		boolean rural = community.rural();
		double lat = community.latitude() == null ? 26.08 : community.latitude();
		double lon = community.longitude() == null ? 119.30 : community.longitude();
		int grids = rural ? 2 : 3 + random.nextInt(3);
		for (int g = 1; g <= grids; g++) {
			double glat = lat + (random.nextDouble() - 0.5) * 0.006;
			double glon = lon + (random.nextDouble() - 0.5) * 0.006;
			String gridCode = community.code() + "G" + two(g);
			plan.add(new TerritoryNodeDraft(TerritoryLevel.GRID, community.code(), rural, gridCode, "第" + g + "网格", glat, glon,
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
				plan.add(new TerritoryNodeDraft(TerritoryLevel.COMPOUND, gridCode, rural, compoundCode, name, clat, clon, null, null));
				int buildings = 2 + random.nextInt(4);
				for (int b = 1; b <= buildings; b++) {
					plan.add(new TerritoryNodeDraft(TerritoryLevel.BUILDING, compoundCode, rural, compoundCode + "B" + two(b),
							b + "号楼", clat + (random.nextDouble() - 0.5) * 0.0006,
							clon + (random.nextDouble() - 0.5) * 0.0006, null, null));
				}
			}
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
