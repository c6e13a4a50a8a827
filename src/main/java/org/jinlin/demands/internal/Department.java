package org.jinlin.demands.internal;

/** A named department that can handle demands, bound to a territory node (usually a district). */
public record Department(long id, String code, String name, long territoryId, String territoryPath) {
}
