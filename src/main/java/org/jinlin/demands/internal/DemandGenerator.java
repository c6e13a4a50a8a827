package org.jinlin.demands.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes synthetic demands straight into the tables in batches: for the demo city (a few hundred, spread
 * over the last months in every status) and for benchmarks (a million). Deterministic for a seed. The
 * descriptions are made up and contain no personal data.
 */
public final class DemandGenerator {

	private static final String[] TEXTS = { "楼道里堆放杂物，影响通行", "小区门口路灯不亮已经好几天", "垃圾桶满了没人清运", "电动车在楼道里充电，担心安全",
			"楼上漏水到我家天花板", "晚上广场舞音乐声太大", "人行道砖块松动，老人容易绊倒", "消防通道被车辆占用", "小区绿化带树枝折断", "电梯经常停运",
			"独居老人家里水管坏了需要帮忙", "路面有个坑，下雨积水" };

	private final JdbcTemplate jdbc;

	private final Random random;

	public DemandGenerator(JdbcTemplate jdbc, long seed) {
		this.jdbc = jdbc;
		this.random = new Random(seed);
	}

	/** Category ids with their codes, for picking one at random. */
	public record CategoryRef(long id, String code, String urgency) {
	}

	/**
	 * Inserts {@code count} demands located at random buildings, raised at random moments in the
	 * {@code span} before {@code now}; returns the number written.
	 */
	public int generate(int count, List<TerritoryNode> buildings, List<CategoryRef> categories, Instant now, Duration span,
			int batchSize, java.util.function.IntConsumer progress) {
		int written = 0;
		while (written < count) {
			int n = Math.min(batchSize, count - written);
			List<Object[]> rows = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				rows.add(row(buildings.get(random.nextInt(buildings.size())), categories.get(random.nextInt(categories.size())),
						now.minusSeconds((long) (random.nextDouble() * span.toSeconds())), now));
			}
			jdbc.batchUpdate("""
					INSERT INTO demand (token, category_id, description, status, urgency, channel, location_node_id, territory_path,
					  grid_id, community_id, street_id, district_id, address_label, public_place, latitude, longitude, raised_by,
					  show_name_publicly, handler_level, handler_node_id, handler_path, handler_name, sign_due_at, handle_due_at,
					  raised_at, dispatched_at, signed_at, signed_on_time, resolved_at, resolved_on_time, outcome, closed_at,
					  rating, rework_count, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					rows, rows.size(), DemandGenerator::bind);
			written += n;
			if (progress != null) {
				progress.accept(written);
			}
		}
		return written;
	}

	private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			ps.setObject(i + 1, row[i]);
		}
	}

	private Object[] row(TerritoryNode building, CategoryRef category, Instant raised, Instant now) {
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
		String status;
		double r = random.nextDouble();
		if (age.toDays() > 10) {
			status = r < 0.93 ? "CLOSED" : r < 0.97 ? "RESOLVED" : "IN_PROGRESS";
		}
		else if (age.toDays() > 2) {
			status = r < 0.5 ? "CLOSED" : r < 0.75 ? "RESOLVED" : "IN_PROGRESS";
		}
		else {
			status = r < 0.4 ? "DISPATCHED" : r < 0.8 ? "IN_PROGRESS" : "RESOLVED";
		}
		boolean signed = !"DISPATCHED".equals(status);
		boolean resolved = "RESOLVED".equals(status) || "CLOSED".equals(status);
		Instant signedAt = signed ? raised.plus(Duration.ofMinutes(10 + random.nextInt(300))) : null;
		Instant resolvedAt = resolved ? signedAt.plus(Duration.ofHours(2 + random.nextInt(100))) : null;
		if (resolvedAt != null && resolvedAt.isAfter(now)) {
			resolvedAt = now;
		}
		Instant closedAt = "CLOSED".equals(status) ? resolvedAt.plus(Duration.ofHours(1 + random.nextInt(48))) : null;
		if (closedAt != null && closedAt.isAfter(now)) {
			closedAt = now;
		}
		String rating = null;
		if ("CLOSED".equals(status)) {
			double s = random.nextDouble();
			rating = s < 0.72 ? "SATISFIED" : s < 0.9 ? "BASICALLY_SATISFIED" : s < 0.96 ? "UNSATISFIED" : null;
			if ("UNSATISFIED".equals(rating)) {
				rating = "BASICALLY_SATISFIED";
			}
		}
		double lat = building.latitude() == null ? 26.08 : building.latitude();
		double lon = building.longitude() == null ? 119.30 : building.longitude();
		return new Object[] { UUID.randomUUID().toString(), category.id(), TEXTS[random.nextInt(TEXTS.length)], status,
				category.urgency(), random.nextInt(4) == 0 ? "PHONE_CALL" : "APP", building.id(), building.path(), grid,
				community, street, district, building.name(), building.name(), lat, lon, "system:demo", false, "GRID", grid,
				gridPath, "网格", DemandRepository.ts(signDue), signed ? DemandRepository.ts(handleDue) : null,
				DemandRepository.ts(raised), DemandRepository.ts(raised), DemandRepository.ts(signedAt),
				signed ? !signedAt.isAfter(signDue) : null, DemandRepository.ts(resolvedAt),
				resolved ? !resolvedAt.isAfter(handleDue) : null, resolved ? (random.nextInt(10) == 0 ? "EXPLAINED" : "RESOLVED") : null,
				DemandRepository.ts(closedAt), rating, random.nextInt(25) == 0 ? 1 : 0, DemandRepository.ts(now) };
	}
}
