package org.jinlin.accounts.internal;

import org.jinlin.accounts.ApiKeyPurpose;

/** Form and request body for issuing an API key. */
public record NewApiKey(String name, ApiKeyPurpose purpose, String territoryCode) {
}
