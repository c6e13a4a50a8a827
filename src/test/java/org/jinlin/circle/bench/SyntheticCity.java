package org.jinlin.circle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.DistanceCalcEarth;

/**
 * A synthetic city for the 15-minute benchmark, deterministic for a seed: a {@code side x side} street lattice
 * centred on Fuzhou, blocks of 80 to 100 m (each row and column of streets its own spacing) with junctions
 * jittered by a few metres, street lengths a little longer than the straight line, about 7% of street
 * segments missing (dead ends, compounds, parks), a river across the city crossed by a bridge every kilometre
 * or so, six diagonal avenues, and about 1.5% of segments walkable one way only (stairs and escalators with
 * one direction, one-way footbridges).
 * <p>
 * Facilities and communities sit at junctions, drawn with the density of an urban area: a main centre, four
 * secondary centres and a thin spread everywhere else. The 20 facility types follow the categories of the
 * Ministry of Commerce's 2021 guide, from dense (convenience stores, breakfast shops) to sparse (vegetable
 * markets, elder canteens).
 */
public final class SyntheticCity {

	/** The 20 facility types and how many of each a city of 1,000,000 junctions has (scaled for smaller ones). */
	static final String[] TYPE_CODES = { "CONVENIENCE_STORE", "SUPERMARKET", "VEGETABLE_MARKET", "FRESH_FOOD",
			"BREAKFAST", "LAUNDRY", "BARBER_BEAUTY", "PHOTO_PRINT", "HOUSEKEEPING", "REPAIR", "PHARMACY",
			"POSTAL_EXPRESS", "ELDERLY_CARE", "CHILD_CARE", "FITNESS", "ELDER_CANTEEN", "BOOKSTORE", "CLINIC",
			"FLOWER_SHOP", "KEY_SHOE_REPAIR" };

	static final int[] TYPE_COUNTS_PER_MILLION = { 9000, 2500, 300, 3000, 6000, 1500, 5000, 800, 600, 1200, 3500,
			2500, 700, 500, 900, 400, 400, 1200, 600, 1000 };

	private static final double CENTRE_LAT = 26.08;

	private static final double CENTRE_LON = 119.30;

	private static final double METRES_PER_DEGREE_LAT = 111_195.0;

	final int side;

	final BaseGraph graph;

	final BooleanEncodedValue footAccess;

	/** Per type, the junctions where its facilities are (distinct within a type). */
	final List<int[]> facilities;

	/** The junctions of the communities (distinct). */
	final int[] communities;

	final int edges;

	final int oneWayEdges;

	final int removedEdges;

	private final double[] density;

	private SyntheticCity(int side, BaseGraph graph, BooleanEncodedValue footAccess, List<int[]> facilities,
			int[] communities, int edges, int oneWayEdges, int removedEdges, double[] density) {
		this.side = side;
		this.graph = graph;
		this.footAccess = footAccess;
		this.facilities = facilities;
		this.communities = communities;
		this.edges = edges;
		this.oneWayEdges = oneWayEdges;
		this.removedEdges = removedEdges;
		this.density = density;
	}

	int nodes() {
		return side * side;
	}

	int facilityCount() {
		return facilities.stream().mapToInt(f -> f.length).sum();
	}

	/**
	 * Builds the city.
	 * @param side junctions per row and per column (1000 gives 1,000,000 junctions)
	 * @param communityCount communities (origins)
	 */
	static SyntheticCity build(int side, int communityCount, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		BooleanEncodedValue access = VehicleAccess.create("foot");
		EncodingManager em = EncodingManager.start().add(access).build();
		BaseGraph graph = new BaseGraph.Builder(em).create();
		NodeAccess na = graph.getNodeAccess();
		int n = side * side;

		// Street rows and columns: each its own block size, 80-100 m.
		double[] northing = new double[side];
		double[] easting = new double[side];
		for (int i = 1; i < side; i++) {
			northing[i] = northing[i - 1] + 80 + random.nextDouble() * 20;
			easting[i] = easting[i - 1] + 80 + random.nextDouble() * 20;
		}
		double midN = northing[side - 1] / 2;
		double midE = easting[side - 1] / 2;
		double metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(CENTRE_LAT));
		double[] lat = new double[n];
		double[] lon = new double[n];
		for (int r = 0; r < side; r++) {
			for (int c = 0; c < side; c++) {
				int v = r * side + c;
				double y = northing[r] - midN + (random.nextDouble() - 0.5) * 12;
				double x = easting[c] - midE + (random.nextDouble() - 0.5) * 12;
				lat[v] = CENTRE_LAT + y / METRES_PER_DEGREE_LAT;
				lon[v] = CENTRE_LON + x / metresPerDegreeLon;
				na.setNode(v, lat[v], lon[v]);
			}
		}

