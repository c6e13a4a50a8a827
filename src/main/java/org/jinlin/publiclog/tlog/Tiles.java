package org.jinlin.publiclog.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The C2SP tlog-tiles layout. A tile at level L holds up to 256 hashes of tree level 8·L: tile N of level L holds
 * the nodes {@code [N·256, N·256 + 256)} of that tree level; a tile with fewer (W) hashes is partial, at the tree's
 * right edge, and is served as {@code tile/L/N.p/W}. Entry bundles ({@code tile/entries/N}) hold the entries of
 * leaves {@code [N·256, …)}, each as a big-endian 16-bit length and its bytes. Tile indexes are written in groups
 * of three digits, all but the last prefixed with {@code x}: 1234067 → {@code x001/x234/067}.
 */
public final class Tiles {

	/** Hashes (or entries) in a full tile. */
	public static final int WIDTH = 256;

	/** Tree levels per tile level. */
	public static final int HEIGHT = 8;

	private Tiles() {
	}

	/** The path of a tile below the log's prefix: {@code tile/0/x001/234} or {@code tile/entries/005.p/17}. */
	public static String path(String level, long index, int width) {
		if (width < 1 || width > WIDTH) {
			throw new IllegalArgumentException("A tile holds 1 to 256 hashes");
		}
		return "tile/" + level + "/" + encodeIndex(index) + (width == WIDTH ? "" : ".p/" + width);
	}

	/** Writes a tile index as the tiles layout does. */
	public static String encodeIndex(long index) {
		if (index < 0) {
			throw new IllegalArgumentException("A tile index is never negative");
		}
		String digits = Long.toString(index);
		int pad = (3 - digits.length() % 3) % 3;
		digits = "0".repeat(pad) + digits;
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < digits.length(); i += 3) {
			if (i > 0) {
				path.append('/');
			}
			if (i + 3 < digits.length()) {
				path.append('x');
			}
			path.append(digits, i, i + 3);
		}
		return path.toString();
	}

	/**
	 * Reads a tile index written in groups ({@code x001/x234/067}), or answers -1 for anything else (no leading
	 * {@code x000} group, three digits per group).
	 */
	public static long decodeIndex(String path) {
		String[] groups = path.split("/", -1);
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < groups.length; i++) {
			String g = groups[i];
			boolean last = i == groups.length - 1;
			if (!(last ? g.matches("[0-9]{3}") : g.matches("x[0-9]{3}"))) {
				return -1;
			}
			digits.append(last ? g : g.substring(1));
		}
		if (groups.length > 1 && groups[0].equals("x000") || digits.length() > 18) {
			return -1;
		}
		return Long.parseLong(digits.toString());
	}

	/** How many hashes of tree level {@code 8·tileLevel} a tree of {@code size} leaves has. */
	public static long hashesAtLevel(int tileLevel, long size) {
		return size >> (HEIGHT * tileLevel);
	}

	/** The width of tile {@code index} of a level in a tree of {@code size} leaves (0 when it does not exist yet). */
	public static int width(int tileLevel, long index, long size) {
		long hashes = hashesAtLevel(tileLevel, size);
		long start = index * WIDTH;
		return (int) Math.max(0, Math.min(WIDTH, hashes - start));
	}

	/** Reads the hashes of a tile from the database or the network. */
	@FunctionalInterface
	public interface TileReader {

		/** The hashes of tile {@code index} at {@code tileLevel}, at least {@code width} of them (32 bytes each). */
		byte[] read(int tileLevel, long index, int width);
	}

	/**
	 * Complete subtree hashes from tiles: node (level, index) is hashed up from the 2^(level mod 8) hashes that sit
	 * below it in one tile of level ⌊level / 8⌋, so any proof hash costs at most one tile read.
	 */
	public static NodeSource nodes(TileReader reader) {
		return (level, index) -> {
			int tileLevel = level / HEIGHT;
			int rise = level % HEIGHT;
			long first = index << rise;
			long tile = first / WIDTH;
			int offset = (int) (first % WIDTH);
			int count = 1 << rise;
			byte[] data = reader.read(tileLevel, tile, offset + count);
			return rootOf(data, offset, count);
		};
	}

	/**
	 * Appends leaf hashes to a tree and answers the tiles that changed. {@code edge} reads the current right-edge
	 * (partial or last) tile of a level, {@code size} is the tree size before the batch. Each returned tile is the
	 * whole new content of (level, index); hashes of a level only ever grow at its end, so a partial tile is always
	 * a prefix of the full tile it becomes.
	 */
	public static List<Tile> append(long size, List<byte[]> leafHashes, TileReader edge) {
		List<Tile> changed = new ArrayList<>();
		List<byte[]> incoming = leafHashes;
		long before = size;
		for (int level = 0; !incoming.isEmpty(); level++) {
			long have = hashesAtLevel(level, before);
			List<byte[]> completedAbove = new ArrayList<>();
			long tileIndex = have / WIDTH;
			int inTile = (int) (have % WIDTH);
			byte[] current = inTile == 0 ? new byte[0] : Arrays.copyOf(edge.read(level, tileIndex, inTile), inTile * TreeHashes.SIZE);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(current);
			for (byte[] h : incoming) {
				out.writeBytes(h);
				inTile++;
				if (inTile == WIDTH) {
					byte[] full = out.toByteArray();
					changed.add(new Tile(level, tileIndex, full));
					completedAbove.add(rootOf(full, 0, WIDTH));
					tileIndex++;
					inTile = 0;
					out.reset();
				}
			}
			if (inTile > 0) {
				changed.add(new Tile(level, tileIndex, out.toByteArray()));
			}
			incoming = completedAbove;
		}
		return changed;
	}

	/** A tile's content: its hashes, 32 bytes each. */
	public record Tile(int level, long index, byte[] hashes) {

		public int width() {
			return hashes.length / TreeHashes.SIZE;
		}
	}

	/** The root of {@code count} (a power of two) consecutive hashes of a tile, starting at hash {@code offset}. */
	public static byte[] rootOf(byte[] tile, int offset, int count) {
		List<byte[]> row = new ArrayList<>(count);
		for (int i = offset; i < offset + count; i++) {
			row.add(Arrays.copyOfRange(tile, i * TreeHashes.SIZE, (i + 1) * TreeHashes.SIZE));
		}
		while (row.size() > 1) {
			List<byte[]> up = new ArrayList<>(row.size() / 2);
			for (int i = 0; i < row.size(); i += 2) {
				up.add(TreeHashes.node(row.get(i), row.get(i + 1)));
			}
			row = up;
		}
		return row.get(0);
	}
}
