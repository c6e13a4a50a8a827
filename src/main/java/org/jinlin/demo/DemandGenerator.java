package org.jinlin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.jinlin.demands.DemandHistoryImport;
import org.jinlin.demands.DemandHistoryImport.HistoricDemand;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;
import org.jinlin.territory.TerritoryNode;

/**
 * Makes up past demands and writes them in batches through {@link DemandHistoryImport}: for the demo city (a few
 * hundred, spread over the last months in every status) and for benchmarks (a million). Deterministic for a seed.
 * The descriptions are made up and contain no personal data.
 */
public final class DemandGenerator {

	/** Who the generated demands were raised by. */
	public static final String RAISED_BY = "system:demo";

	private static final String[] TEXTS = { "楼道里堆放杂物，影响通行", "小区门口路灯不亮已经好几天", "垃圾桶满了没人清运", "电动车在楼道里充电，担心安全",
			"楼上漏水到我家天花板", "晚上广场舞音乐声太大", "人行道砖块松动，老人容易绊倒", "消防通道被车辆占用", "小区绿化带树枝折断", "电梯经常停运",
			"独居老人家里水管坏了需要帮忙", "路面有个坑，下雨积水" };

	private final DemandHistoryImport history;

	private final Random random;

	public DemandGenerator(DemandHistoryImport history, long seed) {
		this.history = history;
		this.random = new Random(seed);
	}

	/**
	 * Writes {@code count} demands located at random buildings, raised at random moments in the
	 * {@code span} before {@code now}; returns the number written.
	 */
	public int generate(int count, List<TerritoryNode> buildings, List<DemandHistoryImport.Category> categories,
			Instant now, Duration span, int batchSize, IntConsumer progress) {
		int written = 0;
		while (written < count) {
			int n = Math.min(batchSize, count - written);
			List<HistoricDemand> rows = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				rows.add(demand(buildings.get(random.nextInt(buildings.size())),
						categories.get(random.nextInt(categories.size())),
						now.minusSeconds((long) (random.nextDouble() * span.toSeconds())), now));
			}
			history.demands(rows);
			written += n;
			if (progress != null) {
				progress.accept(written);
			}
		}
		return written;
	}

	private HistoricDemand demand(TerritoryNode building, DemandHistoryImport.Category category, Instant raised,
			Instant now) {
		List<Long> ids = building.ancestorIds();
		// city, district, street, community, grid, compound, building
		long district = ids.get(1);
		long street = ids.get(2);
		long community = ids.get(3);
		long grid = ids.get(4);
		String gridPath = "/" + String.join("/", ids.subList(0, 5).stream().map(String::valueOf).toList()) + "/";
		Instant signDue = raised.plus(Duration.ofHours(4));
		Instant handleDue = raised.plus(Duration.ofDays(3));
		Duration age = Duration.between(raised, now);
		DemandStatus status;
		double r = random.nextDouble();
		if (age.toDays() > 10) {
			status = r < 0.93 ? DemandStatus.CLOSED : r < 0.97 ? DemandStatus.RESOLVED : DemandStatus.IN_PROGRESS;
		}
		else if (age.toDays() > 2) {
			status = r < 0.5 ? DemandStatus.CLOSED : r < 0.75 ? DemandStatus.RESOLVED : DemandStatus.IN_PROGRESS;
		}
		else {
			status = r < 0.4 ? DemandStatus.DISPATCHED : r < 0.8 ? DemandStatus.IN_PROGRESS : DemandStatus.RESOLVED;
		}
		boolean signed = status != DemandStatus.DISPATCHED;
		boolean resolved = status == DemandStatus.RESOLVED || status == DemandStatus.CLOSED;
		Instant signedAt = signed ? raised.plus(Duration.ofMinutes(10 + random.nextInt(300))) : null;
		Instant resolvedAt = resolved ? signedAt.plus(Duration.ofHours(2 + random.nextInt(100))) : null;
		if (resolvedAt != null && resolvedAt.isAfter(now)) {
			resolvedAt = now;
		}
		Instant closedAt = status == DemandStatus.CLOSED ? resolvedAt.plus(Duration.ofHours(1 + random.nextInt(48))) : null;
		if (closedAt != null && closedAt.isAfter(now)) {
			closedAt = now;
		}
		Rating rating = null;
		if (status == DemandStatus.CLOSED) {
			double s = random.nextDouble();
			// Unsatisfied demands go back for rework, so a closed one was at least basically satisfied.
			rating = s < 0.72 ? Rating.SATISFIED : s < 0.96 ? Rating.BASICALLY_SATISFIED : null;
		}
		double lat = building.latitude() == null ? 26.08 : building.latitude();
		double lon = building.longitude() == null ? 119.30 : building.longitude();
		String token = UUID.randomUUID().toString();
		String description = TEXTS[random.nextInt(TEXTS.length)];
		RaiseChannel channel = random.nextInt(4) == 0 ? RaiseChannel.PHONE_CALL : RaiseChannel.APP;
		Outcome outcome = resolved ? (random.nextInt(10) == 0 ? Outcome.EXPLAINED : Outcome.RESOLVED) : null;
		int rework = random.nextInt(25) == 0 ? 1 : 0;
		return new HistoricDemand(token, category.id(), description, status, category.urgency(), channel, building.id(),
				building.path(), grid, community, street, district, building.name(), building.name(), lat, lon, RAISED_BY,
				false, HandlingLevel.GRID, grid, gridPath, "网格", signDue, signed ? handleDue : null, raised, raised,
				signedAt, signed ? !signedAt.isAfter(signDue) : null, resolvedAt,
				resolved ? !resolvedAt.isAfter(handleDue) : null, outcome, closedAt, rating, rework, now);
	}
}
