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
 * hundred past demands spread over every district in proportion to its population, with texts that match their
 * category and replies that vary, so queues, the public boards and the measures have something to show.
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
		TerritoryNode city = territories.lookupByCode("350100").orElse(null);
		List<DemandHistoryImport.Category> categories = history.activeCategories();
		if (city == null || categories.isEmpty()) {
			return;
		}
		List<TerritoryNode> districts = territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path());
		long[] shares = shares(districts.stream().mapToLong(d -> d.population() == null ? 0 : d.population()).toArray(),
				DEMO_DEMANDS);
		DemandGenerator generator = new DemandGenerator(history, 20261126L);
		Instant now = Instant.now();
		int n = 0;
		for (int i = 0; i < districts.size(); i++) {
			List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, districts.get(i).path());
			if (!buildings.isEmpty() && shares[i] > 0) {
				n += generator.generate((int) shares[i], buildings, categories, now, Duration.ofDays(120), 500, null);
			}
		}
		history.timelines(DemandGenerator.RAISED_BY, DemandGenerator::reply);
		log.info("Demo demands: {} over {} districts in proportion to their population", n, districts.size());
	}

	/** {@code total} split in proportion to {@code weights}, by largest remainder (the shares add up to total). */
	static long[] shares(long[] weights, int total) {
		long sum = java.util.Arrays.stream(weights).sum();
		long[] shares = new long[weights.length];
		if (sum == 0) {
			return shares;
		}
		double[] remainders = new double[weights.length];
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = (double) weights[i] * total / sum;
			shares[i] = (long) Math.floor(exact);
			remainders[i] = exact - shares[i];
			given += shares[i];
		}
		for (; given < total; given++) {
			int best = 0;
			for (int i = 1; i < weights.length; i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			shares[best]++;
			remainders[best] = -1;
		}
		return shares;
	}
}
