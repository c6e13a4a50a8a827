package org.jinlin.eldercare;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.DemoSeeds;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo care profiles for the demo city's residents aged 60+ (about 650), the same on every run (fixed seed):
 * living situations from the register's tags, one or two family contacts, health data for some, pendants for
 * those living alone in the three busy communities, care circles in 军门社区 (junmen = community worker,
 * junmen-grid1 = grid worker of grid 1), assessments and visits there and in 紫阳社区 and 屏山社区 (some visits
 * overdue), and the birthday-visit tasks of the coming week. 王阿姨 (resident1, 王秀兰, 军门社区 grid 1) wears
 * the pendant {@value #WANG_PENDANT} and has volunteer1 as her buddy. Never in {@code prod}; once per database.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@Order(DemoSeeds.PEOPLE + 5)
class DemoEldercare implements ApplicationRunner {

	static final String BY = "system:demo";

	static final String WANG_PENDANT = "DEMO-PENDANT-0001";

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

	private final JdbcClient jdbc;

	private final ResidentRegister residents;

	private final ElderProfiles profiles;

	private final ElderRepository repository;

	private final PersonalDataCipher cipher;

	private final AccountManagement accounts;

	private final Territories territories;

	private final CareTasks tasks;

	DemoEldercare(JdbcClient jdbc, ResidentRegister residents, ElderProfiles profiles, ElderRepository repository,
			PersonalDataCipher cipher, AccountManagement accounts, Territories territories, CareTasks tasks) {
		this.jdbc = jdbc;
		this.residents = residents;
		this.profiles = profiles;
		this.repository = repository;
		this.cipher = cipher;
		this.accounts = accounts;
		this.territories = territories;
		this.tasks = tasks;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "eldercare")) {
			return;
		}
		long start = System.nanoTime();
		LocalDate today = ElderProfiles.today();
		List<Long> ids = residents.lookupActiveBornOnOrBefore(today.minusYears(profiles.elderlyAge()));
		List<ResidentView> elders = new ArrayList<>(residents.lookupAll(ids));
		elders.sort(Comparator.comparingLong(ResidentView::id));
		profiles.sweep(elders, BY);
		Optional<ElderRepository.Carer> communityWorker = carer(CarerRole.COMMUNITY_WORKER, "junmen");
		Optional<ElderRepository.Carer> gridWorker = carer(CarerRole.GRID_WORKER, "junmen-grid1");
		Optional<ElderRepository.Carer> buddy = carer(CarerRole.BUDDY, "volunteer1");
		String grid1 = territories.lookupByCode(JUNMEN_GRID1).map(n -> n.path()).orElse("-");
		Random random = new Random(350100L);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int pendant = 1;
		int count = 0;
		List<ElderRepository.Stored> stored = repository.jdbc()
			.sql("SELECT " + ElderRepository.COLUMNS + " FROM elder e ORDER BY e.id").query(ElderRepository::map).list();
		for (ElderRepository.Stored e : stored) {
			count++;
			boolean wang = e.name().equals("王秀兰") && e.communityCode().equals(JUNMEN);
			boolean busy = e.communityCode().equals(JUNMEN) || e.communityCode().equals(ZIYANG)
					|| e.communityCode().equals(PINGSHAN);
			contacts(e, random, wang);
			if (wang || random.nextInt(100) < 35) {
				health(e, random, wang, now);
			}
			if (wang) {
				repository.insertDevice(e.id(), WANG_PENDANT, DeviceKind.PENDANT, BY, now);
				buddy.ifPresent(c -> repository.assignCarer(e.id(), c, BY, now));
			}
			else if (busy && e.livingSituation() == LivingSituation.ALONE) {
				pendant++;
				repository.insertDevice(e.id(), "DEMO-PENDANT-%04d".formatted(pendant), DeviceKind.PENDANT, BY, now);
				if (random.nextBoolean()) {
					repository.insertDevice(e.id(), "DEMO-SMOKE-%04d".formatted(pendant), DeviceKind.SMOKE_DETECTOR, BY, now);
				}
			}
			if (e.communityCode().equals(JUNMEN)) {
				communityWorker.ifPresent(c -> repository.assignCarer(e.id(), c, BY, now));
				if (e.territoryPath().startsWith(grid1)) {
					gridWorker.ifPresent(c -> repository.assignCarer(e.id(), c, BY, now));
				}
			}
			if (busy) {
				assessAndVisit(e, random, wang, today, now);
			}
		}
		int birthdays = tasks.createBirthdayTasks(today);
		log.info("Demo elders: {} profiles, {} pendants, {} birthday tasks in {} ms", count, pendant, birthdays,
				(System.nanoTime() - start) / 1_000_000);
	}

	private Optional<ElderRepository.Carer> carer(CarerRole role, String username) {
		return accounts.lookup(username)
			.map(a -> new ElderRepository.Carer(role, accounts.lookupId(username).orElse(null), a.username(),
					a.displayName()));
	}

	private void contacts(ElderRepository.Stored e, Random random, boolean wang) {
		String surname = e.name().substring(0, 1);
		List<ElderRepository.StoredContact> list = new ArrayList<>();
		int n = wang ? 2 : 1 + random.nextInt(2);
		for (int i = 1; i <= n; i++) {
			boolean son = random.nextBoolean();
			String name = wang ? (i == 1 ? "陈建华" : "陈丽华") : surname + CHILD_NAMES[random.nextInt(CHILD_NAMES.length)];
			String relation = wang ? (i == 1 ? "儿子" : "女儿") : son ? "儿子" : "女儿";
			String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
			list.add(new ElderRepository.StoredContact(0, i, name, relation, cipher.encrypt(phone), Masking.phone(phone),
					null));
		}
		repository.replaceContacts(e.id(), list);
	}

	private void health(ElderRepository.Stored e, Random random, boolean wang, OffsetDateTime now) {
		List<String> conditions = wang ? List.of("高血压", "2型糖尿病")
				: List.of(CONDITIONS[random.nextInt(CONDITIONS.length)]);
		List<String> medicines = wang ? List.of("硝苯地平缓释片 每日1次", "二甲双胍 每日2次")
				: List.of(MEDICINES[random.nextInt(MEDICINES.length)]);
		List<String> allergies = wang || random.nextInt(4) == 0 ? List.of(ALLERGIES[wang ? 0 : random.nextInt(ALLERGIES.length)])
				: List.of();
		String door = wang ? "备用钥匙在女儿陈丽华处；楼下门禁密码请致电社区" 
				: e.livingSituation() == LivingSituation.ALONE ? "备用钥匙寄放在对门邻居家" : null;
		Mobility mobility = wang ? Mobility.INDEPENDENT : Mobility.values()[random.nextInt(100) < 75 ? 0 : 1 + random.nextInt(3)];
		repository.updateCare(e.id(), e.livingSituation(), mobility, seal(conditions), seal(medicines), seal(allergies),
				door == null ? null : cipher.encrypt(door), BY, now);
	}

	private String seal(List<String> items) {
		return items.isEmpty() ? null : cipher.encrypt(String.join("\n", items));
	}

	/** An assessment some months ago and a last visit; about a fifth of the visits are overdue. */
	private void assessAndVisit(ElderRepository.Stored e, Random random, boolean wang, LocalDate today,
			OffsetDateTime now) {
		int[] scores = new int[CareRules.ITEM_COUNT];
		int loss = wang ? 2 : random.nextInt(100) < 60 ? random.nextInt(12) : random.nextInt(60);
		for (int i = 0; i < scores.length; i++) {
			scores[i] = CareRules.ITEMS.get(i).max();
		}
		for (int k = 0; k < loss; k++) {
			int i = random.nextInt(scores.length);
			scores[i] = Math.max(0, scores[i] - 1);
		}
		boolean dementia = !wang && random.nextInt(100) < 4;
		CareRules.Result result = CareRules.assess(scores, dementia, false, 0);
		LocalDate assessedOn = today.minusDays(wang ? 40 : 20 + random.nextInt(200));
		repository.insertAssessment(e.id(), assessedOn, wang ? "junmen" : BY, scores, result, dementia, false, 0,
				"演示评估", now);
		int age = ElderRegister.age(e.birthDate());
		boolean alone = e.livingSituation() == LivingSituation.ALONE;
		RiskLevel risk = CareRules.risk(result.finalLevel(), alone, age, 0);
		CareRules.VisitPlan plan = profiles.plan();
		int intervalDays = (int) plan.interval(alone, age, result.finalLevel()).toTotalMonths() * 30
				+ plan.interval(alone, age, result.finalLevel()).getDays();
		boolean overdue = !wang && random.nextInt(100) < 20;
		LocalDate lastVisit = overdue ? today.minusDays(intervalDays + 2 + random.nextInt(10))
				: today.minusDays(wang ? 3 : random.nextInt(Math.max(1, intervalDays)));
		VisitKind kind = random.nextInt(100) < 30 ? VisitKind.PHONE_CHECK_IN : VisitKind.HOME_VISIT;
		OffsetDateTime visitedAt = lastVisit.atTime(LocalTime.of(10, 0)).atZone(ElderRegister.ZONE).toOffsetDateTime();
		repository.insertVisit(e.id(), visitedAt, e.communityCode().equals(JUNMEN) ? "junmen" : BY,
				e.communityCode().equals(JUNMEN) ? "军门社区 林书记" : "社区工作人员", kind,
				kind == VisitKind.PHONE_CHECK_IN ? "电话问候，身体状况平稳" : "上门走访，居家环境安全，精神状态良好", false, null,
				null, now);
		repository.updateVisited(e.id(), visitedAt, plan.nextDue(lastVisit, alone, age, result.finalLevel()));
		repository.updateDerived(e.id(), result.finalLevel(), risk, assessedOn, CareRules.reassessmentDue(assessedOn),
				plan.nextDue(lastVisit, alone, age, result.finalLevel()));
	}
}
