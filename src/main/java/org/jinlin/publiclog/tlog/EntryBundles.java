package org.jinlin.publiclog.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry bundles of C2SP tlog-tiles ({@code tile/entries/N}): the entries of up to 256 consecutive leaves, each as a
 * big-endian 16-bit length followed by its bytes.
 */
public final class EntryBundles {

	private EntryBundles() {
	}

	public static byte[] encode(List<byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] e : entries) {
			if (e.length > 0xFFFF) {
				throw new IllegalArgumentException("An entry is at most 65,535 bytes");
			}
			out.write(e.length >> 8);
			out.write(e.length & 0xFF);
			out.writeBytes(e);
		}
		return out.toByteArray();
	}

	public static List<byte[]> decode(byte[] bundle) {
		List<byte[]> entries = new ArrayList<>();
		int at = 0;
		while (at < bundle.length) {
			if (at + 2 > bundle.length) {
				throw new IllegalArgumentException("A bundle ends in the middle of a length");
			}
			int length = (bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF;
			at += 2;
			if (at + length > bundle.length) {
				throw new IllegalArgumentException("A bundle ends in the middle of an entry");
			}
			byte[] entry = new byte[length];
			System.arraycopy(bundle, at, entry, 0, length);
			entries.add(entry);
			at += length;
		}
		return entries;
	}
}
