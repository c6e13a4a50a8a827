package org.jinlin.publiclog.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of an RFC 9162 Merkle tree (section 2.1), computed from the hashes of complete subtrees: the
 * tree hash MTH of a range, the inclusion proof PATH(m, D[n]) and the consistency proof PROOF(m, D[n]) exactly as the
 * RFC defines them recursively, with every range that is a complete, aligned subtree read from the {@link NodeSource}
 * (one tile read at most) instead of being recomputed from its leaves.
 */
public final class MerkleProofs {

	private final NodeSource nodes;

	public MerkleProofs(NodeSource nodes) {
		this.nodes = nodes;
	}

	/** The root hash of the tree of the first {@code size} leaves (the empty tree's root for size 0). */
	public byte[] root(long size) {
		if (size < 0) {
			throw new IllegalArgumentException("A tree size is never negative");
		}
		return size == 0 ? TreeHashes.emptyRoot() : hash(0, size);
	}

	/** The inclusion proof (audit path) of leaf {@code index} in the tree of {@code size} leaves. */
	public List<byte[]> inclusion(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
		}
		List<byte[]> proof = new ArrayList<>();
		path(index, 0, size, proof);
		return proof;
	}

	/** The consistency proof between the trees of {@code from} and {@code to} leaves (empty when they are equal or from is 0). */
	public List<byte[]> consistency(long from, long to) {
		if (from < 0 || from > to) {
			throw new IllegalArgumentException("No consistency proof from " + from + " to " + to);
		}
		List<byte[]> proof = new ArrayList<>();
		if (from > 0 && from < to) {
			subproof(from, 0, to, true, proof);
		}
		return proof;
	}

	/** MTH(D[start:end]): a complete aligned subtree from the source, anything else split as the RFC splits it. */
	byte[] hash(long start, long end) {
		long n = end - start;
		if (Long.bitCount(n) == 1 && start % n == 0) {
			return nodes.node(Long.numberOfTrailingZeros(n), start / n);
		}
		long k = largestPowerOfTwoBelow(n);
		return TreeHashes.node(hash(start, start + k), hash(start + k, end));
	}

	/** PATH(m, D[start:end]), appended to the proof from the leaf upwards. */
	private void path(long m, long start, long end, List<byte[]> proof) {
		long n = end - start;
		if (n == 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m < k) {
			path(m, start, start + k, proof);
			proof.add(hash(start + k, end));
		}
		else {
			path(m - k, start + k, end, proof);
			proof.add(hash(start, start + k));
		}
	}

	/** SUBPROOF(m, D[start:end], b). */
	private void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
		long n = end - start;
		if (m == n) {
			if (!complete) {
				proof.add(hash(start, end));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(m, start, start + k, complete, proof);
			proof.add(hash(start + k, end));
		}
		else {
			subproof(m - k, start + k, end, false, proof);
			proof.add(hash(start, start + k));
		}
	}

	/** The largest power of two strictly below n (n at least 2). */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}
}
