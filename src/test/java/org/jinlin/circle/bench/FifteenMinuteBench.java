package org.jinlin.circle.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.CoverageEngine.Origins;
import org.jinlin.circle.network.CoverageEngine.Sources;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.WalkGraph;
import org.jinlin.circle.network.WalkWeighting;

/**
 * The 15-minute benchmark (issue 6), run by {@code bench/fifteen-minute}: on a {@link SyntheticCity} of
 * 1,000,000 junctions with 20 facility types and 5,000 communities, times in one JVM
 * <ol>
 * <li>the coverage computation, {@link CoverageEngine#nearest} (one multi-source search per type with a
 * 15-minute cutoff, types in parallel on all cores; the {@link WalkGraph} is built once beforehand and its
 * build time is reported on its own line, not in {@code coverage_ms}), and</li>
 * <li>the same answer with one GraphHopper shortest-path tree per community ({@link PerOriginBaseline},
 * communities split over the same number of threads),</li>
 * </ol>
 * each after an untimed warm-up round, then {@code rounds} timed rounds alternating the two (medians
 * reported). Every round's answer is compared with the others, to the millisecond; any difference exits 1.
 * <p>
 * Arguments (all optional, in order): side (1000), communities (5000), rounds (3), threads
 * (availableProcessors), seed (20251231), scaled origins (0; N also times one round of both methods for N
 * origins, as many as a city's buildings, on a progress line), per-origin sample (5000: with more origins the
 * per-origin trees run on a seeded random sample of that many and their time is extrapolated linearly, which a
 * progress line says). Before the last line it also reports the coverage computing its shared search afresh and
 * the what-if updates ({@link IncrementalCoverage}: seeded random changes, median and p95). System property {@code bench.cutoffMinutes}
 * (15) sets the cutoff. The last line printed is
 * {@code nodes=N types=T origins=O coverage_ms=X per_origin_ms=Y ratio=R}, R = Y / X.
 */
public final class FifteenMinuteBench {

	static final double SPEED_KMH = 4.0;

	/** The cutoff, 15 minutes unless the system property {@code bench.cutoffMinutes} says otherwise. */
	static final int CUTOFF_MILLIS = Integer.getInteger("bench.cutoffMinutes", 15) * 60 * 1000;

	private FifteenMinuteBench() {
	}

