package org.jinlin.publiclog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.tlog.Tiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public log's SQL, all of it: waiting facts, leaves, tiles, checkpoints and the head row. */
@Repository
@RequiredArgsConstructor
public class LogRepository {

	private final JdbcClient jdbc;

	/**
	 * A fact waiting to be integrated; one with the same source key already waiting or integrated changes nothing
	 * (two deliveries of one event at once included: the unique key settles it without failing either).
	 */
	public boolean addPending(LeafEntry leaf, Instant at) {
		if (jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE source_key = ?").param(leaf.sourceKey()).query(Long.class)
			.single() > 0) {
			return false;
		}
		return jdbc.sql("""
				INSERT INTO log_pending (source_key, kind, holder, entry, received_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(leaf.sourceKey(), leaf.kind(), leaf.holder(), leaf.entry(), Timestamp.from(at))
			.update() == 1;
	}

	/** Which of these source keys are already leaves. */
	List<String> integrated(List<String> sourceKeys) {
		if (sourceKeys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT source_key FROM log_leaf WHERE source_key IN (:keys)").param("keys", sourceKeys)
			.query(String.class).list();
	}

	/** A waiting fact. */
	public record Pending(long id, LeafEntry leaf, Instant receivedAt) {
	}

	List<Pending> pending(int limit) {
		return jdbc.sql("""
				SELECT id, source_key, kind, holder, entry, received_at FROM log_pending ORDER BY id
				FETCH FIRST ? ROWS ONLY""")
			.param(limit)
			.query((rs, n) -> new Pending(rs.getLong(1),
					new LeafEntry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	void deletePending(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("DELETE FROM log_pending WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/**
	 * Locks the head row for this transaction and answers the tree size: one integration at a time. The lock is
	 * taken by an update (which waits for a concurrent integration and then works on its committed row on every
	 * database), and the size is read after it.
	 */
	long lockHead() {
		jdbc.sql("UPDATE log_head SET tree_size = tree_size WHERE id = 1").update();
		return jdbc.sql("SELECT tree_size FROM log_head WHERE id = 1").query(Long.class).single();
	}

	void setHead(long size) {
		jdbc.sql("UPDATE log_head SET tree_size = ? WHERE id = 1").param(size).update();
	}

	void insertLeaf(long index, LeafEntry leaf, byte[] leafHash, Instant at) {
		jdbc.sql("""
				INSERT INTO log_leaf (idx, source_key, kind, holder, entry, leaf_hash, integrated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(index, leaf.sourceKey(), leaf.kind(), leaf.holder(), leaf.entry(), leafHash, Timestamp.from(at))
			.update();
	}

	/** The stored hashes of a tile, whatever their number. */
	Optional<byte[]> tile(int level, long index) {
		return jdbc.sql("SELECT hashes FROM log_tile WHERE level = ? AND idx = ?").params(level, index)
			.query(byte[].class).optional();
	}

	void saveTile(Tiles.Tile tile) {
		if (jdbc.sql("UPDATE log_tile SET hashes = ? WHERE level = ? AND idx = ?")
			.params(tile.hashes(), tile.level(), tile.index()).update() == 0) {
			jdbc.sql("INSERT INTO log_tile (level, idx, hashes) VALUES (?, ?, ?)")
				.params(tile.level(), tile.index(), tile.hashes()).update();
		}
	}

	/** A signed checkpoint. */
	public record CheckpointRow(long size, byte[] rootHash, String note, Instant signedAt) {
	}

	void insertCheckpoint(CheckpointRow c) {
		jdbc.sql("INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)")
			.params(c.size(), c.rootHash(), c.note(), Timestamp.from(c.signedAt())).update();
	}

	Optional<CheckpointRow> latestCheckpoint() {
		return jdbc.sql("""
				SELECT tree_size, root_hash, note, signed_at FROM log_checkpoint ORDER BY tree_size DESC
				FETCH FIRST 1 ROWS ONLY""")
			.query((rs, n) -> new CheckpointRow(rs.getLong(1), rs.getBytes(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** A leaf as stored. */
	public record LeafRow(long index, String sourceKey, String kind, String holder, byte[] entry, byte[] leafHash,
			Instant integratedAt) {
	}

	private static final String LEAF = "SELECT idx, source_key, kind, holder, entry, leaf_hash, integrated_at FROM log_leaf ";

	private static LeafRow leaf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new LeafRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
				rs.getBytes(6), rs.getTimestamp(7).toInstant());
	}

	/** Leaves {@code [from, to)} in order. */
	List<LeafRow> leaves(long from, long to) {
		return jdbc.sql(LEAF + "WHERE idx >= ? AND idx < ? ORDER BY idx").params(from, to).query((rs, n) -> leaf(rs))
			.list();
	}

	Optional<LeafRow> leafBySource(String sourceKey) {
		return jdbc.sql(LEAF + "WHERE source_key = ?").param(sourceKey).query((rs, n) -> leaf(rs)).optional();
	}

	/** The newest leaves, optionally of one kind or one holder, newest first. */
	List<LeafRow> recent(String kind, String holder, int offset, int limit) {
		return jdbc.sql(LEAF + "WHERE (CAST(:kind AS VARCHAR(40)) IS NULL OR kind = :kind) "
				+ "AND (CAST(:holder AS VARCHAR(64)) IS NULL OR holder = :holder) ORDER BY idx DESC OFFSET :offset ROWS "
				+ "FETCH FIRST :limit ROWS ONLY")
			.param("kind", kind).param("holder", holder).param("offset", offset).param("limit", limit)
			.query((rs, n) -> leaf(rs)).list();
	}

	long count(String kind, String holder) {
		return jdbc.sql("SELECT COUNT(*) FROM log_leaf WHERE (CAST(:kind AS VARCHAR(40)) IS NULL OR kind = :kind) "
				+ "AND (CAST(:holder AS VARCHAR(64)) IS NULL OR holder = :holder)")
			.param("kind", kind).param("holder", holder).query(Long.class).single();
	}

	/** Leaves per kind. */
	public record KindCount(String kind, long count) {
	}

	List<KindCount> countsByKind() {
		return jdbc.sql("SELECT kind, COUNT(*) FROM log_leaf GROUP BY kind ORDER BY kind")
			.query((rs, n) -> new KindCount(rs.getString(1), rs.getLong(2))).list();
	}

	/** Facts waiting, and since when the oldest has waited. */
	public record Lag(long waiting, Instant oldest) {
	}

	Lag lag() {
		return jdbc.sql("SELECT COUNT(*), MIN(received_at) FROM log_pending")
			.query((rs, n) -> new Lag(rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** The number of tiles stored at a level. */
	long tileCount(int level) {
		return jdbc.sql("SELECT COUNT(*) FROM log_tile WHERE level = ?").param(level).query(Long.class).single();
	}
}
