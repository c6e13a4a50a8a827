package org.jinlin.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo city of Fuzhou: the real districts, streets and communities listed in
 * {@code demo/fuzhou-territory.csv}, and below each community a deterministic set of grids,
 * compounds and buildings around the community's location.
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

	private final TerritoryRepository repository;

	private final JdbcClient jdbc;

	DemoTerritory(TerritoryRepository repository, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!DemoSeeds.claim(jdbc, "territory")) {
			return;
		}
		long start = System.nanoTime();
		Map<String, TerritoryNode> byCode = new HashMap<>();
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
				TerritoryNode parent = f[2].isBlank() ? null : byCode.get(f[2].trim());
				if (level != TerritoryLevel.CITY && parent == null) {
					throw new IllegalStateException("Demo territory row with unknown parent: " + line);
				}
				TerritoryNode node = repository.insert(parent, level, Boolean.parseBoolean(f[4].trim()), f[1].trim(),
						f[3].trim(), dbl(f[5]), dbl(f[6]), lng(f[7]), lng(f[8]));
				byCode.put(node.code(), node);
				if (level == TerritoryLevel.COMMUNITY) {
					subdivide(node);
				}
			}
		}
		log.info("Demo territory loaded: {} nodes in {} ms", repository.count(), (System.nanoTime() - start) / 1_000_000);
	}

	/** Grids, compounds and buildings of a community, the same on every run. */
	private void subdivide(TerritoryNode community) {
		Random random = new Random(community.code().hashCode());
		double lat = community.latitude() == null ? 26.08 : community.latitude();
		double lon = community.longitude() == null ? 119.30 : community.longitude();
		int grids = community.rural() ? 2 : 3 + random.nextInt(3);
		for (int g = 1; g <= grids; g++) {
			double glat = lat + (random.nextDouble() - 0.5) * 0.006;
			double glon = lon + (random.nextDouble() - 0.5) * 0.006;
			TerritoryNode grid = repository.insert(community, TerritoryLevel.GRID, community.rural(),
					community.code() + "G" + two(g), "第" + g + "网格", glat, glon, null, null);
			int compounds = 2 + random.nextInt(2);
			for (int c = 1; c <= compounds; c++) {
				String name = COMPOUND_PREFIX[random.nextInt(COMPOUND_PREFIX.length)]
						+ COMPOUND_PREFIX[random.nextInt(COMPOUND_PREFIX.length)]
						+ COMPOUND_NAMES[random.nextInt(COMPOUND_NAMES.length)];
				double clat = glat + (random.nextDouble() - 0.5) * 0.002;
				double clon = glon + (random.nextDouble() - 0.5) * 0.002;
				TerritoryNode compound = repository.insert(grid, TerritoryLevel.COMPOUND, community.rural(),
						grid.code() + "C" + two(c), name, clat, clon, null, null);
				int buildings = 2 + random.nextInt(4);
				for (int b = 1; b <= buildings; b++) {
					repository.insert(compound, TerritoryLevel.BUILDING, community.rural(), compound.code() + "B" + two(b),
							b + "号楼", clat + (random.nextDouble() - 0.5) * 0.0006, clon + (random.nextDouble() - 0.5) * 0.0006,
							null, null);
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
