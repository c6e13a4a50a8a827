package org.jinlin.publiclog.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of an RFC 9162 (Certificate Transparency 2.0) Merkle tree: SHA-256 throughout, a leaf hashed with the
 * prefix byte 0x00 and an interior node with 0x01, so a leaf can never be passed off as a node. Plain JDK, no Spring:
 * the standalone verifier uses it too.
 */
public final class TreeHashes {

	/** Length of every hash in the tree, in bytes. */
	public static final int SIZE = 32;

	private TreeHashes() {
	}

	/** The hash of a leaf: SHA-256(0x00 || entry). */
	public static byte[] leaf(byte[] entry) {
		MessageDigest sha = sha256();
		sha.update((byte) 0x00);
		sha.update(entry);
		return sha.digest();
	}

	/** The hash of an interior node: SHA-256(0x01 || left || right). */
	public static byte[] node(byte[] left, byte[] right) {
		MessageDigest sha = sha256();
		sha.update((byte) 0x01);
		sha.update(left);
		sha.update(right);
		return sha.digest();
	}

	/** The root of the empty tree: the SHA-256 of the empty string. */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** SHA-256 of some bytes. */
	public static byte[] sha256(byte[] bytes) {
		return sha256().digest(bytes);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
