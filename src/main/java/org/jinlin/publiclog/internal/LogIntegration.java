package org.jinlin.publiclog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.tlog.Checkpoint;
import org.jinlin.publiclog.tlog.MerkleProofs;
import org.jinlin.publiclog.tlog.SignedNote;
import org.jinlin.publiclog.tlog.Tiles;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integrates waiting facts into the tree, a batch per transaction: under the head row's lock (one instance at a time,
 * whatever db-scheduler does), the waiting facts in arrival order become the next leaves, the right-edge tiles grow,
 * and a new checkpoint is signed. Everything of a batch commits together or not at all, so a crash mid-batch leaves
 * the facts waiting and the tree as it was.
 */
@Service
@RequiredArgsConstructor
public class LogIntegration {

	private final LogRepository repository;

	private final LogSettings settings;

	private final TransactionTemplate transactions;

	/** One batch, in a transaction of its own; answers how many facts went in. Signs the empty tree once. */
	public int integrateBatch() {
		return transactions.execute(status -> batch());
	}

	private int batch() {
		long size = repository.lockHead();
		List<LogRepository.Pending> pending = repository.pending(settings.batch());
		boolean signedBefore = repository.latestCheckpoint().isPresent();
		if (pending.isEmpty() && signedBefore) {
			return 0;
		}
		Instant now = Instant.now();
		// A fact delivered again after it went in (a late redelivery) is dropped, never logged twice.
		var done = new java.util.HashSet<>(repository.integrated(pending.stream().map(p -> p.leaf().sourceKey()).toList()));
		List<LogRepository.Pending> fresh = pending.stream().filter(p -> !done.contains(p.leaf().sourceKey())).toList();
		if (fresh.isEmpty() && signedBefore) {
			repository.deletePending(pending.stream().map(LogRepository.Pending::id).toList());
			return pending.size();
		}
		List<byte[]> hashes = new ArrayList<>(fresh.size());
		long index = size;
		for (LogRepository.Pending p : fresh) {
			byte[] hash = TreeHashes.leaf(p.leaf().entry());
			repository.insertLeaf(index++, p.leaf(), hash, now);
			hashes.add(hash);
		}
		Tiles.TileReader tiles = (level, tile, width) -> repository.tile(level, tile)
			.orElseThrow(() -> new IllegalStateException("Tile " + level + "/" + tile + " is missing"));
		for (Tiles.Tile t : Tiles.append(size, hashes, tiles)) {
			repository.saveTile(t);
		}
		repository.deletePending(pending.stream().map(LogRepository.Pending::id).toList());
		long newSize = size + fresh.size();
		byte[] root = new MerkleProofs(Tiles.nodes(tiles)).root(newSize);
		String note = SignedNote.sign(new Checkpoint(settings.origin(), newSize, root).text(), settings.signer());
		repository.insertCheckpoint(new LogRepository.CheckpointRow(newSize, root, note, now));
		repository.setHead(newSize);
		return pending.size();
	}

	/**
	 * Batches, each in its own transaction, until nothing waits (with the configured pause between two of them);
	 * answers the number of facts integrated. Interrupted (the instance stops), it ends after the batch it is in.
	 */
	public int integrateAll() {
		int total = 0;
		long pause = settings.pauseBetweenBatches().toMillis();
		for (int n = integrateBatch(); n > 0; n = integrateBatch()) {
			total += n;
			if (pause > 0) {
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
					return total;
				}
			}
		}
		return total;
	}
}
