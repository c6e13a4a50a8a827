package org.jinlin.demands;

/** A demand was sent to a handling unit. Ids and territory paths only, never personal data. */
public record DemandDispatched(long demandId, String territoryPath, HandlingLevel level, Long handlerNodeId, Long departmentId, String assignee, java.time.Instant at) {
}
