package org.jinlin.spaces;

/**
 * A utilisation figure: its {@code value} (a percent for the rates, a number for the no-shows; {@code null} when
 * nothing was counted), the {@code counted} bookings behind it and the {@code met} ones among them (the rate's
 * numerator); for utilisation also the booked and open hours the percent divides.
 */
public record SpaceFigure(SpaceIndicator indicator, Double value, long counted, long met, double bookedHours,
		double openHours) {

	public boolean hasData() {
		return value != null;
	}
}
