package org.jinlin.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.ElderCareImport;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.territory.Territories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo care profiles for the demo city's residents aged 60+ (about 650), the same on every run (fixed seed):
 * living situations from the register's tags, one or two family contacts, health data for some, pendants for
 * those living alone in the three busy communities, care circles in 军门社区 (junmen = community worker,
 * junmen-grid1 = grid worker of grid 1), assessments and visits there and in 紫阳社区 and 屏山社区 (some visits
 * overdue), and the birthday-visit tasks of the coming week. 王阿姨 (resident1, 王秀兰, 军门社区 grid 1) wears
 * the pendant {@value #WANG_PENDANT} and has volunteer1 as her buddy. Never in {@code prod}; once per database.
 * Loaded through {@link ElderCareImport}.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 5)
@RequiredArgsConstructor
public class DemoEldercare implements ApplicationRunner {

	static final String BY = "system:demo";

	/** 王阿姨's pendant. */
	public static final String WANG_PENDANT = "DEMO-PENDANT-0001";

	static final String JUNMEN = "350102004001";

	static final String JUNMEN_GRID1 = "350102004001G01";

	static final String ZIYANG = "350111003001";

	static final String PINGSHAN = "350102002001";

	private static final Logger log = LoggerFactory.getLogger(DemoEldercare.class);

	private static final String[] CONDITIONS = { "高血压", "2型糖尿病", "冠心病", "慢性阻塞性肺病", "骨质疏松", "脑梗后遗症", "白内障" };

	private static final String[] MEDICINES = { "硝苯地平缓释片 每日1次", "二甲双胍 每日2次", "阿司匹林肠溶片 每日1次",
			"阿托伐他汀 每晚1次", "钙尔奇D 每日1次" };

	private static final String[] ALLERGIES = { "青霉素", "磺胺类药物", "海鲜" };

	private static final String[] CHILD_NAMES = { "建华", "丽华", "志明", "秀云", "海燕", "立新", "晓东", "美华" };

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final ElderCareImport elders;

