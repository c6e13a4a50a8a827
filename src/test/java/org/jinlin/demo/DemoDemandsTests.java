package org.jinlin.demo;

import org.jinlin.territory.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's demands, loaded through the demands module's {@code DemandHistoryImport}: 600 past demands in
 * 鼓楼区, each with its timeline, and the department-handled category. (Demands another test generates with the
 * same generator carry their own category and are left out.)
 */
@SpringBootTest
class DemoDemandsTests {

	static final String DEMO = "d.raised_by = 'system:demo' AND c.code <> 'measures-generated'";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void sixHundredPastDemandsInGulouWithTheirTimelines() {
		String gulou = territories.lookupByCode("350102").orElseThrow().path();
		String from = " FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO;
		assertThat(count("SELECT COUNT(*)" + from)).isEqualTo(DemoDemands.DEMO_DEMANDS);
		assertThat(count("SELECT COUNT(*)" + from + " AND d.territory_path NOT LIKE ?", gulou + "%")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND NOT EXISTS (SELECT 1 FROM demand_step s WHERE s.demand_id = d.id"
				+ " AND s.kind = 'RAISED' AND s.at = d.raised_at)")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM demand_step s"
				+ " WHERE s.demand_id = d.id AND s.kind = 'SIGNED_FOR' AND s.unit_name = d.handler_name)")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM demand_step s"
				+ " WHERE s.demand_id = d.id AND s.kind = 'RESOLVED' AND s.public_note = '已处理完毕，感谢您的反映。')")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.status = 'CLOSED'")).isPositive();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.rating = 'UNSATISFIED'")).isZero();
	}

	@Test
	void theIllegalBuildingCategoryGoesToTheDistrictsUrbanManagementBureau() {
		assertThat(jdbc.sql("""
				SELECT c.handling_level || ':' || d.code FROM demand_category c JOIN demand_department d ON d.id = c.department_id
				WHERE c.code = 'illegal-building'""").query(String.class).single()).isEqualTo("DEPARTMENT:gulou-cg");
		assertThat(count("SELECT COUNT(*) FROM demand_department WHERE code IN ('gulou-cg', 'gulou-zj', 'jinan-cg')"))
			.isEqualTo(3);
	}
}
