package org.jinlin.publiclog.tlog;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone verifier: no Spring, nothing but the JDK and this package. It fetches the log's signed checkpoint,
 * checks the signature with the published key, fetches every entry bundle, recomputes the tree from the entries and
 * compares the root, then compares with the last checkpoint it saw (kept in a file): a smaller tree is a rollback, a
 * tree whose first leaves hash to another root is a fork. Exit code 0 when everything holds, 1 otherwise.
 *
 * <pre>
 * java -cp target/classes org.jinlin.publiclog.tlog.LogVerifier http://localhost:8080/log '&lt;verifier key&gt;' [state-file]
 * </pre>
 */
public final class LogVerifier {

	/** What a run found: the checkpoint's size and whether everything held, with the lines it reported. */
	public record Report(long size, boolean ok, List<String> lines) {
	}

	/** Fetches a path below the log's address. */
	@FunctionalInterface
	public interface Fetcher {

		byte[] get(String path) throws IOException;
	}

	private final Fetcher fetcher;

	private final SignedNote.Verifier key;

	public LogVerifier(Fetcher fetcher, SignedNote.Verifier key) {
		this.fetcher = fetcher;
		this.key = key;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: LogVerifier <log address, e.g. http://localhost:8080/log> <verifier key> [state file]");
			System.exit(2);
		}
		String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Fetcher fetcher = path -> {
			try {
				HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				if (r.statusCode() != 200) {
					throw new IOException(path + " answered " + r.statusCode());
				}
				return r.body();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted", e);
			}
		};
		Path state = Path.of(args.length > 2 ? args[2] : "jinlin-log.checkpoint");
		Report report = new LogVerifier(fetcher, SignedNote.verifier(args[1])).verify(state, System.out);
		System.exit(report.ok() ? 0 : 1);
	}

	/** Verifies the log as it is now against the checkpoint saved in {@code state} (if any), and saves the new one. */
	public Report verify(Path state, PrintStream out) throws IOException {
		List<String> lines = new ArrayList<>();
		Report report = check(Files.exists(state) ? Files.readString(state, StandardCharsets.UTF_8) : null, lines);
		lines.forEach(out::println);
		if (report.ok()) {
			Files.writeString(state, new String(fetcher.get("checkpoint"), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		return report;
	}

	/** The checks themselves, with the previous checkpoint note (or null the first time). */
	public Report check(String previousNote, List<String> lines) throws IOException {
		Checkpoint checkpoint;
		try {
			checkpoint = Checkpoint.parse(SignedNote.open(new String(fetcher.get("checkpoint"), StandardCharsets.UTF_8), key));
		}
		catch (IllegalArgumentException e) {
			lines.add("FAIL checkpoint: " + e.getMessage());
			return new Report(-1, false, lines);
		}
		lines.add("checkpoint " + checkpoint.origin() + " size " + checkpoint.size() + " signed by " + key.name());
		if (!checkpoint.origin().equals(key.name())) {
			lines.add("FAIL the checkpoint's origin is not the key's name");
			return new Report(checkpoint.size(), false, lines);
		}

		Map<String, byte[]> tiles = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> tiles.get(level + "/" + index);
		long size = 0;
		long bundles = (checkpoint.size() + Tiles.WIDTH - 1) / Tiles.WIDTH;
		for (long n = 0; n < bundles; n++) {
			int width = (int) Math.min(Tiles.WIDTH, checkpoint.size() - n * Tiles.WIDTH);
			List<byte[]> entries;
			try {
				entries = EntryBundles.decode(fetcher.get(Tiles.path("entries", n, width)));
			}
			catch (IllegalArgumentException e) {
				lines.add("FAIL entry bundle " + n + ": " + e.getMessage());
				return new Report(checkpoint.size(), false, lines);
			}
			if (entries.size() < width) {
				lines.add("FAIL entry bundle " + n + " holds " + entries.size() + " entries, not " + width);
				return new Report(checkpoint.size(), false, lines);
			}
			List<byte[]> hashes = entries.subList(0, width).stream().map(TreeHashes::leaf).toList();
			for (Tiles.Tile t : Tiles.append(size, hashes, reader)) {
				tiles.put(t.level() + "/" + t.index(), t.hashes());
			}
			size += width;
		}
		MerkleProofs tree = new MerkleProofs(Tiles.nodes(reader));
		if (!MessageDigest.isEqual(tree.root(size), checkpoint.rootHash())) {
			lines.add("FAIL the entries do not hash to the checkpoint's root: an entry was altered, added or removed");
			return new Report(checkpoint.size(), false, lines);
		}
		lines.add("recomputed the tree from " + size + " entries: the root matches");

		if (previousNote != null) {
			Checkpoint previous;
			try {
				previous = Checkpoint.parse(SignedNote.open(previousNote, key));
			}
			catch (IllegalArgumentException e) {
				lines.add("FAIL the saved checkpoint does not open: " + e.getMessage());
				return new Report(checkpoint.size(), false, lines);
			}
			if (previous.size() > checkpoint.size()) {
				lines.add("FAIL ROLLBACK: the log was " + previous.size() + " leaves and is now " + checkpoint.size());
				return new Report(checkpoint.size(), false, lines);
			}
			if (!MessageDigest.isEqual(tree.root(previous.size()), previous.rootHash())) {
				lines.add("FAIL FORK: the first " + previous.size() + " leaves no longer hash to the root signed before");
				return new Report(checkpoint.size(), false, lines);
			}
			lines.add("consistent with the checkpoint seen before (size " + previous.size() + ")");
		}
		lines.add("OK");
		return new Report(checkpoint.size(), true, lines);
	}
}
