package org.jinlin.circle;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the 15-minute circle ({@code jinlin.circle.*}, see application.yml).
 *
 * @param walkingSpeedKmh walking speed; 4 km/h walks 1,000 m in 15 minutes
 * @param threshold a category within this walk counts as covered
 * @param cutoff searches stop here; longer walks are "beyond the cutoff"
 * @param targetRate plan target, share of urban communities covered (0..1)
 * @param targetDate by when
 * @param autoRuns queue a coverage run on the first start and whenever facilities or the network change
 *        (default true); off, runs are only requested by hand
 * @param elder the elder walking profile every run also computes
 */
@ConfigurationProperties("jinlin.circle")
public record CircleSettings(Double walkingSpeedKmh, Duration threshold, Duration cutoff, Double targetRate,
		LocalDate targetDate, Network network, Boolean autoRuns, Elder elder) {

	/**
	 * The elder profile ({@code jinlin.circle.elder.*}): older pedestrians walk nearer 3 km/h, and steps cost them far
	 * more. The rule: every way at {@code walkingSpeedKmh} (default 3 km/h); a flight of steps ({@code highway=steps})
	 * takes {@code stepsFactor} times as long per metre (default 3, i.e. steps at a third of the elder pace).
	 */
	public record Elder(Double walkingSpeedKmh, Double stepsFactor) {

		public Elder {
			walkingSpeedKmh = walkingSpeedKmh == null || walkingSpeedKmh <= 0 ? 3.0 : walkingSpeedKmh;
			stepsFactor = stepsFactor == null || stepsFactor < 1 ? 3.0 : stepsFactor;
		}
	}

	public CircleSettings(Double walkingSpeedKmh, Duration threshold, Duration cutoff, Double targetRate,
			LocalDate targetDate, Network network, Boolean autoRuns) {
		this(walkingSpeedKmh, threshold, cutoff, targetRate, targetDate, network, autoRuns, null);
	}

	/**
	 * @param minComponentSize a part of the walking network cut off from the largest part is used only when it has at
	 *        least this many streets (GraphHopper's {@code prepare.min_network_size}; default 200)
	 * @param maxSnapMetres a point further than this from the connected network is not placed on it (default 300 m)
	 */
	public record Network(String extract, String cacheDir, Integer minComponentSize, Double maxSnapMetres) {

		public Network {
			extract = extract == null ? "" : extract;
			cacheDir = cacheDir == null ? "./data/graph-cache" : cacheDir;
			minComponentSize = minComponentSize == null ? 200 : Math.max(0, minComponentSize);
			maxSnapMetres = maxSnapMetres == null ? 300.0 : maxSnapMetres;
		}

		public Network(String extract, String cacheDir) {
			this(extract, cacheDir, null, null);
		}
	}

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public CircleSettings {
		walkingSpeedKmh = walkingSpeedKmh == null ? 4.0 : walkingSpeedKmh;
		threshold = threshold == null ? Duration.ofMinutes(15) : threshold;
		cutoff = cutoff == null ? Duration.ofMinutes(30) : cutoff;
		if (cutoff.compareTo(threshold) < 0) {
			cutoff = threshold;
		}
		targetRate = targetRate == null ? 0.8 : targetRate;
		targetDate = targetDate == null ? LocalDate.of(2025, 12, 31) : targetDate;
		network = network == null ? new Network("", "./data/graph-cache") : network;
		autoRuns = autoRuns == null ? Boolean.TRUE : autoRuns;
		elder = elder == null ? new Elder(null, null) : elder;
	}

	public int thresholdSeconds() {
		return (int) threshold.toSeconds();
	}

	public int cutoffSeconds() {
		return (int) cutoff.toSeconds();
	}
}
