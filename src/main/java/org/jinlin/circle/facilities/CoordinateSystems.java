package org.jinlin.circle.facilities;

/**
 * Conversions between WGS-84, GCJ-02 and BD-09 (see {@link CoordinateSystem} for what they are). Spring-free,
 * stateless. No established Java library on Maven Central implements GCJ-02/BD-09 (geodetic libraries such as
 * GeoTools or proj4j do not, by design), so the standard public formulas are written out here; the inverses are
 * iterative, accurate far below 0.5 m (the iteration stops at 1e-10 degrees).
 * <p>
 * Points are {@code double[] {latitude, longitude}}.
 */
public final class CoordinateSystems {

	/** Semi-major axis of the Krasovsky 1940 ellipsoid used by GCJ-02. */
	private static final double A = 6378245.0;

	/** Its first eccentricity squared. */
	private static final double EE = 0.00669342162296594323;

	private static final double X_PI = Math.PI * 3000.0 / 180.0;

	private static final double TOLERANCE = 1e-10;

	private static final int MAX_ITERATIONS = 50;

	private CoordinateSystems() {
	}

	/** The point in WGS-84. */
	public static double[] toWgs84(CoordinateSystem from, double latitude, double longitude) {
		return switch (from) {
			case WGS84 -> new double[] { latitude, longitude };
			case GCJ02 -> gcj02ToWgs84(latitude, longitude);
			case BD09 -> {
				double[] gcj = bd09ToGcj02(latitude, longitude);
				yield gcj02ToWgs84(gcj[0], gcj[1]);
			}
		};
	}

	/** The WGS-84 point in another system. */
	public static double[] fromWgs84(CoordinateSystem to, double latitude, double longitude) {
		return switch (to) {
			case WGS84 -> new double[] { latitude, longitude };
			case GCJ02 -> wgs84ToGcj02(latitude, longitude);
			case BD09 -> {
				double[] gcj = wgs84ToGcj02(latitude, longitude);
				yield gcj02ToBd09(gcj[0], gcj[1]);
			}
		};
	}

	/** Whether GCJ-02 applies here (the usual bounding box of mainland China; outside it GCJ-02 = WGS-84). */
	public static boolean inChina(double latitude, double longitude) {
		return longitude >= 72.004 && longitude <= 137.8347 && latitude >= 0.8293 && latitude <= 55.8271;
	}

	/** The standard forward transform WGS-84 → GCJ-02. */
	public static double[] wgs84ToGcj02(double lat, double lon) {
		if (!inChina(lat, lon)) {
			return new double[] { lat, lon };
		}
		double dLat = transformLat(lon - 105.0, lat - 35.0);
		double dLon = transformLon(lon - 105.0, lat - 35.0);
		double radLat = lat / 180.0 * Math.PI;
		double magic = Math.sin(radLat);
		magic = 1 - EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { lat + dLat, lon + dLon };
	}

	/** Inverse of {@link #wgs84ToGcj02} by fixed-point iteration (the offset varies slowly, so it converges fast). */
	public static double[] gcj02ToWgs84(double lat, double lon) {
		if (!inChina(lat, lon)) {
			return new double[] { lat, lon };
		}
		double wLat = lat;
		double wLon = lon;
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			double[] g = wgs84ToGcj02(wLat, wLon);
			double eLat = g[0] - lat;
			double eLon = g[1] - lon;
			if (Math.abs(eLat) < TOLERANCE && Math.abs(eLon) < TOLERANCE) {
				break;
			}
			wLat -= eLat;
			wLon -= eLon;
		}
		return new double[] { wLat, wLon };
	}

	/** GCJ-02 → BD-09 (Baidu's published shift and rotation). */
	public static double[] gcj02ToBd09(double lat, double lon) {
		double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
		double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
		return new double[] { z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065 };
	}

	/** BD-09 → GCJ-02: the usual closed-form approximation, refined by iterating {@link #gcj02ToBd09}. */
	public static double[] bd09ToGcj02(double lat, double lon) {
		double x = lon - 0.0065;
		double y = lat - 0.006;
		double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
		double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
		double gLat = z * Math.sin(theta);
		double gLon = z * Math.cos(theta);
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			double[] b = gcj02ToBd09(gLat, gLon);
			double eLat = b[0] - lat;
			double eLon = b[1] - lon;
			if (Math.abs(eLat) < TOLERANCE && Math.abs(eLon) < TOLERANCE) {
				break;
			}
			gLat -= eLat;
			gLon -= eLon;
		}
		return new double[] { gLat, gLon };
	}

	private static double transformLat(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLon(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}
}
