package org.jinlin.people.internal;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code household}: one household per building, unit and room, created on first use. */
@Repository
public class HouseholdRepository {

	private final NamedParameterJdbcTemplate named;

	HouseholdRepository(DataSource dataSource) {
		this.named = new NamedParameterJdbcTemplate(dataSource);
	}

	/** A household's address in normalized form: one household per building, unit and room. */
	static String addressKey(long buildingId, String unit, String room) {
		return buildingId + "|" + norm(unit) + "|" + norm(room);
	}

	private static String norm(String s) {
		return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** A household to find or create. */
	public record HouseholdAddress(long buildingId, String unit, String room, String label, long communityId, String path) {

		String key() {
			return addressKey(buildingId, unit, room);
		}
	}

	/** The household id for each address, creating missing households (safe against concurrent creation). */
	Map<String, Long> findOrCreate(Collection<HouseholdAddress> addresses, String by, OffsetDateTime now) {
		Map<String, HouseholdAddress> byKey = new HashMap<>();
		addresses.forEach(a -> byKey.putIfAbsent(a.key(), a));
		Map<String, Long> ids = findHouseholds(byKey.keySet());
		List<HouseholdAddress> missing = byKey.values().stream().filter(a -> !ids.containsKey(a.key())).toList();
		if (!missing.isEmpty()) {
			for (List<HouseholdAddress> chunk : ResidentRepository.chunks(missing)) {
				named.batchUpdate("""
						INSERT INTO household (building_id, unit, room, address_key, address_label, community_id,
						  territory_path, created_at, created_by)
						VALUES (:building, :unit, :room, :key, :label, :community, :path, :now, :by)
						ON CONFLICT DO NOTHING""",
						chunk.stream().map(a -> new MapSqlParameterSource("building", a.buildingId())
							.addValue("unit", ResidentRepository.blankToNull(a.unit()), Types.VARCHAR)
							.addValue("room", ResidentRepository.blankToNull(a.room()), Types.VARCHAR).addValue("key", a.key())
							.addValue("label", a.label()).addValue("community", a.communityId()).addValue("path", a.path())
							.addValue("now", now).addValue("by", by)).toArray(MapSqlParameterSource[]::new));
			}
			ids.putAll(findHouseholds(missing.stream().map(HouseholdAddress::key).toList()));
		}
		return ids;
	}

	private Map<String, Long> findHouseholds(Collection<String> keys) {
		Map<String, Long> ids = new HashMap<>();
		for (List<String> chunk : ResidentRepository.chunks(new ArrayList<>(keys))) {
			named.query("SELECT id, address_key FROM household WHERE address_key IN (:keys)",
					new MapSqlParameterSource("keys", chunk), rs -> {
						ids.put(rs.getString(2), rs.getLong(1));
					});
		}
		return ids;
	}
}
