package org.jinlin.consultation.internal;

/**
 * A share that a count must reach: at least (or, {@code strict}, more than) {@code numerator/denominator} of a
 * base. Integer arithmetic, no rounding: two-thirds of 10 is met by 7, not by 6; more than half of 10 by 6.
 */
public record Threshold(int numerator, int denominator, boolean strict) {

	/** 过半数: more than half. */
	public static final Threshold MORE_THAN_HALF = new Threshold(1, 2, true);

	/** 三分之二以上: at least two-thirds. */
	public static final Threshold TWO_THIRDS = new Threshold(2, 3, false);

	/** 三分之一以上: at least one third. */
	public static final Threshold ONE_THIRD = new Threshold(1, 3, false);

	/** No requirement: always met. */
	public static final Threshold NONE = new Threshold(0, 1, false);

	public Threshold {
		if (numerator < 0 || denominator <= 0 || numerator > denominator) {
			throw new IllegalArgumentException("A threshold is a share between 0 and 1");
		}
	}

	/** Whether {@code count} reaches the share of {@code base}; never met on an empty base unless NONE. */
	public boolean met(long count, long base) {
		if (numerator == 0) {
			return true;
		}
		if (base <= 0) {
			return false;
		}
		long left = count * denominator;
		long right = base * numerator;
		return strict ? left > right : left >= right;
	}

	/** A stable text form, e.g. {@code >1/2} or {@code >=2/3}, stored with the stage. */
	public String code() {
		return (strict ? ">" : ">=") + numerator + "/" + denominator;
	}

	public static Threshold parse(String code) {
		boolean strict = !code.startsWith(">=");
		String[] parts = code.substring(strict ? 1 : 2).split("/");
		return new Threshold(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), strict);
	}
}
