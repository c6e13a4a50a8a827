/**
 * The public, verifiable log of what the community did (区块链+智慧社区): public facts from the other modules' events
 * — a demand closed, hours credited or reversed, a certificate issued, a month's indicator frozen — appended as leaves of an RFC 9162 Merkle tree,
 * with signed checkpoints (C2SP tlog-checkpoint) and tiles (C2SP tlog-tiles) that anyone can mirror and verify.
 * <p>
 * Nothing else depends on this module: it only listens ({@code internal.PublicFacts}). {@code tlog} holds the tree,
 * the proofs, the tiles, the signed notes and the standalone verifier in plain Java with no Spring; {@code internal}
 * the integration, the reads, the self-check and the repository; {@code web} the log's files ({@code /log/...}), the
 * API ({@code /api/v1/log/...}) and the pages, among them a person's own leaves ({@code /log/mine}): her pseudonym,
 * computed from her account's key as the facts were, is shown to her alone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public log",
		allowedDependencies = { "demands", "servicehours", "volunteers", "quality", "shared" })
package org.jinlin.publiclog;
