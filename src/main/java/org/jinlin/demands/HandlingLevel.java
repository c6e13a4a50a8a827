package org.jinlin.demands;

/** Which kind of unit handles a demand by default; a category names one. */
public enum HandlingLevel {
	GRID, COMMUNITY, STREET, DISTRICT, DEPARTMENT;

	/** The next level up the territory tree, for escalation; a department escalates to its district. */
	public HandlingLevel up() {
		return switch (this) {
			case GRID -> COMMUNITY;
			case COMMUNITY -> STREET;
			case STREET, DEPARTMENT, DISTRICT -> DISTRICT;
		};
	}
}
