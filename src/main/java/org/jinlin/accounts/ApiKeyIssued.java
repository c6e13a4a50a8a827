package org.jinlin.accounts;

import java.time.Instant;

/** An administrator issued an API key (the key itself is never part of the event). */
public record ApiKeyIssued(long id, String name, String purpose, String territoryCode, String territoryPath,
		String issuedBy, Instant at) {
}
