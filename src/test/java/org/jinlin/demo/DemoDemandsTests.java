package org.jinlin.demo;

import java.util.List;

import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo city's demands, loaded through the demands module's {@code DemandHistoryImport}: 600 past demands over
 * every district in proportion to its population, each with its timeline, a text of its category and a reply of
 * its own, and the department-handled category. (Demands another test generates with the
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
	void sixHundredPastDemandsOverEveryDistrictWithTheirTimelines() {
		String from = " FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO;
		assertThat(count("SELECT COUNT(*)" + from)).isEqualTo(DemoDemands.DEMO_DEMANDS);
		assertThat(count("SELECT COUNT(*)" + from + " AND NOT EXISTS (SELECT 1 FROM demand_step s WHERE s.demand_id = d.id"
				+ " AND s.kind = 'RAISED' AND s.at = d.raised_at)")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM demand_step s"
				+ " WHERE s.demand_id = d.id AND s.kind = 'SIGNED_FOR' AND s.unit_name = d.handler_name)")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.resolved_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM demand_step s"
				+ " WHERE s.demand_id = d.id AND s.kind = 'RESOLVED' AND s.public_note IS NOT NULL)")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.status = 'CLOSED'")).isPositive();
		// Some were rated unsatisfied and are being reworked; none is closed unsatisfied.
		assertThat(count("SELECT COUNT(*)" + from + " AND d.rating = 'UNSATISFIED' AND d.status = 'IN_PROGRESS'"
				+ " AND d.rework_count = 1")).isPositive();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.rating = 'UNSATISFIED' AND d.status <> 'IN_PROGRESS'")).isZero();
		assertThat(count("SELECT COUNT(*)" + from + " AND d.rework_count > 0 AND d.status IN ('DISPATCHED', 'RESOLVED')")).isZero();
	}

	@Test
	void everyDistrictHasDemandsInProportionToItsPopulation() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		List<TerritoryNode> districts = territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path());
		assertThat(districts).hasSize(13);
		for (TerritoryNode d : districts) {
			long n = count("SELECT COUNT(*) FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO
					+ " AND d.territory_path LIKE ?", d.path() + "%");
			double expected = (double) DemoDemands.DEMO_DEMANDS * d.population() / city.population();
			assertThat((double) n).as(d.name()).isCloseTo(expected, within(1.0));
		}
	}

	@Test
	void textsMatchTheirCategoryAndRepliesVary() {
		// a lift demand speaks of the lift, a street-light demand of the light, and so on
		assertThat(count("SELECT COUNT(*) FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO
				+ " AND c.code = 'elevator' AND d.description NOT LIKE '%电梯%'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO
				+ " AND c.code = 'streetlight' AND d.description NOT LIKE '%灯%'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM demand d JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO
				+ " AND c.code = 'elevator' AND d.description LIKE '%路灯%'")).isZero();
		assertThat(count("SELECT COUNT(DISTINCT d.description) FROM demand d JOIN demand_category c ON c.id = d.category_id"
				+ " WHERE " + DEMO)).isGreaterThan(30);
		assertThat(count("SELECT COUNT(DISTINCT s.public_note) FROM demand_step s JOIN demand d ON d.id = s.demand_id"
				+ " JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO + " AND s.kind = 'RESOLVED'"))
			.isGreaterThan(20);
		// the reply of a lift demand is about the lift (or explains)
		assertThat(count("SELECT COUNT(*) FROM demand_step s JOIN demand d ON d.id = s.demand_id"
				+ " JOIN demand_category c ON c.id = d.category_id WHERE " + DEMO + " AND s.kind = 'RESOLVED'"
				+ " AND c.code = 'elevator' AND d.outcome = 'RESOLVED' AND s.public_note NOT LIKE '%电梯%'")).isZero();
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
