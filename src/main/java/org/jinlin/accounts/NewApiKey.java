package org.jinlin.accounts;

/** Form and request body for issuing an API key. */
public record NewApiKey(String name, ApiKeyPurpose purpose, String territoryCode) {
}