		// The river: a gentle curve from west to east around two fifths of the way up; streets crossing it are
		// cut except the bridges, about every 12 columns.
		int[] riverRow = new int[side];
		for (int c = 0; c < side; c++) {
			riverRow[c] = (int) Math.round(side * 0.4 + side * 0.05 * Math.sin(c * 2 * Math.PI / Math.max(side, 1) * 1.5));
		}

		int edgeCount = 0;
		int oneWay = 0;
		int removed = 0;
		DistanceCalcEarth calc = DistanceCalcEarth.DIST_EARTH;
		for (int r = 0; r < side; r++) {
			for (int c = 0; c < side; c++) {
				int v = r * side + c;
				// east
				if (c + 1 < side) {
					if (random.nextDouble() < 0.07) {
						removed++;
					}
					else {
						oneWay += addStreet(graph, access, calc, random, lat, lon, v, v + 1);
						edgeCount++;
					}
				}
				// north
				if (r + 1 < side) {
					boolean crossesRiver = r == riverRow[c];
					boolean bridge = c % 12 == 5;
					if ((crossesRiver && !bridge) || (!crossesRiver && random.nextDouble() < 0.07)) {
						removed++;
					}
					else {
						oneWay += addStreet(graph, access, calc, random, lat, lon, v, v + side);
						edgeCount++;
					}
				}
			}
		}
		// Six diagonal avenues (three each way), unbroken except at the river where they have their own bridge.
		for (int k = 0; k < 6; k++) {
			boolean rising = k % 2 == 0;
			int startColumn = (int) ((k / 2 - 1) * side * 0.3);
			for (int r = 0; r + 1 < side; r++) {
				int c = rising ? startColumn + r : side - 1 - startColumn - r;
				int c2 = rising ? c + 1 : c - 1;
				if (c < 0 || c >= side || c2 < 0 || c2 >= side) {
					continue;
				}
				oneWay += addStreet(graph, access, calc, random, lat, lon, r * side + c, (r + 1) * side + c2);
				edgeCount++;
			}
		}

		// Urban density: a main centre, four secondary centres, a thin spread elsewhere.
		double[][] centres = { { 0.5, 0.5, 0.16, 1.0 }, { 0.25, 0.3, 0.08, 0.7 }, { 0.75, 0.3, 0.08, 0.6 },
				{ 0.3, 0.75, 0.08, 0.6 }, { 0.72, 0.7, 0.09, 0.7 } };
		double[] density = new double[n];
		for (int r = 0; r < side; r++) {
			for (int c = 0; c < side; c++) {
				double d = 0.06;
				for (double[] centre : centres) {
					double dr = r / (double) side - centre[0];
					double dc = c / (double) side - centre[1];
					d += centre[3] * Math.exp(-(dr * dr + dc * dc) / (2 * centre[2] * centre[2]));
				}
				density[r * side + c] = d;
			}
		}
		double maxDensity = Arrays.stream(density).max().orElse(1);
		double scale = n / 1_000_000.0;
		List<int[]> facilities = new ArrayList<>();
		for (int t = 0; t < TYPE_CODES.length; t++) {
			int count = Math.max(1, (int) Math.round(TYPE_COUNTS_PER_MILLION[t] * scale));
			facilities.add(draw(random, density, maxDensity, count));
		}
		int[] communities = draw(random, density, maxDensity, Math.min(communityCount, n));
		return new SyntheticCity(side, graph, access, facilities, communities, edgeCount, oneWay, removed, density);
	}

	/** A street segment a to b, 0-15% longer than the straight line; returns 1 when it is one-way on foot. */
	private static int addStreet(BaseGraph graph, BooleanEncodedValue access, DistanceCalcEarth calc,
			SplittableRandom random, double[] lat, double[] lon, int a, int b) {
		double metres = calc.calcDist(lat[a], lon[a], lat[b], lon[b]) * (1.0 + random.nextDouble() * 0.15);
		boolean oneWay = random.nextDouble() < 0.015;
		boolean forward = !oneWay || random.nextBoolean();
		boolean backward = !oneWay || !forward;
		graph.edge(a, b).setDistance(metres).set(access, forward, backward);
		return oneWay ? 1 : 0;
	}

	/** More origins (e.g. buildings) drawn with the same urban density, from a random stream of their own. */
	int[] drawOrigins(int count, long seed) {
		double maxDensity = Arrays.stream(density).max().orElse(1);
		return draw(new SplittableRandom(seed), density, maxDensity, Math.min(count, density.length));
	}

	/** Distinct junctions drawn with the urban density (rejection sampling). */
	private static int[] draw(SplittableRandom random, double[] density, double maxDensity, int count) {
		boolean[] taken = new boolean[density.length];
		int[] out = new int[count];
		int k = 0;
		while (k < count) {
			int v = random.nextInt(density.length);
			if (!taken[v] && random.nextDouble() * maxDensity < density[v]) {
				taken[v] = true;
				out[k++] = v;
			}
		}
		return out;
	}
}
