package org.jinlin.circle.facilities;

import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate systems facility locations arrive in; {@link CoordinateSystems} converts them to WGS-84 (what OpenStreetMap, GPS and
 * the walking network use).
 * <ul>
 * <li>{@link #WGS84}: GPS, OpenStreetMap.</li>
 * <li>{@link #GCJ02}: the obfuscated "Mars" system required for published maps in China (AMap/Gaode, Tencent,
 * Google China). The forward transform WGS-84 → GCJ-02 is the well-known public formula (Krasovsky ellipsoid
 * constants, a polynomial-plus-sine offset); it has no closed inverse, so {@link CoordinateSystems#toWgs84} inverts it by fixed-point
 * iteration until the forward image matches the input to 1e-10 degrees (the commonly copied one-step
 * inverse is only good to a few metres). Outside mainland China's bounding box GCJ-02 equals WGS-84.</li>
 * <li>{@link #BD09}: Baidu Maps, a further rotation-and-shift of GCJ-02; converted via GCJ-02, its inverse also
 * iterated to the same tolerance.</li>
 * </ul>
 * There is no established Java library for these conversions on Maven Central (the GIS libraries - GeoTools, PROJ
 * bindings, proj4j - deliberately do not implement the non-geodetic GCJ-02 and BD-09), so it is written out here and
 * tested against round trips and published reference pairs.
 */
public enum CoordinateSystem {
	WGS84, GCJ02, BD09;

	/** By name, ignoring case, dashes and spaces ({@code WGS-84}, {@code gcj02}, {@code BD-09}). */
	public static Optional<CoordinateSystem> parse(String s) {
		if (s == null || s.isBlank()) {
			return Optional.empty();
		}
		String n = s.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "").replace("_", "");
		for (CoordinateSystem c : values()) {
			if (c.name().equals(n)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}
}
