package org.jinlin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandHistoryImport;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Urgency;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of the demands module: the districts' departments, a department-handled category, and a few
 * hundred past demands in 鼓楼区 so queues, the public boards and the measures have something to show.
 * Never in {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 10)
@RequiredArgsConstructor
class DemoDemands implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDemands.class);

	static final int DEMO_DEMANDS = 600;

	private final JdbcClient jdbc;

	private final DemandHistoryImport history;

	private final Territories territories;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "demands")) {
			return;
		}
		for (String[] d : new String[][] { { "gulou-cg", "鼓楼区城市管理局", "350102" }, { "gulou-zj", "鼓楼区住房和建设局", "350102" },
				{ "jinan-cg", "晋安区城市管理局", "350111" } }) {
			territories.lookupByCode(d[2]).ifPresent(n -> history.department(d[0], d[1], n.id(), n.path()));
		}
		history.category(new DemandHistoryImport.HistoricCategory("illegal-building", "违章搭建", "Illegal construction",
				"违法建设、私搭乱建", "市容环境", "违建,搭建", HandlingLevel.DEPARTMENT, "gulou-cg", Urgency.NORMAL, 1, 10,
				DemandGenerator.RAISED_BY));
		TerritoryNode gulou = territories.lookupByCode("350102").orElse(null);
		if (gulou == null) {
			return;
		}
		List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, gulou.path());
		List<DemandHistoryImport.Category> categories = history.activeCategories();
		if (buildings.isEmpty() || categories.isEmpty()) {
			return;
		}
		int n = new DemandGenerator(history, 20261126L).generate(DEMO_DEMANDS, buildings, categories, Instant.now(),
				Duration.ofDays(120), 500, null);
		history.timelines(DemandGenerator.RAISED_BY, "已处理完毕，感谢您的反映。");
		log.info("Demo demands: {} in 鼓楼区", n);
	}
}
