package org.jinlin.publiclog.internal;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import java.time.Instant;

import org.jinlin.publiclog.tlog.Checkpoint;
import org.jinlin.publiclog.tlog.EntryBundles;
import org.jinlin.publiclog.tlog.SignedNote;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.jinlin.publiclog.tlog.MerkleProofs;
import org.jinlin.publiclog.tlog.Tiles;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the log serves, to anyone: the latest checkpoint, tiles and entry bundles (only up to the latest checkpoint,
 * so a reader never sees a leaf the log has not signed for), inclusion and consistency proofs computed from the
 * tiles, and the leaves themselves.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class LogReads {

	private final LogRepository repository;

	private final FieldErrors problems;

	private final LogSelfCheck selfCheck;

	private final LogSettings settings;

	/**
	 * The latest signed checkpoint (the empty tree's until the first fact is in). Once a self-check found the log
	 * altered, nothing of it is served as sound (503) until the problem is resolved.
	 */
	public LogRepository.CheckpointRow checkpoint() {
		LogSelfCheck.Result check = selfCheck.last();
		if (check != null && !check.sound()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The public log failed its self-check and is not served until it is repaired");
		}
		return head();
	}

	/**
	 * The latest checkpoint whatever the self-check says (for the staff's status page); before the first integration,
	 * the empty tree's, signed on the fly (Ed25519 is deterministic: always the same note).
	 */
	public LogRepository.CheckpointRow head() {
		return repository.latestCheckpoint().orElseGet(() -> {
			byte[] root = TreeHashes.emptyRoot();
			return new LogRepository.CheckpointRow(0, root,
					SignedNote.sign(new Checkpoint(settings.origin(), 0, root).text(), settings.signer()), Instant.now());
		});
	}

	/** The hashes of tile (level, index) as wide as asked, if the signed tree has that many there. */
	public Optional<byte[]> tile(int level, long index, int width) {
		long size = checkpoint().size();
		if (Tiles.width(level, index, size) < width) {
			return Optional.empty();
		}
		return repository.tile(level, index).filter(h -> h.length >= width * 32)
			.map(h -> java.util.Arrays.copyOf(h, width * 32));
	}

	/** The entries of leaves {@code [index·256, index·256 + width)}, if the signed tree has them. */
	public Optional<byte[]> entries(long index, int width) {
		long size = checkpoint().size();
		if (Tiles.width(0, index, size) < width) {
			return Optional.empty();
		}
		List<byte[]> entries = repository.leaves(index * Tiles.WIDTH, index * Tiles.WIDTH + width).stream()
			.map(LogRepository.LeafRow::entry).toList();
		return entries.size() == width ? Optional.of(EntryBundles.encode(entries)) : Optional.empty();
	}

	/** An inclusion proof with the leaf's hash and the root it leads to. */
	public record InclusionProof(long index, long treeSize, String leafHash, List<String> proof, String rootHash) {
	}

	/** A consistency proof between two sizes of the signed tree, with both roots. */
	public record ConsistencyProof(long from, long to, List<String> proof, String root1, String root2) {
	}

	public InclusionProof inclusion(Long index, Long size) {
		long signed = checkpoint().size();
		long treeSize = size == null ? signed : size;
		if (treeSize < 1 || treeSize > signed) {
			throw problems.invalid("size", "publiclog.error.size");
		}
		if (index == null || index < 0 || index >= treeSize) {
			throw problems.invalid("index", "publiclog.error.index");
		}
		MerkleProofs tree = tree();
		byte[] leaf = repository.leaves(index, index + 1).get(0).leafHash();
		return new InclusionProof(index, treeSize, b64(leaf), tree.inclusion(index, treeSize).stream().map(LogReads::b64)
			.toList(), b64(tree.root(treeSize)));
	}

	public ConsistencyProof consistency(Long from, Long to) {
		long signed = checkpoint().size();
		long second = to == null ? signed : to;
		if (second < 0 || second > signed) {
			throw problems.invalid("to", "publiclog.error.size");
		}
		if (from == null || from < 0 || from > second) {
			throw problems.invalid("from", "publiclog.error.from");
		}
		MerkleProofs tree = tree();
		return new ConsistencyProof(from, second, tree.consistency(from, second).stream().map(LogReads::b64).toList(),
				b64(tree.root(from)), b64(tree.root(second)));
	}

	/** A leaf as the public sees it: index, kind, the entry's text and its hash. */
	public record Leaf(long index, String kind, String entry, String leafHash, java.time.Instant integratedAt) {

		static Leaf of(LogRepository.LeafRow r) {
			return new Leaf(r.index(), r.kind(), new String(r.entry(), java.nio.charset.StandardCharsets.UTF_8),
					b64(r.leafHash()), r.integratedAt());
		}
	}

	/** The signed leaves, newest first, optionally of one kind or one pseudonymous holder. */
	public Paged<Leaf> leaves(String kind, String holder, int page, int size) {
		long signed = checkpoint().size();
		String k = blank(kind);
		String h = blank(holder);
		List<Leaf> items = repository.recent(k, h, page * size, size).stream().filter(r -> r.index() < signed)
			.map(Leaf::of).toList();
		return new Paged<>(items, page, size, repository.count(k, h));
	}

	/** The signed-in person's own page: her pseudonym on the log and her signed leaves, newest first. */
	public record Mine(String pseudonym, Paged<Leaf> leaves) {
	}

	/**
	 * The signed-in person's leaves, found by the pseudonym of her key computed exactly as {@code PublicFacts} does;
	 * empty for an account that is not a person's (staff without a resident).
	 */
	public Optional<Mine> mine(int page, int size) {
		return LogAccess.personKey(CurrentActor.require()).map(settings::pseudonym)
			.map(pseudonym -> new Mine(pseudonym, leaves(null, pseudonym, page, size)));
	}

	/** The leaf of a public fact, by its kind and the id in its source module (e.g. demand.closed and 42). */
	public Leaf find(String kind, String ref) {
		return repository.leafBySource(kind + ":" + ref).filter(r -> r.index() < checkpoint().size()).map(Leaf::of)
			.orElseThrow(() -> new NotFoundException("No such fact on the log (yet)"));
	}

	public List<LogRepository.KindCount> kinds() {
		return repository.countsByKind();
	}

	public LogRepository.Lag lag() {
		return repository.lag();
	}

	private MerkleProofs tree() {
		return new MerkleProofs(Tiles.nodes((level, index, width) -> repository.tile(level, index)
			.orElseThrow(() -> new IllegalStateException("Tile " + level + "/" + index + " is missing"))));
	}

	static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
