package org.jinlin.shared;

/**
 * The roles an account can hold. Staff roles are bound to one node of the territory tree
 * and see only its subtree.
 */
public enum Role {
	RESIDENT, VOLUNTEER, PARTY_MEMBER, GRID_WORKER, COMMUNITY_WORKER, STREET_OFFICIAL, DISTRICT_OFFICIAL, CITY_OFFICIAL,
	CANTEEN_OPERATOR, ADMINISTRATOR;

	/** Spring Security authority name. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Staff roles may work on records of other people inside their jurisdiction. */
	public boolean isStaff() {
		return switch (this) {
			case GRID_WORKER, COMMUNITY_WORKER, STREET_OFFICIAL, DISTRICT_OFFICIAL, CITY_OFFICIAL, ADMINISTRATOR -> true;
			default -> false;
		};
	}
}
