/**
 * The public, verifiable log of what the community did (区块链+智慧社区): public facts from the other modules' events,
 * appended as leaves of an RFC 9162 Merkle tree, with signed checkpoints (C2SP tlog-checkpoint) and tiles (C2SP
 * tlog-tiles) that anyone can mirror and verify. {@code tlog} holds the tree, the proofs, the tiles and the signed
 * notes in plain Java with no Spring, so the standalone verifier uses the very same code. Nothing else depends on this
 * module: it only listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public log", allowedDependencies = { "shared" })
package org.jinlin.publiclog;
