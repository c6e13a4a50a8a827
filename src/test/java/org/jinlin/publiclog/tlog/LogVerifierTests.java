package org.jinlin.publiclog.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The standalone verifier against a log served from memory: a sound log verifies; an altered entry, a rollback to
 * a smaller tree and a fork (the same size, other leaves) are each reported and fail.
 */
class LogVerifierTests {

	static final String ORIGIN = "jinlin.example/log";

	final SignedNote.Signer signer = SignedNote.signer(SignedNote.generateSignerKey(ORIGIN));

	/** A log of the given entries as a server would publish it: checkpoint and entry bundles. */
	Map<String, byte[]> publish(List<String> entries) {
		Map<String, byte[]> files = new HashMap<>();
		Map<String, byte[]> tiles = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> tiles.get(level + "/" + index);
		List<byte[]> raw = entries.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList();
		for (Tiles.Tile t : Tiles.append(0, raw.stream().map(TreeHashes::leaf).toList(), reader)) {
			tiles.put(t.level() + "/" + t.index(), t.hashes());
		}
		for (int n = 0; n * 256 < raw.size(); n++) {
			List<byte[]> bundle = raw.subList(n * 256, Math.min(raw.size(), (n + 1) * 256));
			files.put(Tiles.path("entries", n, bundle.size()), EntryBundles.encode(bundle));
		}
		byte[] root = new MerkleProofs(Tiles.nodes(reader)).root(raw.size());
		files.put("checkpoint", SignedNote.sign(new Checkpoint(ORIGIN, raw.size(), root).text(), signer)
			.getBytes(StandardCharsets.UTF_8));
		return files;
	}

	LogVerifier verifier(Map<String, byte[]> files) {
		return new LogVerifier(path -> {
			byte[] b = files.get(path);
			if (b == null) {
				throw new IOException(path + " answered 404");
			}
			return b;
		}, SignedNote.verifier(signer.verifierKey()));
	}

	static List<String> entries(int n, String prefix) {
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			entries.add("{\"kind\":\"demand.closed\",\"id\":" + i + ",\"p\":\"" + prefix + "\"}");
		}
		return entries;
	}

	@Test
	void aSoundLogVerifiesAndStaysConsistentAsItGrows() throws IOException {
		Map<String, byte[]> v1 = publish(entries(300, "a"));
		List<String> lines = new ArrayList<>();
		LogVerifier.Report first = verifier(v1).check(null, lines);
		assertThat(first.ok()).as(String.join("\n", lines)).isTrue();
		assertThat(lines).contains("recomputed the tree from 300 entries: the root matches");

		List<String> grown = entries(300, "a");
		grown.addAll(entries(213, "b"));
		lines.clear();
		LogVerifier.Report second = verifier(publish(grown)).check(new String(v1.get("checkpoint"), StandardCharsets.UTF_8), lines);
		assertThat(second.ok()).as(String.join("\n", lines)).isTrue();
		assertThat(lines).contains("consistent with the checkpoint seen before (size 300)");
	}

	@Test
	void anAlteredEntryARollbackAndAForkAreReported() throws IOException {
		Map<String, byte[]> log = publish(entries(300, "a"));
		String seen = new String(log.get("checkpoint"), StandardCharsets.UTF_8);

		Map<String, byte[]> altered = new HashMap<>(log);
		List<String> changed = entries(256, "a");
		changed.set(17, changed.get(17).replace("\"id\":17", "\"id\":71"));
		altered.put("tile/entries/000", EntryBundles.encode(changed.stream().map(String::getBytes).toList()));
		List<String> lines = new ArrayList<>();
		assertThat(verifier(altered).check(null, lines).ok()).isFalse();
		assertThat(String.join("\n", lines)).contains("do not hash to the checkpoint's root");

		lines.clear();
		assertThat(verifier(publish(entries(200, "a"))).check(seen, lines).ok()).isFalse();
		assertThat(String.join("\n", lines)).contains("ROLLBACK");

		lines.clear();
		List<String> forked = entries(300, "a");
		forked.set(5, "{\"kind\":\"demand.closed\",\"id\":5,\"p\":\"rewritten\"}");
		forked.addAll(entries(10, "b"));
		assertThat(verifier(publish(forked)).check(seen, lines).ok()).isFalse();
		assertThat(String.join("\n", lines)).contains("FORK");

		lines.clear();
		Map<String, byte[]> otherKey = publish(entries(300, "a"));
		SignedNote.Signer impostor = SignedNote.signer(SignedNote.generateSignerKey(ORIGIN));
		String text = SignedNote.open(new String(otherKey.get("checkpoint"), StandardCharsets.UTF_8),
				SignedNote.verifier(signer.verifierKey()));
		otherKey.put("checkpoint", SignedNote.sign(text, impostor).getBytes(StandardCharsets.UTF_8));
		assertThat(verifier(otherKey).check(null, lines).ok()).isFalse();
		assertThat(String.join("\n", lines)).contains("FAIL checkpoint");
	}
}
