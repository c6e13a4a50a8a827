package org.jinlin.demands.internal;

/** A photo of a demand: taken when raising it (BEFORE) or after handling (AFTER). */
public record PhotoRef(long id, String stage) {
}
