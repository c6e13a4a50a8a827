package org.jinlin.shared;

import java.util.Set;

/**
 * Who is acting: a signed-in account or an API key. Every service-layer query and command
 * is checked against {@link #jurisdiction()}.
 *
 * @param accountId the account id, or {@code null} for an API key
 * @param name user name, or {@code apikey:<name>}
 * @param roles roles held
 * @param territoryId the territory node the actor is bound to
 * @param territoryPath materialized path of that node
 * @param residentId the resident record of a resident account, if linked
 * @param apiKeyPurpose for an API key, its purpose (READ, OPEN311, DEVICE, INTEGRATION, CANTEEN); {@code null} for accounts
 */
public record Actor(Long accountId, String name, Set<Role> roles, long territoryId, String territoryPath,
		Long residentId, String apiKeyPurpose) implements java.io.Serializable {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public Jurisdiction jurisdiction() {
		return new Jurisdiction(territoryPath);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... any) {
		for (Role r : any) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public boolean isApiKey() {
		return apiKeyPurpose != null;
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	public boolean covers(String territoryPath) {
		return jurisdiction().covers(territoryPath);
	}

	/**
	 * The same actor with a narrower jurisdiction: a node inside its own. Never widens.
	 *
	 * @throws IllegalArgumentException if the node lies outside this actor's jurisdiction
	 */
	public Actor narrowedTo(long territoryId, String territoryPath) {
		if (!covers(territoryPath)) {
			throw new IllegalArgumentException("A jurisdiction can only be narrowed");
		}
		return new Actor(accountId, name, roles, territoryId, territoryPath, residentId, apiKeyPurpose);
	}
}
