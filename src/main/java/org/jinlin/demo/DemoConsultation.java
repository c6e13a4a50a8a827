package org.jinlin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationBulkLoad;
import org.jinlin.consultation.ConsultationBulkLoad.NewConsultation;
import org.jinlin.consultation.ConsultationBulkLoad.NewParticipant;
import org.jinlin.consultation.ConsultationBulkLoad.NewProgress;
import org.jinlin.consultation.ConsultationBulkLoad.NewSitting;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's consultation in 军门社区: a 四议两公开 topic in progress (proposed, discussed by the two committees,
 * the party members' meeting once short of its quorum and still to be held again) and a deliberation council's
 * topic whose decision and result are published, with progress and residents' ratings. Never in {@code prod}; once
 * per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 70)
@RequiredArgsConstructor
class DemoConsultation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoConsultation.class);

	static final String JUNMEN = "350102004001";

	static final String BY = "system:demo";

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ConsultationBulkLoad consultations;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "consultation")) {
			return;
		}
		TerritoryNode junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (junmen == null) {
			return;
		}
		Instant now = Instant.now();
		long inProgress = consultations.load(new NewConsultation(junmen, "军门社区老旧小区加装电梯分摊方案",
				"3号楼、5号楼居民申请加装电梯，费用按楼层分摊，一楼住户意见较大。", "COMMITTEE", null,
				"REPRESENTATIVES_MEETING", true, "军门社区协商议事室",
				List.of(new NewParticipant("REPRESENTATIVE", "林建华", "居民代表"),
						new NewParticipant("STAKEHOLDER", "3号楼一层住户代表", "利益相关方"),
						new NewParticipant("UNIT", "鼓楼区住建局", "主管部门"),
						new NewParticipant("EXPERT", "陈工", "电梯工程师")),
				"加装电梯方案、分摊测算表、一楼住户补偿建议", now.minus(Duration.ofDays(20)),
				List.of(new NewSitting(now.minus(Duration.ofDays(18)), 7, 7, 0, 0, 0, "社区党委提出议题", null),
						new NewSitting(now.minus(Duration.ofDays(14)), 9, 8, 7, 1, 0, "两委会议商议分摊比例", null),
						new NewSitting(now.minus(Duration.ofDays(7)), 36, 21, 18, 2, 1, "到会党员未达三分之二，择期再开", null)),
				null, List.of(), null, null, Map.of()), BY);
		long published = consultations.load(new NewConsultation(junmen, "军门社区楼道照明改造",
				"老旧楼道无照明，夜间出行不便。", "COMMITTEE", null, "COUNCIL", false, "军门社区协商议事室",
				List.of(new NewParticipant("REPRESENTATIVE", "王秀兰", "居民代表"),
						new NewParticipant("UNIT", "鼓楼供电所", "共建单位")),
				"改造方案与预算", now.minus(Duration.ofDays(75)),
				List.of(new NewSitting(now.minus(Duration.ofDays(70)), 15, 13, 12, 1, 0, "议事会讨论改造方案",
						"同意为 1-8 号楼楼道加装声控灯，费用由社区公益金列支，一个月内完工。")),
				now.minus(Duration.ofDays(68)),
				List.of(new NewProgress(now.minus(Duration.ofDays(55)), "灯具已采购，开始安装", "采购单"),
						new NewProgress(now.minus(Duration.ofDays(45)), "1-8 号楼安装完成", "验收照片")),
				"1-8 号楼共安装声控灯 64 盏，已验收并投入使用。", now.minus(Duration.ofDays(40)),
				Map.of("resident1", "SATISFIED")), BY);
		log.info("Demo consultation: topic {} in progress, topic {} published with its result", inProgress, published);
	}
}
