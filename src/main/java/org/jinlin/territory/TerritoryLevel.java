package org.jinlin.territory;

/** Levels of the administrative tree, from the top. */
public enum TerritoryLevel {
	CITY, DISTRICT, STREET, COMMUNITY, GRID, COMPOUND, BUILDING;

	/** The level a child of this level has. */
	public TerritoryLevel childLevel() {
		return this == BUILDING ? null : values()[ordinal() + 1];
	}
}
