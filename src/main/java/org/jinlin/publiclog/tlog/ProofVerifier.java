package org.jinlin.publiclog.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks inclusion and consistency proofs by the algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2, using nothing
 * but the hashes given. Every input gets an answer: impossible sizes or indices, proofs of the wrong length and
 * hashes of the wrong size are simply not valid, with the reason in words.
 */
public final class ProofVerifier {

	/** The outcome of a check, with the reason when it fails. */
	public record Verdict(boolean valid, String reason) {

		static Verdict ok() {
			return new Verdict(true, null);
		}

		static Verdict no(String reason) {
			return new Verdict(false, reason);
		}
	}

	private ProofVerifier() {
	}

	/** Whether {@code proof} shows the leaf with hash {@code leafHash} at {@code index} in the tree with {@code root}. */
	public static Verdict inclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
		if (!wellSized(leafHash) || !wellSized(root) || !proof.stream().allMatch(ProofVerifier::wellSized)) {
			return Verdict.no("Every hash must be 32 bytes (SHA-256)");
		}
		if (index < 0 || size <= 0 || index >= size) {
			return Verdict.no("Leaf " + index + " cannot be in a tree of " + size);
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			if (sn == 0) {
				return Verdict.no("The proof is longer than the tree is deep");
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = TreeHashes.node(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = TreeHashes.node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			return Verdict.no("The proof is shorter than the tree is deep");
		}
		return MessageDigest.isEqual(r, root) ? Verdict.ok() : Verdict.no("The proof leads to another root");
	}

	/** Whether {@code proof} shows that the tree of {@code size1} with {@code root1} is a prefix of the one of {@code size2}. */
	public static Verdict consistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
		if (!wellSized(root1) || !wellSized(root2) || !proof.stream().allMatch(ProofVerifier::wellSized)) {
			return Verdict.no("Every hash must be 32 bytes (SHA-256)");
		}
		if (size1 < 0 || size2 < size1) {
			return Verdict.no("A tree of " + size1 + " cannot be a prefix of a tree of " + size2);
		}
		if (size1 == size2) {
			if (!proof.isEmpty()) {
				return Verdict.no("Two trees of the same size need an empty proof");
			}
			return MessageDigest.isEqual(root1, root2) ? Verdict.ok() : Verdict.no("Two trees of the same size with different roots");
		}
		if (size1 == 0) {
			// Every tree extends the empty one; its root is fixed.
			if (!proof.isEmpty()) {
				return Verdict.no("Consistency with the empty tree needs an empty proof");
			}
			return MessageDigest.isEqual(root1, TreeHashes.emptyRoot()) ? Verdict.ok()
					: Verdict.no("That is not the root of the empty tree");
		}
		if (proof.isEmpty()) {
			return Verdict.no("The proof is empty");
		}
		int i = 0;
		byte[] first;
		if (Long.bitCount(size1) == 1) {
			first = root1;
		}
		else {
			first = proof.get(i++);
		}
		long fn = size1 - 1;
		long sn = size2 - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = first;
		byte[] sr = first;
		for (; i < proof.size(); i++) {
			byte[] c = proof.get(i);
			if (sn == 0) {
				return Verdict.no("The proof is longer than the tree is deep");
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = TreeHashes.node(c, fr);
				sr = TreeHashes.node(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = TreeHashes.node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			return Verdict.no("The proof is shorter than the tree is deep");
		}
		if (!MessageDigest.isEqual(fr, root1)) {
			return Verdict.no("The proof does not lead to the first root");
		}
		return MessageDigest.isEqual(sr, root2) ? Verdict.ok() : Verdict.no("The proof does not lead to the second root");
	}

	private static boolean wellSized(byte[] hash) {
		return hash != null && hash.length == TreeHashes.SIZE;
	}
}
