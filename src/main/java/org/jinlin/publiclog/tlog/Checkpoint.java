package org.jinlin.publiclog.tlog;

import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-checkpoint: the log's origin line, the tree size in decimal and the root hash in base64,
 * each ending in a newline (extension lines after them are kept but not interpreted). Signed as a note by
 * {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

	public Checkpoint {
		if (origin == null || origin.isBlank() || origin.contains("\n")) {
			throw new IllegalArgumentException("A checkpoint's origin is one non-empty line");
		}
		if (size < 0 || rootHash == null || rootHash.length != TreeHashes.SIZE) {
			throw new IllegalArgumentException("A checkpoint needs a size of zero or more and a 32-byte root hash");
		}
		extensions = List.copyOf(extensions);
	}

	public Checkpoint(String origin, long size, byte[] rootHash) {
		this(origin, size, rootHash, List.of());
	}

	/** The text that is signed: origin, size and root, one per line, each line ending in a newline. */
	public String text() {
		StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
			.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
		extensions.forEach(e -> text.append(e).append('\n'));
		return text.toString();
	}

	/** Reads a checkpoint's text (the note's text, without signatures); refuses anything that is not one. */
	public static Checkpoint parse(String text) {
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("A checkpoint ends with a newline");
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length < 3) {
			throw new IllegalArgumentException("A checkpoint has an origin, a size and a root hash");
		}
		if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new IllegalArgumentException("A checkpoint's size is a decimal number without leading zeros");
		}
		byte[] root;
		try {
			root = Base64.getDecoder().decode(lines[2]);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("A checkpoint's root hash is base64", e);
		}
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, List.of(lines).subList(3, lines.length));
	}
}
