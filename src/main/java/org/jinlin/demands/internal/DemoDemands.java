package org.jinlin.demands.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jinlin.shared.DemoSeeds;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of the demands module: the districts' departments, a department-handled category, and a few
 * hundred past demands in 鼓楼区 so queues, the public boards and the measures have something to show.
 * Never in {@code prod}; once per database.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@Order(DemoSeeds.PEOPLE + 10)
public class DemoDemands implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDemands.class);

	static final int DEMO_DEMANDS = 600;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Territories territories;

	DemoDemands(JdbcClient jdbc, JdbcTemplate template, Territories territories) {
		this.jdbc = jdbc;
		this.template = template;
		this.territories = territories;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "demands")) {
			return;
		}
		for (String[] d : new String[][] { { "gulou-cg", "鼓楼区城市管理局", "350102" }, { "gulou-zj", "鼓楼区住房和建设局", "350102" },
				{ "jinan-cg", "晋安区城市管理局", "350111" } }) {
			territories.lookupByCode(d[2]).ifPresent(n -> jdbc.sql(
					"INSERT INTO demand_department (code, name, territory_id, territory_path) VALUES (?, ?, ?, ?)")
				.params(d[0], d[1], n.id(), n.path()).update());
		}
		Long department = jdbc.sql("SELECT id FROM demand_department WHERE code = 'gulou-cg'").query(Long.class).optional()
			.orElse(null);
		jdbc.sql("""
				INSERT INTO demand_category (code, name, name_en, description, group_name, keywords, handling_level, department_id,
				  urgency, sign_deadline, sign_deadline_unit, handle_deadline, handle_deadline_unit, active, updated_at, updated_by)
				VALUES ('illegal-building', '违章搭建', 'Illegal construction', '违法建设、私搭乱建', '市容环境', '违建,搭建',
				  ?, ?, 'NORMAL', 1, 'WORKING_DAYS', 10, 'WORKING_DAYS', TRUE, CURRENT_TIMESTAMP, 'system:demo')""")
			.params(department == null ? "DISTRICT" : "DEPARTMENT", department).update();
		TerritoryNode gulou = territories.lookupByCode("350102").orElse(null);
		if (gulou == null) {
			return;
		}
		List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, gulou.path());
		List<DemandGenerator.CategoryRef> categories = jdbc.sql("SELECT id, code, urgency FROM demand_category WHERE active = TRUE")
			.query((rs, n) -> new DemandGenerator.CategoryRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
		if (buildings.isEmpty() || categories.isEmpty()) {
			return;
		}
		int n = new DemandGenerator(template, 20261126L).generate(DEMO_DEMANDS, buildings, categories, Instant.now(),
				Duration.ofDays(120), 500, null);
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, unit_name)
				SELECT id, raised_at, 'RAISED', 'system:demo', NULL, 'DISPATCHED', NULL FROM demand""").update();
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, unit_name)
				SELECT id, signed_at, 'SIGNED_FOR', 'system:demo', 'DISPATCHED', 'IN_PROGRESS', handler_name FROM demand
				WHERE signed_at IS NOT NULL""").update();
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, public_note, unit_name)
				SELECT id, resolved_at, 'RESOLVED', 'system:demo', 'IN_PROGRESS', 'RESOLVED', '已处理完毕，感谢您的反映。', handler_name
				FROM demand WHERE resolved_at IS NOT NULL""").update();
		log.info("Demo demands: {} in 鼓楼区", n);
	}

}
