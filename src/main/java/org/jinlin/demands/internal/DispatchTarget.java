package org.jinlin.demands.internal;

/**
 * Where a dispatcher sends a demand: a territory node (grid, community, street, district) by code,
 * a department by code, or one account (a community worker, a party member or a volunteer) by user name.
 * Exactly one of the three.
 */
public record DispatchTarget(String territoryCode, String departmentCode, String assignee) {
}
