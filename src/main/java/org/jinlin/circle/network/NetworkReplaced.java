package org.jinlin.circle.network;

/** The active walking network changed (an extract imported, or back to the generated grid): coverage is stale. */
public record NetworkReplaced(long networkId, String name) {
}
