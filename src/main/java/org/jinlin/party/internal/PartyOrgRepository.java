package org.jinlin.party.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.OrgKind;
import org.jinlin.party.internal.PartyDirectory.MemberView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Party organisations' SQL: {@code party_org}, the compounds each covers ({@code party_org_compound}), rosters ({@code party_member}). */
@Repository
@RequiredArgsConstructor
public class PartyOrgRepository {

	/** An organisation as stored (secretary phone masked), with the number of compounds it covers. */
	record Stored(long id, String name, String kind, Long parentId, long territoryId, String territoryPath,
			String secretaryName, String secretaryCadre, String secretaryPhoneMasked, int memberCount, int compoundCount) {
	}

	/** A new organisation, its secretary's phone encrypted and masked. */
	record NewOrg(String name, OrgKind kind, Long parentId, long territoryId, String territoryPath, String secretaryName,
			String secretaryCadre, String phoneCipher, String phoneMasked, int memberCount, String createdBy) {
	}

	/** A new roster entry, the phone encrypted and masked. */
	record NewMember(long orgId, String territoryPath, String name, String gender, int birthYear, int joinedYear,
			String accountUsername, String employerUnit, boolean inService, String phoneCipher, String phoneMasked) {
	}

	private static final String SELECT = """
			SELECT o.id, o.name, o.kind, o.parent_id, o.territory_id, o.territory_path, o.secretary_name, o.secretary_cadre,
			       o.secretary_phone_masked, o.member_count,
			       (SELECT COUNT(*) FROM party_org_compound c WHERE c.org_id = o.id) AS compound_count
			FROM party_org o""";

	private final JdbcClient jdbc;

	/**
	 * Read by column name: mapping by the record's property names made the driver fail to find a column (and H2 write
	 * the failure to its trace file) for every camel-case component of every row, which made the export take 40 s.
	 */
	static final RowMapper<Stored> STORED = (rs, n) -> new Stored(rs.getLong("id"), rs.getString("name"),
			rs.getString("kind"), rs.getObject("parent_id", Long.class), rs.getLong("territory_id"),
			rs.getString("territory_path"), rs.getString("secretary_name"), rs.getString("secretary_cadre"),
			rs.getString("secretary_phone_masked"), rs.getInt("member_count"), rs.getInt("compound_count"));

	/** Organisations under a path, by kind and name or secretary: the total and the first {@code limit}. */
	PartyDirectory.Found search(String path, OrgKind kind, String q, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(path, kind, q, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM party_org o" + where).params(params).query(Long.class).single();
		List<Stored> rows = jdbc.sql(SELECT + where + " ORDER BY o.territory_path, o.kind, o.id LIMIT " + limit)
			.params(params).query(STORED).list();
		return new PartyDirectory.Found(total, rows);
	}

	/**
	 * Every organisation a search finds, in the same order, streamed from the database row by row (for the Excel
	 * export; the caller's transaction keeps the cursor open).
	 */
	void each(String path, OrgKind kind, String q, Consumer<Stored> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(path, kind, q, params);
		try (Stream<Stored> rows = jdbc.sql(SELECT + where + " ORDER BY o.territory_path, o.kind, o.id").params(params)
			.query(STORED)
			.stream()) {
			rows.forEach(sink);
		}
	}

	private static String where(String path, OrgKind kind, String q, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE o.territory_path LIKE :path");
		params.put("path", path + "%");
		if (kind != null) {
			where.append(" AND o.kind = :kind");
			params.put("kind", kind.name());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(o.name) LIKE :q OR LOWER(o.secretary_name) LIKE :q)");
			params.put("q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		return where.toString();
	}

	/** Organisations under a path, by kind and name (for the trees). */
	List<Stored> under(String path) {
		return jdbc.sql(SELECT + " WHERE o.territory_path LIKE ? ORDER BY o.kind, o.name, o.id").param(path + "%")
			.query(STORED).list();
	}

	/** Organisations under a path, in place order (for other modules). */
	List<Stored> underInPlaceOrder(String path) {
		return jdbc.sql(SELECT + " WHERE o.territory_path LIKE ? ORDER BY o.territory_path, o.kind, o.id")
			.param(path + "%").query(STORED).list();
	}

	Optional<Stored> find(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(STORED).optional();
	}

	Optional<String> name(long id) {
		return jdbc.sql("SELECT name FROM party_org WHERE id = ?").param(id).query(String.class).optional();
	}

	List<Stored> children(long id) {
		return jdbc.sql(SELECT + " WHERE o.parent_id = ? ORDER BY o.kind, o.name, o.id").param(id).query(STORED).list();
	}

	List<Long> compoundIds(long orgId) {
		return jdbc.sql("SELECT compound_id FROM party_org_compound WHERE org_id = ? ORDER BY compound_id").param(orgId)
			.query(Long.class).list();
	}

	List<MemberView> members(long orgId) {
		return jdbc.sql("""
				SELECT id, name, gender, birth_year, joined_year, account_username, employer_unit, in_service,
				       phone_masked AS phone
				FROM party_member WHERE org_id = ? ORDER BY joined_year, id""").param(orgId).query(MemberView.class).list();
	}

	/** Ids of compounds under the path covered by at least one compound branch. */
	List<Long> coveredCompounds(String path) {
		return jdbc.sql("""
				SELECT DISTINCT c.compound_id FROM party_org_compound c JOIN party_org o ON o.id = c.org_id
				WHERE o.kind = 'COMPOUND_BRANCH' AND c.compound_path LIKE ?""").param(path + "%").query(Long.class).list();
	}

	long insert(NewOrg o) {
		return insertReturningId(jdbc, """
				INSERT INTO party_org (name, kind, parent_id, territory_id, territory_path, secretary_name, secretary_cadre,
				  secretary_phone_cipher, secretary_phone_masked, member_count, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				o.name(), o.kind().name(), o.parentId(), o.territoryId(), o.territoryPath(), o.secretaryName(),
					o.secretaryCadre(), o.phoneCipher(), o.phoneMasked(), o.memberCount(), OffsetDateTime.now(), o.createdBy());
	}

	void cover(long orgId, long compoundId, String compoundPath) {
		jdbc.sql("INSERT INTO party_org_compound (org_id, compound_id, compound_path) VALUES (?, ?, ?)")
			.params(orgId, compoundId, compoundPath).update();
	}

	/** Adds the member to the roster and counts them in the organisation. */
	long insertMember(NewMember m) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_member (org_id, territory_path, name, gender, birth_year, joined_year, account_username,
				  employer_unit, in_service, phone_cipher, phone_masked, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.orgId(), m.territoryPath(), m.name(), m.gender(), m.birthYear(), m.joinedYear(), m.accountUsername(),
					m.employerUnit(), m.inService(), m.phoneCipher(), m.phoneMasked(), OffsetDateTime.now())
			.update(keys, "id");
		jdbc.sql("UPDATE party_org SET member_count = member_count + 1 WHERE id = ?").param(m.orgId()).update();
		return keys.getKey().longValue();
	}

	/** Runs an insert and answers the id the database generated for the new row. */
	static long insertReturningId(JdbcClient jdbc, String sql, Object... params) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}
}
