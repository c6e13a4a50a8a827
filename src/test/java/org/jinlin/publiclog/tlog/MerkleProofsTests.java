package org.jinlin.publiclog.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jinlin.publiclog.tlog.ProofVerifier.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The tree and its proofs against RFC 6962/9162: the published test vectors (the eight leaves of the RFC 6962 test
 * suite, their roots and proofs), and for every tree size up to 70 and every index, proofs built from complete
 * subtrees that a straightforward recomputation of the RFC's definition accepts, while every altered proof, index,
 * size or root is refused.
 */
class MerkleProofsTests {

	static final HexFormat HEX = HexFormat.of();

	static final String[] LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	static final String[] ROOTS = { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	/** MTH of a list, written straight from RFC 9162 section 2.1.1, independent of the code under test. */
	static byte[] mth(List<byte[]> leafHashes) {
		if (leafHashes.size() == 1) {
			return leafHashes.get(0);
		}
		int k = Integer.highestOneBit(leafHashes.size() - 1);
		return TreeHashes.node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, leafHashes.size())));
	}

	static List<byte[]> leafHashes(int n) {
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			hashes.add(TreeHashes.leaf(("leaf " + i).getBytes()));
		}
		return hashes;
	}

	/** Complete subtrees recomputed from the leaves (what tiles store). */
	static NodeSource source(List<byte[]> leaves) {
		return (level, index) -> {
			int from = (int) (index << level);
			int to = from + (1 << level);
			assertThat(to).as("only complete subtrees are asked for").isLessThanOrEqualTo(leaves.size());
			return mth(leaves.subList(from, to));
		};
	}

	static List<byte[]> hexes(String... hex) {
		return List.of(hex).stream().map(HEX::parseHex).toList();
	}

	@Test
	void theRfc6962TestVectors() {
		List<byte[]> leaves = new ArrayList<>();
		for (String leaf : LEAVES) {
			leaves.add(TreeHashes.leaf(HEX.parseHex(leaf)));
		}
		MerkleProofs tree = new MerkleProofs(source(leaves));
		for (int size = 1; size <= 8; size++) {
			assertThat(HEX.formatHex(tree.root(size))).as("root of %d", size).isEqualTo(ROOTS[size - 1]);
		}
		assertThat(HEX.formatHex(tree.root(0)))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

		List<byte[]> path = hexes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(tree.inclusion(5, 8)).usingElementComparator(HEX_ORDER).containsExactlyElementsOf(path);
		assertThat(ProofVerifier.inclusion(leaves.get(5), 5, 8, path, HEX.parseHex(ROOTS[7])).valid()).isTrue();
		assertThat(ProofVerifier.inclusion(leaves.get(5), 4, 8, path, HEX.parseHex(ROOTS[7])).valid()).isFalse();

		List<byte[]> consistency = hexes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(tree.consistency(6, 8)).usingElementComparator(HEX_ORDER).containsExactlyElementsOf(consistency);
		assertThat(ProofVerifier.consistency(6, 8, consistency, HEX.parseHex(ROOTS[5]), HEX.parseHex(ROOTS[7])).valid())
			.isTrue();
		assertThat(ProofVerifier.consistency(6, 8, consistency, HEX.parseHex(ROOTS[4]), HEX.parseHex(ROOTS[7])).valid())
			.isFalse();
		List<byte[]> twoToFive = hexes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
		assertThat(tree.consistency(2, 5)).usingElementComparator(HEX_ORDER).containsExactlyElementsOf(twoToFive);
		assertThat(ProofVerifier.consistency(2, 5, twoToFive, HEX.parseHex(ROOTS[1]), HEX.parseHex(ROOTS[4])).valid())
			.isTrue();
	}

	static final java.util.Comparator<byte[]> HEX_ORDER = (a, b) -> HEX.formatHex(a).compareTo(HEX.formatHex(b));

	@Test
	void everyInclusionProofUpTo70LeavesVerifiesAndEveryAlterationIsRefused() {
		List<byte[]> leaves = leafHashes(70);
		MerkleProofs tree = new MerkleProofs(source(leaves));
		for (int size = 1; size <= 70; size++) {
			byte[] root = mth(leaves.subList(0, size));
			assertThat(tree.root(size)).isEqualTo(root);
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = tree.inclusion(index, size);
				byte[] leaf = leaves.get(index);
				assertThat(ProofVerifier.inclusion(leaf, index, size, proof, root).valid()).as("%d of %d", index, size)
					.isTrue();
				// another leaf, another index, another size, another root
				assertThat(ProofVerifier.inclusion(leaves.get((index + 1) % 70), index, size, proof, root).valid()).isFalse();
				if (size > 1) {
					assertThat(ProofVerifier.inclusion(leaf, (index + 1) % size, size, proof, root).valid()).isFalse();
				}
				assertThat(ProofVerifier.inclusion(leaf, index, size, proof, flip(root)).valid()).isFalse();
				// each hash of the proof flipped, one dropped, one added
				for (int i = 0; i < proof.size(); i++) {
					assertThat(ProofVerifier.inclusion(leaf, index, size, flipped(proof, i), root).valid()).isFalse();
				}
				if (!proof.isEmpty()) {
					assertThat(ProofVerifier.inclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root)
						.valid()).isFalse();
				}
				assertThat(ProofVerifier.inclusion(leaf, index, size, plus(proof, root), root).valid()).isFalse();
			}
		}
	}

	@Test
	void everyConsistencyProofUpTo70LeavesVerifiesAndEveryAlterationIsRefused() {
		List<byte[]> leaves = leafHashes(70);
		MerkleProofs tree = new MerkleProofs(source(leaves));
		byte[] empty = TreeHashes.emptyRoot();
		for (int to = 1; to <= 70; to++) {
			byte[] root2 = mth(leaves.subList(0, to));
			assertThat(ProofVerifier.consistency(0, to, tree.consistency(0, to), empty, root2).valid()).isTrue();
			for (int from = 1; from <= to; from++) {
				byte[] root1 = mth(leaves.subList(0, from));
				List<byte[]> proof = tree.consistency(from, to);
				assertThat(ProofVerifier.consistency(from, to, proof, root1, root2).valid()).as("%d to %d", from, to)
					.isTrue();
				assertThat(ProofVerifier.consistency(from, to, proof, flip(root1), root2).valid()).isFalse();
				for (int i = 0; i < proof.size(); i++) {
					assertThat(ProofVerifier.consistency(from, to, flipped(proof, i), root1, root2).valid()).isFalse();
				}
				assertThat(ProofVerifier.consistency(from, to, plus(proof, root1), root1, root2).valid()).isFalse();
				if (!proof.isEmpty()) {
					assertThat(ProofVerifier.consistency(from, to, proof.subList(0, proof.size() - 1), root1, root2)
						.valid()).isFalse();
				}
				if (from < to) {
					assertThat(ProofVerifier.consistency(from, to, proof, root1, flip(root2)).valid()).isFalse();
					assertThat(ProofVerifier.consistency(from + 1, to, proof, root1, root2).valid()).isFalse();
				}
			}
		}
	}

	@Test
	void impossibleSizesAndIndicesAreNotValidButNeverAnError() {
		byte[] h = TreeHashes.leaf(new byte[0]);
		assertThat(ProofVerifier.inclusion(h, 0, 0, List.of(), h)).isEqualTo(new Verdict(false, "Leaf 0 cannot be in a tree of 0"));
		assertThat(ProofVerifier.inclusion(h, 5, 3, List.of(), h).valid()).isFalse();
		assertThat(ProofVerifier.inclusion(h, -1, 3, List.of(), h).valid()).isFalse();
		assertThat(ProofVerifier.inclusion(h, 0, Long.MAX_VALUE, List.of(h), h).valid()).isFalse();
		assertThat(ProofVerifier.inclusion(new byte[31], 0, 1, List.of(), h).valid()).isFalse();
		assertThat(ProofVerifier.consistency(5, 3, List.of(h), h, h).valid()).isFalse();
		assertThat(ProofVerifier.consistency(-1, 3, List.of(h), h, h).valid()).isFalse();
		assertThat(ProofVerifier.consistency(3, 7, List.of(), h, h).valid()).isFalse();
		assertThat(ProofVerifier.consistency(1, Long.MAX_VALUE, List.of(h, h), h, h).valid()).isFalse();
		assertThat(ProofVerifier.consistency(4, 4, List.of(), h, h).valid()).isTrue();
		assertThat(ProofVerifier.consistency(4, 4, List.of(h), h, h).valid()).isFalse();

		MerkleProofs tree = new MerkleProofs(source(leafHashes(4)));
		assertThatThrownBy(() -> tree.inclusion(4, 4)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> tree.consistency(3, 2)).isInstanceOf(IllegalArgumentException.class);
	}

	static List<byte[]> flipped(List<byte[]> proof, int i) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.set(i, flip(proof.get(i)));
		return copy;
	}

	static byte[] flip(byte[] hash) {
		byte[] copy = hash.clone();
		copy[7] ^= 0x10;
		return copy;
	}

	static List<byte[]> plus(List<byte[]> proof, byte[] extra) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.add(extra);
		return copy;
	}
}
