package org.jinlin.circle.facilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code circle_category}. */
@Repository
@RequiredArgsConstructor
class CategoryRepository {

	private static final String COLUMNS = "code, name_zh, name_en, tier, required, sort_order, osm_tags, source, care_kinds, "
			+ "updated_at, updated_by, version";

	private final JdbcClient jdbc;

	List<CategoryDefinition> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_category ORDER BY sort_order, code").query(CategoryRepository::map)
			.list();
	}

	Optional<CategoryDefinition> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_category WHERE code = ?").param(code)
			.query(CategoryRepository::map).optional();
	}

	void insert(CategoryDefinition c, String by) {
		jdbc.sql("""
				INSERT INTO circle_category (code, name_zh, name_en, tier, required, sort_order, osm_tags, source, care_kinds,
				  updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(c.code(), c.nameZh(), c.nameEn(), c.basic() ? "BASIC" : "QUALITY", c.required(), c.sortOrder(),
					c.osmTags(), c.source().name(), kinds(c.careKinds()), OffsetDateTime.now(), by)
			.update();
	}

	boolean update(CategoryDefinition c, int version, String by) {
		return jdbc.sql("""
				UPDATE circle_category SET name_zh = ?, name_en = ?, tier = ?, required = ?, sort_order = ?, osm_tags = ?,
				  source = ?, care_kinds = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE code = ? AND version = ?""")
			.params(c.nameZh(), c.nameEn(), c.basic() ? "BASIC" : "QUALITY", c.required(), c.sortOrder(), c.osmTags(),
					c.source().name(), kinds(c.careKinds()), OffsetDateTime.now(), by, c.code(), version)
			.update() == 1;
	}

	/** Registry facilities of a category (any status). */
	long facilities(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE category = ?").param(code).query(Long.class).single();
	}

	private static String kinds(List<FacilityKind> kinds) {
		return kinds.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static CategoryDefinition map(ResultSet rs, int row) throws SQLException {
		return new CategoryDefinition(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				"BASIC".equals(rs.getString("tier")), rs.getBoolean("required"), rs.getInt("sort_order"),
				rs.getString("osm_tags"), CategoryDefinition.Source.valueOf(rs.getString("source")),
				CategoryDefinition.parseKinds(rs.getString("care_kinds")).stream().filter(k -> k != null).toList(),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getInt("version"));
	}
}
