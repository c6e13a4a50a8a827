package org.jinlin.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.CertificationBulkLoad;
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
 * The demo city's service-quality certification: 军门社区 certified four stars on 2026-03-18 by 鼓楼区 (valid until
 * 2029-03-17, certificate {@value #JUNMEN_NUMBER}), and another community of 东街街道 with its self-assessment in
 * progress. Never in {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 80)
@RequiredArgsConstructor
class DemoCertification implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCertification.class);

	static final String JUNMEN = "350102004001";

	/** 军门社区's demo certificate number. */
	public static final String JUNMEN_NUMBER = "QC-2026-DEMO000001";

	private final JdbcClient jdbc;

	private final Territories territories;

	private final CertificationBulkLoad certification;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "certification")) {
			return;
		}
		TerritoryNode junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (junmen == null) {
			return;
		}
		Map<String, Integer> scores = new HashMap<>();
		for (String code : new String[] { "F1", "F2", "F3", "I1", "I2", "I3", "I4", "S1", "S2", "S3", "M1", "M2", "M3",
				"E1", "E2", "E3" }) {
			scores.put(code, 4);
		}
		scores.put("F1", 5);
		scores.put("M2", 5);
		scores.put("E1", 5);
		long certified = certification.certified(junmen, LocalDate.of(2026, 3, 18), scores, JUNMEN_NUMBER, "junmen",
				"gulou");
		TerritoryNode other = territories.lookup(junmen.parentId()).stream()
			.flatMap(street -> territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, street.path()).stream())
			.filter(c -> !c.code().equals(JUNMEN))
			.findFirst()
			.orElse(null);
		if (other != null) {
			certification.inProgress(other, Map.of("F1", 4, "F2", 3, "I1", 4, "I2", 5),
					Map.of("F1", "综合服务中心面积650平方米，无障碍坡道和扶手已检查", "F2", "助餐点已运营，托育点筹建中"), "system:demo");
		}
		log.info("Demo certification: 军门社区 certified (assessment {}), {} assessing itself", certified,
				other == null ? "no other community" : other.name());
	}
}