	public static void main(String[] args) throws Exception {
		int side = intArg(args, 0, 1000);
		int communities = intArg(args, 1, 5000);
		int rounds = Math.max(1, intArg(args, 2, 3));
		int threads = intArg(args, 3, Runtime.getRuntime().availableProcessors());
		long seed = args.length > 4 && !args[4].isBlank() ? Long.parseLong(args[4]) : 20251231L;
		int scaledOrigins = intArg(args, 5, 0);
		int sampleSize = intArg(args, 6, 5000);

		Runtime rt = Runtime.getRuntime();
		say("machine: %d processors available to the JVM, max heap %d MiB, Java %s", rt.availableProcessors(),
				rt.maxMemory() >> 20, System.getProperty("java.version"));
		long t0 = System.nanoTime();
		SyntheticCity city = SyntheticCity.build(side, communities, seed);
		say("city: %,d junctions, %,d street segments (%,d one-way on foot, %,d lattice segments missing), "
				+ "%d facility types, %,d facilities, %,d communities; generated in %d ms", city.nodes(), city.edges,
				city.oneWayEdges, city.removedEdges, city.facilities.size(), city.facilityCount(),
				city.communities.length, ms(t0));
		for (int t = 0; t < city.facilities.size(); t++) {
			say("  type %2d %-18s %,6d facilities", t, SyntheticCity.TYPE_CODES[t], city.facilities.get(t).length);
		}

		t0 = System.nanoTime();
		WalkGraph walkGraph = WalkGraph.of(city.graph, city.footAccess, SPEED_KMH);
		say("walk graph: %,d nodes, %,d arcs, built in %d ms (once per network; not part of coverage_ms)",
				walkGraph.nodeCount(), walkGraph.arcCount(), ms(t0));

		List<Sources> sources = new ArrayList<>();
		for (int[] nodes : city.facilities) {
			sources.add(Sources.atNodes(nodes));
		}
		Origins origins = Origins.atNodes(city.communities);
		// The per-origin trees on every origin, or (many origins) on a seeded random sample, extrapolated linearly.
		int[] sampleIndex = sample(city.communities.length, sampleSize, seed + 2);
		int[] sampleNodes = Arrays.stream(sampleIndex).map(i -> city.communities[i]).toArray();
		double extrapolate = city.communities.length / (double) sampleNodes.length;
		if (sampleNodes.length < city.communities.length) {
			say("per-origin trees: measured on a seeded random sample of %,d of the %,d origins (seed %d) and "
					+ "extrapolated linearly (x %.1f); their answers compared with the coverage's for the sampled origins",
					sampleNodes.length, city.communities.length, seed + 2, extrapolate);
		}
		PerOriginBaseline baseline = new PerOriginBaseline(city.graph,
				new WalkWeighting(city.footAccess, SPEED_KMH), city.facilities);
		say("searches: walking %.1f km/h, cutoff %d ms (%d min), %d threads for both", SPEED_KMH, CUTOFF_MILLIS,
				CUTOFF_MILLIS / 60_000,
				threads);

		// Warm-up: one untimed round of each (JIT), and the reference answer.
		t0 = System.nanoTime();
		int[][] reference = CoverageEngine.nearest(walkGraph, sources, origins, CUTOFF_MILLIS, threads, null);
		long warmCoverage = ms(t0);
		t0 = System.nanoTime();
		int[][] warmAnswer = baseline.nearest(sampleNodes, CUTOFF_MILLIS, threads);
		long warmPerOriginMs = Math.round(ms(t0) * extrapolate);
		int mismatches = compare("warm-up per-origin", sampled(reference, sampleIndex), warmAnswer);
		say("warm-up (untimed): coverage %d ms, per-origin %d ms, mismatches %d", warmCoverage, warmPerOriginMs,
				mismatches);

		long[] coverageMs = new long[rounds];
		long[] perOriginMs = new long[rounds];
		for (int r = 0; r < rounds; r++) {
			System.gc();
			long cpu0 = processCpuNanos();
			t0 = System.nanoTime();
			int[][] coverage = CoverageEngine.nearest(walkGraph, sources, origins, CUTOFF_MILLIS, threads, null);
			coverageMs[r] = ms(t0);
			long coverageCpu = (processCpuNanos() - cpu0) / 1_000_000;
			System.gc();
			cpu0 = processCpuNanos();
			t0 = System.nanoTime();
			int[][] perOrigin = baseline.nearest(sampleNodes, CUTOFF_MILLIS, threads);
			perOriginMs[r] = Math.round(ms(t0) * extrapolate);
			long perOriginCpu = Math.round((processCpuNanos() - cpu0) / 1_000_000 * extrapolate);
			int m = compare("round " + (r + 1) + " coverage", reference, coverage)
					+ compare("round " + (r + 1) + " per-origin", sampled(reference, sampleIndex), perOrigin);
			mismatches += m;
			say("round %d: coverage %d ms (cpu %d ms), per-origin %d ms (cpu %d ms), mismatches %d; load %s", r + 1,
					coverageMs[r], coverageCpu, perOriginMs[r], perOriginCpu, m, loadAverage());
		}

		if (scaledOrigins > 0) {
			// Not in the last line: how both methods scale when the origins are buildings rather than communities.
			int[] many = city.drawOrigins(scaledOrigins, seed + 1);
			Origins manyOrigins = Origins.atNodes(many);
			System.gc();
			long cpu0 = processCpuNanos();
			t0 = System.nanoTime();
			int[][] coverage = CoverageEngine.nearest(walkGraph, sources, manyOrigins, CUTOFF_MILLIS, threads, null);
			long coverageWall = ms(t0);
			long coverageCpu = (processCpuNanos() - cpu0) / 1_000_000;
			System.gc();
			cpu0 = processCpuNanos();
			t0 = System.nanoTime();
			int[][] perOrigin = baseline.nearest(many, CUTOFF_MILLIS, threads);
			long perOriginWall = ms(t0);
			long perOriginCpu = (processCpuNanos() - cpu0) / 1_000_000;
			int m = compare("scaled", coverage, perOrigin);
			mismatches += m;
			say("scaling, one round with %,d origins (as many as buildings, not communities): coverage %d ms (cpu %d ms), "
					+ "per-origin %d ms (cpu %d ms), ratio %.2f, mismatches %d; load %s", many.length, coverageWall,
					coverageCpu, perOriginWall, perOriginCpu, perOriginWall / (double) Math.max(1, coverageWall), m,
					loadAverage());
		}

		// Not in the last line: the first computation on new origins, with no shared search kept from before.
		CoverageEngine.forgetKeptSearch();
		System.gc();
		long cpuCold = processCpuNanos();
		t0 = System.nanoTime();
		int[][] cold = CoverageEngine.nearest(walkGraph, sources, origins, CUTOFF_MILLIS, threads, null);
		long coldMs = ms(t0);
		mismatches += compare("cold coverage", reference, cold);
		say("coverage computing its shared search afresh (the first run on new origins): %d ms (cpu %d ms); the rounds "
				+ "above reuse the one kept from the previous run", coldMs, (processCpuNanos() - cpuCold) / 1_000_000);

		mismatches += whatIf(city, walkGraph, origins, median(coverageMs), seed);
		summarise(city, reference);
		int pairs = city.facilities.size() * city.communities.length;
		if (sampleNodes.length < city.communities.length) {
			say("per-origin figures above and below are extrapolated from %,d sampled origins to %,d", sampleNodes.length,
					city.communities.length);
		}
		say("verification: %d mismatching (type, community) times of %,d per answer, over %d answers of each method",
				mismatches, pairs, rounds + 1);
		long coverage = median(coverageMs);
		long perOrigin = median(perOriginMs);
		say("median of %d rounds: coverage %d ms (min %d, max %d), per-origin %d ms (min %d, max %d)", rounds,
				coverage, min(coverageMs), max(coverageMs), perOrigin, min(perOriginMs), max(perOriginMs));
		System.out.printf(Locale.ROOT, "nodes=%d types=%d origins=%d coverage_ms=%d per_origin_ms=%d ratio=%.2f%n",
				walkGraph.nodeCount(), city.facilities.size(), city.communities.length, coverage, perOrigin,
				perOrigin / (double) Math.max(1, coverage));
		System.out.flush();
		if (mismatches != 0) {
			System.exit(1);
		}
	}

