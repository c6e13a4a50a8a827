package org.jinlin.carefacilities;

/**
 * The facility indicators other modules may ask for, over the facility network as it stands today:
 * <ul>
 * <li>{@link #BEDS_PER_THOUSAND}: the beds of the operating facilities per 1,000 elderly (the territory's official
 * elderly population); the records are the operating facilities with beds;</li>
 * <li>{@link #STATION_COVERAGE}: of the communities (and villages) of the territory, those served by at least one
 * operating service station, day-care centre or rural happiness home; the records are the communities.</li>
 * </ul>
 */
public enum FacilityIndicator {
	BEDS_PER_THOUSAND, STATION_COVERAGE
}
