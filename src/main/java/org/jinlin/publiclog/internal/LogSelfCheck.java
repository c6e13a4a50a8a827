package org.jinlin.publiclog.internal;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.tlog.MerkleProofs;
import org.jinlin.publiclog.tlog.SignedNote;
import org.jinlin.publiclog.tlog.Tiles;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log checks itself: every leaf's entry hashes to its stored leaf hash, the leaves are numbered without a gap,
 * each level-0 tile holds exactly those hashes, each higher tile the roots of the full tiles below it, the latest
 * checkpoint's root is the root of the tiles and its signature is valid. An altered, deleted or inserted leaf or tile
 * row is found and reported (the health endpoint, the staff page, the log), never silently served. Runs after each
 * integration's schedule and on demand.
 */
@Service
@RequiredArgsConstructor
public class LogSelfCheck {

	private static final Logger log = LoggerFactory.getLogger(LogSelfCheck.class);

	private final LogRepository repository;

	private final LogSettings settings;

	private final AtomicReference<Result> last = new AtomicReference<>();

	/** What a check found: the size checked and the problems (none when the log is sound). */
	public record Result(long size, List<String> problems, Instant at) {

		public boolean sound() {
			return problems.isEmpty();
		}
	}

	/** The last check's result, if one ran on this instance. */
	public Result last() {
		return last.get();
	}

	@Transactional(readOnly = true)
	public Result check() {
		List<String> problems = new ArrayList<>();
		var checkpoint = repository.latestCheckpoint();
		long size = checkpoint.map(LogRepository.CheckpointRow::size).orElse(0L);
		try {
			checkLeavesAndTiles(size, problems);
			if (checkpoint.isPresent() && problems.isEmpty()) {
				var c = checkpoint.get();
				MerkleProofs tree = new MerkleProofs(Tiles.nodes((level, index, width) -> repository.tile(level, index)
					.orElseThrow(() -> new IllegalStateException("tile " + level + "/" + index + " is missing"))));
				if (!MessageDigest.isEqual(tree.root(size), c.rootHash())) {
					problems.add("the tiles do not hash to the latest checkpoint's root");
				}
				try {
					SignedNote.open(c.note(), SignedNote.verifier(settings.verifierKey()));
				}
				catch (IllegalArgumentException e) {
					problems.add("the latest checkpoint's signature: " + e.getMessage());
				}
			}
		}
		catch (IllegalStateException e) {
			problems.add(e.getMessage());
		}
		Result result = new Result(size, List.copyOf(problems), Instant.now());
		last.set(result);
		if (!result.sound()) {
			log.error("Public log self-check failed at size {}: {}", size, problems);
		}
		return result;
	}

	/**
	 * Level 0 against the leaves, then each level against the roots of the full tiles of the level below, collected
	 * on the way up: every tile row is read once.
	 */
	private void checkLeavesAndTiles(long size, List<String> problems) {
		List<byte[]> roots = new ArrayList<>();
		long tiles0 = (size + Tiles.WIDTH - 1) / Tiles.WIDTH;
		for (long n = 0; n < tiles0 && problems.size() < 20; n++) {
			long from = n * Tiles.WIDTH;
			int width = (int) Math.min(Tiles.WIDTH, size - from);
			List<LogRepository.LeafRow> leaves = repository.leaves(from, from + width);
			byte[] tile = repository.tile(0, n).orElse(new byte[0]);
			collectRoot(tile, roots);
			if (leaves.size() != width) {
				problems.add("leaves " + from + "–" + (from + width - 1) + ": " + leaves.size() + " rows, not " + width);
				continue;
			}
			for (int i = 0; i < width; i++) {
				LogRepository.LeafRow leaf = leaves.get(i);
				if (leaf.index() != from + i) {
					problems.add("leaf " + (from + i) + " is missing");
					break;
				}
				byte[] hash = TreeHashes.leaf(leaf.entry());
				if (!MessageDigest.isEqual(hash, leaf.leafHash())) {
					problems.add("leaf " + leaf.index() + ": its entry does not hash to its leaf hash");
				}
				else if (!holds(tile, i, hash)) {
					problems.add("leaf " + leaf.index() + ": tile 0/" + n + " holds another hash");
				}
			}
		}
		for (int level = 1; Tiles.hashesAtLevel(level, size) > 0; level++) {
			List<byte[]> below = roots;
			roots = new ArrayList<>();
			long hashes = Tiles.hashesAtLevel(level, size);
			for (long n = 0; n * Tiles.WIDTH < hashes; n++) {
				byte[] tile = repository.tile(level, n).orElse(new byte[0]);
				collectRoot(tile, roots);
				int width = Tiles.width(level, n, size);
				for (int i = 0; i < width; i++) {
					int at = (int) (n * Tiles.WIDTH + i);
					if (at >= below.size() || !holds(tile, i, below.get(at))) {
						problems.add("tile " + level + "/" + n + " hash " + i + " is not the root of tile " + (level - 1)
								+ "/" + at);
					}
				}
			}
		}
	}

	/** The root of a full tile, for the level above (a partial tile has no node there yet). */
	private static void collectRoot(byte[] tile, List<byte[]> roots) {
		if (tile.length >= Tiles.WIDTH * TreeHashes.SIZE) {
			roots.add(Tiles.rootOf(tile, 0, Tiles.WIDTH));
		}
	}

	private static boolean holds(byte[] tile, int i, byte[] hash) {
		return tile.length >= (i + 1) * TreeHashes.SIZE && MessageDigest.isEqual(hash,
				Arrays.copyOfRange(tile, i * TreeHashes.SIZE, (i + 1) * TreeHashes.SIZE));
	}
}
