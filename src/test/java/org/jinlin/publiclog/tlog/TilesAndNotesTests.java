package org.jinlin.publiclog.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Tiles as C2SP tlog-tiles lays them out (paths, partial widths, levels built as leaves arrive in batches of any
 * size), and signed notes and checkpoints as C2SP signed-note and tlog-checkpoint write them (the Go reference
 * implementation's key and note).
 */
class TilesAndNotesTests {

	static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

	static final String TEXT = "If you think cryptography is the answer to your problem,\n"
			+ "then you don't know what your problem is.\n";

	static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

	@Test
	void tilePathsAreWrittenInGroupsOfThreeDigits() {
		assertThat(Tiles.encodeIndex(0)).isEqualTo("000");
		assertThat(Tiles.encodeIndex(5)).isEqualTo("005");
		assertThat(Tiles.encodeIndex(1000)).isEqualTo("x001/000");
		assertThat(Tiles.encodeIndex(1234067)).isEqualTo("x001/x234/067");
		assertThat(Tiles.path("0", 1234067, 256)).isEqualTo("tile/0/x001/x234/067");
		assertThat(Tiles.path("entries", 5, 17)).isEqualTo("tile/entries/005.p/17");
		for (long n : new long[] { 0, 7, 999, 1000, 1234067, 999_999_999_999L }) {
			assertThat(Tiles.decodeIndex(Tiles.encodeIndex(n))).isEqualTo(n);
		}
		for (String bad : new String[] { "5", "0005", "x000/005", "001/002", "x1/005", "", "x001/", "abc" }) {
			assertThat(Tiles.decodeIndex(bad)).as(bad).isEqualTo(-1);
		}
	}

	@Test
	void tilesBuiltInBatchesGiveTheSameRootsAsTheDefinition() {
		Map<String, byte[]> store = new HashMap<>();
		Tiles.TileReader reader = (level, index, width) -> {
			byte[] tile = store.get(level + "/" + index);
			assertThat(tile).as("tile %d/%d", level, index).isNotNull();
			assertThat(tile.length).isGreaterThanOrEqualTo(width * TreeHashes.SIZE);
			return tile;
		};
		MerkleProofs tree = new MerkleProofs(Tiles.nodes(reader));
		List<byte[]> leaves = new ArrayList<>();
		Random random = new Random(9162);
		int[] checks = { 1, 255, 256, 257, 511, 65535, 65536, 65537, 70_000 };
		long size = 0;
		for (int target : checks) {
			while (size < target) {
				int batch = (int) Math.min(target - size, 1 + random.nextInt(700));
				List<byte[]> hashes = new ArrayList<>();
				for (int i = 0; i < batch; i++) {
					hashes.add(TreeHashes.leaf(("entry " + (size + i)).getBytes()));
				}
				for (Tiles.Tile t : Tiles.append(size, hashes, reader)) {
					byte[] before = store.get(t.level() + "/" + t.index());
					if (before != null) {
						assertThat(Arrays.copyOf(t.hashes(), before.length)).as("a tile only grows").isEqualTo(before);
					}
					store.put(t.level() + "/" + t.index(), t.hashes());
				}
				leaves.addAll(hashes);
				size += batch;
			}
			assertThat(tree.root(size)).as("root of %d", size).isEqualTo(MerkleProofsTests.mth(leaves));
			assertThat(Tiles.width(0, size / 256, size)).isEqualTo((int) (size % 256 == 0 ? 0 : size % 256));
		}
		// 70,000 leaves: 273 full tiles and one of 112 at level 0, one of 17 at level 1, one of 1 at level 2
		assertThat(store.get("0/273").length / 32).isEqualTo(112);
		assertThat(store.get("1/1").length / 32).isEqualTo(17);
		assertThat(store.get("2/0").length / 32).isEqualTo(1);
		long index = 65_538;
		assertThat(ProofVerifier.inclusion(leaves.get((int) index), index, size, tree.inclusion(index, size),
				tree.root(size)).valid()).isTrue();
		assertThat(ProofVerifier.consistency(300, size, tree.consistency(300, size), tree.root(300), tree.root(size))
			.valid()).isTrue();
	}

	@Test
	void theGoReferenceNoteOpensWithItsKeyAndNotAltered() {
		SignedNote.Verifier verifier = SignedNote.verifier(VKEY);
		assertThat(SignedNote.open(NOTE, verifier)).isEqualTo(TEXT);
		assertThatThrownBy(() -> SignedNote.open(NOTE.replace("cryptography", "cryptographY"), verifier))
			.hasMessageContaining("not valid");
		// Ed25519 is deterministic: our signer writes the very same note from the same key
		SignedNote.Signer signer = SignedNote.signer(SKEY);
		assertThat(signer.verifierKey()).isEqualTo(VKEY);
		assertThat(SignedNote.sign(TEXT, signer)).isEqualTo(NOTE);
	}

	@Test
	void aCheckpointIsSignedAndReadBackAndAnotherKeyIsRefused() {
		SignedNote.Signer signer = SignedNote.signer(SignedNote.generateSignerKey("jinlin.example/log"));
		byte[] root = TreeHashes.sha256("root".getBytes());
		String note = SignedNote.sign(new Checkpoint("jinlin.example/log", 42, root).text(), signer);
		assertThat(note).startsWith("jinlin.example/log\n42\n").contains("\n\n\u2014 jinlin.example/log ");
		Checkpoint read = Checkpoint.parse(SignedNote.open(note, SignedNote.verifier(signer.verifierKey())));
		assertThat(read.size()).isEqualTo(42);
		assertThat(read.rootHash()).isEqualTo(root);

		SignedNote.Signer other = SignedNote.signer(SignedNote.generateSignerKey("jinlin.example/log"));
		assertThatThrownBy(() -> SignedNote.open(note, SignedNote.verifier(other.verifierKey())))
			.hasMessageContaining("not signed by");
		assertThatThrownBy(() -> Checkpoint.parse("origin\n042\nAAAA\n")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Checkpoint.parse("origin\n42\n")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignedNote.verifier("name+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
			.hasMessageContaining("does not match");
	}
}
