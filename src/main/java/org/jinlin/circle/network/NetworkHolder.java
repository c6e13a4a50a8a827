package org.jinlin.circle.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's copy of the active walking network. The database says which network is active; each
 * instance builds (or loads from its graph cache) the same graph from it, so instances stay stateless: a
 * new instance, or one that sees another instance switch networks, rebuilds on its next use.
 */
@Component
@RequiredArgsConstructor
public class NetworkHolder {

	private static final Logger log = LoggerFactory.getLogger(NetworkHolder.class);

	/** Block side and reach of the generated grid, in metres. */
	static final double GRID_BLOCK = 100;

	static final double GRID_REACH = 1000;

	static final double GRID_MISSING = 0.06;

	private final NetworkRepository rows;

	private final Territories territories;

	private final CircleSettings settings;

	private final TransactionTemplate tx;

	private LoadedNetwork loaded;

	private long loadedFingerprint;

	/**
	 * Generated grids by the buildings they were built around, shared by everything in this JVM that runs on
	 * the same city (several application contexts in one test run), and given up under memory pressure.
	 */
	private static final java.util.Map<String, java.lang.ref.SoftReference<LoadedNetwork>> GENERATED = new java.util.HashMap<>();

	/** The active network, built on first use. */
	public LoadedNetwork current() {
		return current(null);
	}

	/**
	 * The active network; for the generated grid, rebuilt when the buildings differ from those it was built
	 * around (pass them, as the coverage run does; {@code null} skips the check).
	 */
	public synchronized LoadedNetwork current(List<TerritoryNode> buildings) {
		NetworkRepository.Row row = rows.active().orElseGet(() -> {
			tx.executeWithoutResult(s -> rows.activateGeneratedIfNone());
			return rows.active().orElseThrow();
		});
		boolean same = loaded != null && loaded.id() == row.id();
		if (same && row.generated() && buildings != null && fingerprint(buildings) != loadedFingerprint) {
			same = false;
		}
		if (same) {
			return loaded;
		}
		long start = System.nanoTime();
		if (row.generated()) {
			List<TerritoryNode> around = buildings != null ? buildings
					: territories.lookupLevelUnder(TerritoryLevel.BUILDING, "/");
			List<GeneratedStreets.Point> points = around.stream()
				.filter(b -> b.latitude() != null && b.longitude() != null)
				.map(b -> new GeneratedStreets.Point(b.latitude(), b.longitude()))
				.toList();
			long fingerprint = fingerprint(around);
			loaded = generated(fingerprint, points).as(row.id(), row.name());
			loadedFingerprint = fingerprint;
		}
		else {
			loaded = loadExtract(row);
		}
		log.info("Walking network {} ({}) ready: {} junctions, {} streets, in {} ms", row.id(), row.source(),
				loaded.walk().nodeCount(), loaded.edges(), (System.nanoTime() - start) / 1_000_000);
		// The previous network is not closed: a coverage run or a request may still be reading it; it is
		// in memory only and goes with the garbage collector.
		return loaded;
	}

	/** The network as built on this instance, without building it. */
	synchronized LoadedNetwork peek() {
		return loaded;
	}

	private LoadedNetwork generated(long fingerprint, List<GeneratedStreets.Point> points) {
		String key = fingerprint + "@" + settings.walkingSpeedKmh() + "/" + settings.network().minComponentSize();
		synchronized (GENERATED) {
			java.lang.ref.SoftReference<LoadedNetwork> ref = GENERATED.get(key);
			LoadedNetwork network = ref == null ? null : ref.get();
			if (network == null) {
				network = GeneratedStreets.build(0, "generated", points, GRID_BLOCK, GRID_REACH, GRID_MISSING,
						settings.walkingSpeedKmh(), settings.network().minComponentSize());
				GENERATED.values().removeIf(r -> r.get() == null);
				GENERATED.put(key, new java.lang.ref.SoftReference<>(network));
			}
			return network;
		}
	}

	private LoadedNetwork loadExtract(NetworkRepository.Row row) {
		Path cache = Path.of(settings.network().cacheDir()).toAbsolutePath();
		Path file = cache.resolve(row.sha256() + ".osm.pbf");
		try {
			Files.createDirectories(cache);
			if (!Files.exists(file)) {
				Path part = Files.createTempFile(cache, row.sha256(), ".part");
				Files.write(part, rows.extract(row.id()));
				Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the extract to the graph cache " + cache, e);
		}
		int minComponent = settings.network().minComponentSize();
		return OsmStreets.load(row.id(), row.name(), file, cache.resolve(row.sha256() + "-graph-m" + minComponent),
				settings.walkingSpeedKmh(), minComponent);
	}

	private static long fingerprint(List<TerritoryNode> buildings) {
		long h = buildings.size();
		for (TerritoryNode b : buildings) {
			h = h * 31 + b.id();
			h = h * 31 + Double.hashCode(b.latitude() == null ? 0 : b.latitude());
			h = h * 31 + Double.hashCode(b.longitude() == null ? 0 : b.longitude());
		}
		return h;
	}
}
