package org.jinlin.accounts;

import java.time.Instant;

/** An administrator revoked an API key. */
public record ApiKeyRevoked(long id, String name, String territoryPath, String revokedBy, Instant at) {
}
