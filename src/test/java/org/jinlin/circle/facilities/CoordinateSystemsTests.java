package org.jinlin.circle.facilities;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The GCJ-02 and BD-09 conversions against published reference pairs, round trips, and the border rule. */
class CoordinateSystemsTests {

	/** Metres between two points (equirectangular; fine at these distances). */
	static double metres(double[] a, double[] b) {
		double dy = (a[0] - b[0]) * 111_320;
		double dx = (a[1] - b[1]) * 111_320 * Math.cos(Math.toRadians(a[0]));
		return Math.sqrt(dx * dx + dy * dy);
	}

	// Reference values from the widely used coordtransform library (wandergis/coordtransform, test/app.js) for the
	// point (lon 116.404, lat 39.915) in Beijing.

	@Test
	void forwardTransformMatchesThePublishedPair() {
		double[] gcj = CoordinateSystems.wgs84ToGcj02(39.915, 116.404);
		assertThat(gcj[0]).isCloseTo(39.91640428150164, within(1e-9));
		assertThat(gcj[1]).isCloseTo(116.41024449916938, within(1e-9));
	}

	@Test
	void baiduTransformsMatchThePublishedPairs() {
		double[] bd = CoordinateSystems.gcj02ToBd09(39.915, 116.404);
		assertThat(bd[0]).isCloseTo(39.92133699351021, within(1e-9));
		assertThat(bd[1]).isCloseTo(116.41036949371029, within(1e-9));
		// the published BD-09 → GCJ-02 is the one-step approximation; ours is refined, so within a few centimetres
		double[] gcj = CoordinateSystems.bd09ToGcj02(39.915, 116.404);
		assertThat(metres(gcj, new double[] { 39.90865673957631, 116.39762729119315 })).isLessThan(0.5);
	}

	@Test
	void inverseIsFarMoreAccurateThanTheOneStepApproximation() {
		// the one-step inverse published by coordtransform: gcj02towgs84(116.404, 39.915)
		double[] oneStep = { 39.91359571849836, 116.39775550083061 };
		double[] iterated = CoordinateSystems.gcj02ToWgs84(39.915, 116.404);
		double[] back = CoordinateSystems.wgs84ToGcj02(iterated[0], iterated[1]);
		assertThat(metres(back, new double[] { 39.915, 116.404 })).isLessThan(0.001);
		// both agree within a few metres, which is the error of the one-step inverse
		assertThat(metres(iterated, oneStep)).isLessThan(5);
		double[] oneStepBack = CoordinateSystems.wgs84ToGcj02(oneStep[0], oneStep[1]);
		assertThat(metres(oneStepBack, new double[] { 39.915, 116.404 })).isGreaterThan(metres(back, new double[] { 39.915, 116.404 }));
	}

	@Test
	void roundTripsAcrossChinaStayWithinHalfAMetre() {
		Random random = new Random(42);
		for (int i = 0; i < 2000; i++) {
			double lat = 18 + random.nextDouble() * 35;
			double lon = 75 + random.nextDouble() * 60;
			double[] wgs = { lat, lon };
			for (CoordinateSystem crs : CoordinateSystem.values()) {
				double[] there = CoordinateSystems.fromWgs84(crs, lat, lon);
				double[] back = CoordinateSystems.toWgs84(crs, there[0], there[1]);
				assertThat(metres(back, wgs)).as("%s at %s,%s", crs, lat, lon).isLessThan(0.5);
			}
		}
	}

	@Test
	void fuzhouOffsetIsTheUsualFewHundredMetres() {
		// 鼓楼区: GCJ-02 lies some hundreds of metres from WGS-84 (south-east), BD-09 further still
		double[] wgs = { 26.0822, 119.2960 };
		double[] gcj = CoordinateSystems.fromWgs84(CoordinateSystem.GCJ02, wgs[0], wgs[1]);
		double[] bd = CoordinateSystems.fromWgs84(CoordinateSystem.BD09, wgs[0], wgs[1]);
		assertThat(metres(gcj, wgs)).isBetween(200.0, 800.0);
		assertThat(metres(bd, wgs)).isGreaterThan(metres(gcj, wgs));
		assertThat(metres(CoordinateSystems.toWgs84(CoordinateSystem.BD09, bd[0], bd[1]), wgs)).isLessThan(0.5);
	}

	@Test
	void outsideChinaGcj02IsWgs84() {
		// Andorra
		double[] p = CoordinateSystems.toWgs84(CoordinateSystem.GCJ02, 42.5063, 1.5218);
		assertThat(p).containsExactly(42.5063, 1.5218);
		assertThat(CoordinateSystems.wgs84ToGcj02(42.5063, 1.5218)).containsExactly(42.5063, 1.5218);
		assertThat(CoordinateSystems.inChina(26.08, 119.30)).isTrue();
		assertThat(CoordinateSystems.inChina(42.5063, 1.5218)).isFalse();
	}

	@Test
	void namesAreParsedLeniently() {
		assertThat(CoordinateSystem.parse("WGS-84")).contains(CoordinateSystem.WGS84);
		assertThat(CoordinateSystem.parse("gcj02")).contains(CoordinateSystem.GCJ02);
		assertThat(CoordinateSystem.parse("BD-09")).contains(CoordinateSystem.BD09);
		assertThat(CoordinateSystem.parse("UTM")).isEmpty();
		assertThat(CoordinateSystem.parse(" ")).isEmpty();
	}
}
