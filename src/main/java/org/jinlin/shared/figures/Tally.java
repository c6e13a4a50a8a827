package org.jinlin.shared.figures;

/**
 * What a rate is made of: {@code counted} records (the denominator, the figure's base) of which {@code met}
 * satisfy the indicator (the numerator). A tally of nothing has no rate: {@link #percent()} is {@code null},
 * never 0 or 100.
 */
public record Tally(long met, long counted) {

	public static final Tally NONE = new Tally(0, 0);

	public Tally {
		if (met < 0 || counted < 0 || met > counted) {
			throw new IllegalArgumentException("A tally needs 0 <= met <= counted, was " + met + "/" + counted);
		}
	}

	/** The rate in percent with one decimal, {@code null} when nothing was counted. */
	public Double percent() {
		return counted == 0 ? null : Math.round(met * 1000.0 / counted) / 10.0;
	}
}
