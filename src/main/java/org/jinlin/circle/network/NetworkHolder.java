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
 * new instance builds it on first use. When another instance switches networks, this one notices on its periodic
 * check of the active row ({@code jinlin.circle.network.check-every}, default 10 s) and builds the new network
 * aside, while requests keep being answered from the old one ({@link #serving()}); then it switches at once.
 * The instance that built a replacement switches with {@link #switchTo}, in the same step as it activates the row.
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

	private volatile LoadedNetwork loaded;

	private volatile long loadedFingerprint;

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
		Built built = build(row, buildings);
		loaded = built.network();
		loadedFingerprint = built.fingerprint();
		// The previous network is not closed: a coverage run or a request may still be reading it; it is
		// in memory only and goes with the garbage collector.
		return loaded;
	}

	/**
	 * The network requests are answered from: the one this instance has, even when another instance has just
	 * activated a new one that this instance is still building aside (see {@link #followActive()}); built on first use.
	 */
	public LoadedNetwork serving() {
		LoadedNetwork now = loaded;
		return now != null ? now : current();
	}

	/** The network as built on this instance, without building it. */
	LoadedNetwork peek() {
		return loaded;
	}

	/**
	 * Activates a network this instance has built and checked: {@code activate} (a transaction making its row the
	 * active one) and the switch of this instance's copy happen together, so no request sees the row without the
	 * network or the network without the row.
	 */
	synchronized void switchTo(LoadedNetwork prepared, Runnable activate) {
		activate.run();
		loaded = prepared;
		loadedFingerprint = 0;
	}

	/**
	 * The periodic check of the active row: when another instance activated a network, builds it aside (requests
	 * keep the old one meanwhile) and switches. An instance that has not used a network yet builds it on first use.
	 */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${jinlin.circle.network.check-every:PT10S}",
			initialDelayString = "${jinlin.circle.network.check-every:PT10S}")
	public void followActive() {
		LoadedNetwork now = loaded;
		if (now == null) {
			return;
		}
		try {
			NetworkRepository.Row row = rows.active().orElse(null);
			if (row == null || row.id() == now.id()) {
				return;
			}
			Built built = build(row, null);
			synchronized (this) {
				NetworkRepository.Row still = rows.active().orElse(null);
				if (loaded == now && still != null && still.id() == row.id()) {
					loaded = built.network();
					loadedFingerprint = built.fingerprint();
					log.info("Switched to walking network {} activated elsewhere", row.id());
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not follow the active walking network: {}", e.toString());
		}
	}

	private record Built(LoadedNetwork network, long fingerprint) {
	}

	private Built build(NetworkRepository.Row row, List<TerritoryNode> buildings) {
		long start = System.nanoTime();
		Built built;
		if (row.generated()) {
			List<TerritoryNode> around = buildings != null ? buildings
					: territories.lookupLevelUnder(TerritoryLevel.BUILDING, "/");
			List<GeneratedStreets.Point> points = around.stream()
				.filter(b -> b.latitude() != null && b.longitude() != null)
				.map(b -> new GeneratedStreets.Point(b.latitude(), b.longitude()))
				.toList();
			long fingerprint = fingerprint(around);
			built = new Built(generated(fingerprint, points).as(row.id(), row.name()), fingerprint);
		}
		else {
			built = new Built(loadExtract(row), 0);
		}
		log.info("Walking network {} ({}) ready: {} junctions, {} streets, in {} ms", row.id(), row.source(),
				built.network().walk().nodeCount(), built.network().edges(), (System.nanoTime() - start) / 1_000_000);
		return built;
	}

	/** Where this instance keeps built graphs, by extract checksum. */
	Path cacheDir() {
		return Path.of(settings.network().cacheDir()).toAbsolutePath();
	}

	/** The cached graph folder of an extract (specific to the minimum component size: fragments are flagged in it). */
	Path graphFolder(String sha256) {
		// "-rc": graphs with the road class (steps); older cached graphs without it are not reused
		return cacheDir().resolve(sha256 + "-graph-m" + settings.network().minComponentSize() + "-rc");
	}

	/** The cached copy of an extract. */
	Path extractFile(String sha256) {
		return cacheDir().resolve(sha256 + ".osm.pbf");
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

	/** Loads an extract's graph from the cache, first building it there from the database copy when missing. */
	LoadedNetwork loadExtract(NetworkRepository.Row row) {
		Path cache = cacheDir();
		Path file = extractFile(row.sha256());
		try {
			Files.createDirectories(cache);
			if (!Files.exists(file)) {
				Path part = Files.createTempFile(cache, row.sha256(), ".part");
				try {
					Files.write(part, rows.extract(row.id()));
					Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					Files.deleteIfExists(part);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the extract to the graph cache " + cache, e);
		}
		return OsmStreets.load(row.id(), row.name(), file, graphFolder(row.sha256()), settings.walkingSpeedKmh(),
				settings.network().minComponentSize());
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
