package org.jinlin.publiclog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One public fact as a leaf: its source key (what makes it go in once), its kind, the pseudonymous holder it
 * concerns (if any) and the entry, canonical JSON by RFC 8785 (the JSON Canonicalization Scheme) so that anyone
 * re-serialising the same fact gets the same bytes and the same hash.
 */
public record LeafEntry(String sourceKey, String kind, String holder, byte[] entry) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A leaf of the given fields; {@code kind} and {@code v} (the format version) are added to the entry. */
	public static LeafEntry of(String sourceKey, String kind, String holder, Map<String, Object> fields) {
		var all = new java.util.LinkedHashMap<String, Object>();
		all.put("v", 1);
		all.put("kind", kind);
		all.putAll(fields);
		try {
			return new LeafEntry(sourceKey, kind, holder,
					new JsonCanonicalizer(JSON.writeValueAsString(all)).getEncodedUTF8());
		}
		catch (IOException e) {
			throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
		}
	}

	public String text() {
		return new String(entry, StandardCharsets.UTF_8);
	}
}