	/**
	 * The what-if updates (issue 20, item 4): for the largest type, a seeded random sequence of facilities added,
	 * moved and closed, each applied incrementally and timed; at the end the incremental result is compared with a
	 * full computation on the changed facilities. Returns the mismatches.
	 */
	private static int whatIf(SyntheticCity city, WalkGraph graph, Origins origins, long fullMs, long seed) {
		int type = 0;
		java.util.Map<Integer, IncrementalCoverage.Facility> initial = new java.util.LinkedHashMap<>();
		int[] nodes = city.facilities.get(type);
		for (int i = 0; i < nodes.length; i++) {
			initial.put(i, IncrementalCoverage.Facility.atNode(nodes[i]));
		}
		long t0 = System.nanoTime();
		IncrementalCoverage index = new IncrementalCoverage(graph, origins, CUTOFF_MILLIS, initial);
		long buildMs = ms(t0);
		java.util.Map<Integer, Integer> at = new java.util.LinkedHashMap<>();
		for (int i = 0; i < nodes.length; i++) {
			at.put(i, nodes[i]);
		}
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed + 3);
		int steps = 300;
		long[] micros = new long[steps];
		int nextKey = nodes.length;
		long changedOrigins = 0;
		for (int step = 0; step < steps; step++) {
			int action = random.nextInt(3);
			java.util.List<Integer> keys = new ArrayList<>(at.keySet());
			int node = random.nextInt(graph.nodeCount());
			long s0 = System.nanoTime();
			IncrementalCoverage.Change change;
			if (action == 0 || keys.isEmpty()) {
				change = index.commit(-1, nextKey, IncrementalCoverage.Facility.atNode(node));
				at.put(nextKey++, node);
			}
			else {
				int key = keys.get(random.nextInt(keys.size()));
				if (action == 1) {
					change = index.commit(key, key, IncrementalCoverage.Facility.atNode(node));
					at.put(key, node);
				}
				else {
					change = index.commit(key, -1, null);
					at.remove(key);
				}
			}
			micros[step] = (System.nanoTime() - s0) / 1000;
			changedOrigins += change.walksChanged();
		}
		int[][] full = CoverageEngine.nearest(graph, List.of(Sources.atNodes(at.values().stream().mapToInt(i -> i).toArray())),
				origins, CUTOFF_MILLIS, 1, null);
		int m = compare("what-if after " + steps + " changes", full, new int[][] { index.walks() });
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		say("what-if (%s, %,d facilities): %d seeded random changes (add / move / close), each updated incrementally: "
				+ "median %.2f ms, p95 %.2f ms, max %.2f ms, %.1f origins' walks changed per change on average; a full "
				+ "run of all types takes %d ms (median above), this type's index was built in %d ms; incremental = "
				+ "full after the sequence: %s", SyntheticCity.TYPE_CODES[type], nodes.length, steps,
				sorted[steps / 2] / 1000.0, sorted[(int) Math.ceil(steps * 0.95) - 1] / 1000.0, sorted[steps - 1] / 1000.0,
				changedOrigins / (double) steps, fullMs, buildMs, m == 0 ? "yes" : "NO, " + m + " mismatches");
		return m;
	}

	/** Per type, the share of communities within the cutoff and the median walk of those, for plausibility. */
	private static void summarise(SyntheticCity city, int[][] answer) {
		for (int t = 0; t < answer.length; t++) {
			int[] walks = Arrays.stream(answer[t]).filter(w -> w != CoverageEngine.BEYOND).sorted().toArray();
			say("  type %2d %-18s %5.1f%% of communities within the cutoff, median walk %s", t,
					SyntheticCity.TYPE_CODES[t], 100.0 * walks.length / answer[t].length,
					walks.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f min", walks[walks.length / 2] / 60000.0));
		}
	}

	/** {@code size} distinct indices below {@code n}, seeded, in increasing order; all of them when n <= size. */
	static int[] sample(int n, int size, long seed) {
		if (size <= 0 || n <= size) {
			return java.util.stream.IntStream.range(0, n).toArray();
		}
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		java.util.BitSet taken = new java.util.BitSet(n);
		int k = 0;
		while (k < size) {
			int i = random.nextInt(n);
			if (!taken.get(i)) {
				taken.set(i);
				k++;
			}
		}
		return taken.stream().toArray();
	}

	/** The columns of the sampled origins. */
	private static int[][] sampled(int[][] answer, int[] index) {
		int[][] out = new int[answer.length][index.length];
		for (int t = 0; t < answer.length; t++) {
			for (int i = 0; i < index.length; i++) {
				out[t][i] = answer[t][index[i]];
			}
		}
		return out;
	}

	private static int compare(String what, int[][] expected, int[][] actual) {
		int mismatches = 0;
		for (int t = 0; t < expected.length; t++) {
			for (int o = 0; o < expected[t].length; o++) {
				if (expected[t][o] != actual[t][o]) {
					if (mismatches < 5) {
						say("MISMATCH %s: type %d origin %d expected %d ms, got %d ms", what, t, o, expected[t][o],
								actual[t][o]);
					}
					mismatches++;
				}
			}
		}
		return mismatches;
	}

	/** CPU time of the whole JVM (all threads, GC included), or 0 where the platform does not tell. */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (Exception e) {
			return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static int intArg(String[] args, int index, int fallback) {
		return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index]) : fallback;
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
	}

	private static long min(long[] values) {
		return Arrays.stream(values).min().orElse(0);
	}

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

	private static void say(String format, Object... args) {
		System.out.println("== " + String.format(Locale.ROOT, format, args));
	}
}
