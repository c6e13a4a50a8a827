package org.jinlin.accounts.internal;

import org.jinlin.accounts.ApiKeyPurpose;

import java.time.Instant;

/** An API key as listed for administrators: its prefix, never the key or its hash. */
public record ApiKeyView(long id, String name, String prefix, ApiKeyPurpose purpose, String territoryCode,
		String territoryName, String createdBy, Instant createdAt, Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