	private final Territories territories;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "eldercare")) {
			return;
		}
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(ZONE);
		elders.createProfiles(BY);
		String grid1 = territories.lookupByCode(JUNMEN_GRID1).map(n -> n.path()).orElse("-");
		Random random = new Random(350100L);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int pendant = 1;
		int count = 0;
		for (ElderCareImport.LoadedElder e : elders.elders()) {
			count++;
			boolean wang = e.name().equals("王秀兰") && e.communityCode().equals(JUNMEN);
			boolean busy = e.communityCode().equals(JUNMEN) || e.communityCode().equals(ZIYANG)
					|| e.communityCode().equals(PINGSHAN);
			contacts(e, random, wang);
			if (wang || random.nextInt(100) < 35) {
				health(e, random, wang, now);
			}
			if (wang) {
				elders.device(e.id(), WANG_PENDANT, DeviceKind.PENDANT, BY, now);
				elders.carer(e.id(), CarerRole.BUDDY, "volunteer1", BY, now);
			}
			else if (busy && e.livingSituation() == LivingSituation.ALONE) {
				pendant++;
				elders.device(e.id(), "DEMO-PENDANT-%04d".formatted(pendant), DeviceKind.PENDANT, BY, now);
				if (random.nextBoolean()) {
					elders.device(e.id(), "DEMO-SMOKE-%04d".formatted(pendant), DeviceKind.SMOKE_DETECTOR, BY, now);
				}
			}
			if (e.communityCode().equals(JUNMEN)) {
				elders.carer(e.id(), CarerRole.COMMUNITY_WORKER, "junmen", BY, now);
				if (e.territoryPath().startsWith(grid1)) {
					elders.carer(e.id(), CarerRole.GRID_WORKER, "junmen-grid1", BY, now);
				}
			}
			if (busy) {
				assessAndVisit(e, random, wang, today, now);
			}
		}
		int birthdays = elders.birthdayTasks(today);
		log.info("Demo elders: {} profiles, {} pendants, {} birthday tasks in {} ms", count, pendant, birthdays,
				(System.nanoTime() - start) / 1_000_000);
	}

	private void contacts(ElderCareImport.LoadedElder e, Random random, boolean wang) {
		String surname = e.name().substring(0, 1);
		List<ElderCareImport.Contact> list = new ArrayList<>();
		int n = wang ? 2 : 1 + random.nextInt(2);
		for (int i = 1; i <= n; i++) {
			boolean son = random.nextBoolean();
			String name = wang ? (i == 1 ? "陈建华" : "陈丽华") : surname + CHILD_NAMES[random.nextInt(CHILD_NAMES.length)];
			String relation = wang ? (i == 1 ? "儿子" : "女儿") : son ? "儿子" : "女儿";
			String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
			list.add(new ElderCareImport.Contact(name, relation, phone));
		}
		elders.contacts(e.id(), list);
	}

	private void health(ElderCareImport.LoadedElder e, Random random, boolean wang, OffsetDateTime now) {
		List<String> conditions = wang ? List.of("高血压", "2型糖尿病")
				: List.of(CONDITIONS[random.nextInt(CONDITIONS.length)]);
		List<String> medicines = wang ? List.of("硝苯地平缓释片 每日1次", "二甲双胍 每日2次")
				: List.of(MEDICINES[random.nextInt(MEDICINES.length)]);
		List<String> allergies = wang || random.nextInt(4) == 0 ? List.of(ALLERGIES[wang ? 0 : random.nextInt(ALLERGIES.length)])
				: List.of();
		String door = wang ? "备用钥匙在女儿陈丽华处；楼下门禁密码请致电社区"
				: e.livingSituation() == LivingSituation.ALONE ? "备用钥匙寄放在对门邻居家" : null;
		Mobility mobility = wang ? Mobility.INDEPENDENT : Mobility.values()[random.nextInt(100) < 75 ? 0 : 1 + random.nextInt(3)];
		elders.care(e.id(), new ElderCareImport.Care(mobility, conditions, medicines, allergies, door), BY, now);
	}

	/** An assessment some months ago and a last visit; about a fifth of the visits are overdue. */
	private void assessAndVisit(ElderCareImport.LoadedElder e, Random random, boolean wang, LocalDate today,
			OffsetDateTime now) {
		List<Integer> maxima = elders.assessmentItemMaxima();
		int[] scores = new int[maxima.size()];
		int loss = wang ? 2 : random.nextInt(100) < 60 ? random.nextInt(12) : random.nextInt(60);
		for (int i = 0; i < scores.length; i++) {
			scores[i] = maxima.get(i);
		}
		for (int k = 0; k < loss; k++) {
			int i = random.nextInt(scores.length);
			scores[i] = Math.max(0, scores[i] - 1);
		}
		boolean dementia = !wang && random.nextInt(100) < 4;
		LocalDate assessedOn = today.minusDays(wang ? 40 : 20 + random.nextInt(200));
		boolean junmen = e.communityCode().equals(JUNMEN);
		elders.assessmentAndVisit(e.id(), assessedOn, wang ? "junmen" : BY, scores, dementia, "演示评估", intervalDays -> {
			boolean overdue = !wang && random.nextInt(100) < 20;
			LocalDate lastVisit = overdue ? today.minusDays(intervalDays + 2 + random.nextInt(10))
					: today.minusDays(wang ? 3 : random.nextInt(Math.max(1, intervalDays)));
			VisitKind kind = random.nextInt(100) < 30 ? VisitKind.PHONE_CHECK_IN : VisitKind.HOME_VISIT;
			return new ElderCareImport.PastVisit(lastVisit, kind, junmen ? "junmen" : BY, junmen ? "军门社区 林书记" : "社区工作人员",
					kind == VisitKind.PHONE_CHECK_IN ? "电话问候，身体状况平稳" : "上门走访，居家环境安全，精神状态良好");
		}, BY, now);
	}
}
