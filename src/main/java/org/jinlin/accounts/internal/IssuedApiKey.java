package org.jinlin.accounts.internal;

/** A freshly issued API key: the only time the plain key is ever shown. */
public record IssuedApiKey(long id, String name, String key) {
}
