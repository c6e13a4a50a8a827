package org.jinlin.publiclog.tlog;

/**
 * Where a proof or a root finds the hashes of complete subtrees: {@code node(level, index)} is the hash of leaves
 * {@code [index << level, (index + 1) << level)}, which never changes once those leaves exist. The application reads
 * them from its tiles in the database, the standalone verifier from tiles fetched over HTTP, the tests from a list.
 */
@FunctionalInterface
public interface NodeSource {

	byte[] node(int level, long index);
}
