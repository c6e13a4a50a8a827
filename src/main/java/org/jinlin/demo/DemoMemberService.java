package org.jinlin.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.MemberServiceImport;
import org.jinlin.memberservice.MemberServiceImport.ImportedNeed;
import org.jinlin.memberservice.MemberServiceImport.ImportedPost;
import org.jinlin.memberservice.MemberServiceImport.ImportedRegistration;
import org.jinlin.memberservice.MemberServiceImport.ImportedWish;
import org.jinlin.memberservice.ServiceCategory;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServicesDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of member service at Fuzhou's proportions scaled to the demo city: city-wide, in-service members served
 * 105,400 times and solved 6,117 problems; at {@link #SCALE} 1:100 the demo city holds about 1,050 services (served
 * post shifts plus fulfilled micro-wishes), of which about 61 are fulfilled micro-wishes (problems solved), in
 * {@link #COMMUNITIES} communities across the city (always 军门社区 and 紫阳社区), over the last twelve months:
 * registered members and units, needs lists, service posts with headcounts, and micro-wishes in every state.
 * Everything is written through member service's {@link MemberServiceImport}, which publishes the registrations;
 * the confirmed service is published here ({@link ServiceDelivered})
 * transaction, so the service-hours ledger receives them like live ones. The demo party member {@code member1} is
 * NOT registered (the browser journey registers her); {@code resident1} (王秀兰, 军门社区) has an open wish.
 * Never in {@code prod}; once per database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 20)
@RequiredArgsConstructor
public class DemoMemberService implements ApplicationRunner {

	/** Confirmed service of the demo history, published at the end as one {@link ServicesDelivered}. */
	private final List<ServiceDelivered> history = new java.util.ArrayList<>();

	private static final Logger log = LoggerFactory.getLogger(DemoMemberService.class);

	/** Demo city : Fuzhou. */
	static final int SCALE = 100;

	static final int SERVICES = 105_400 / SCALE;

	static final int PROBLEMS_SOLVED = 6_117 / SCALE;

	static final int COMMUNITIES = 60;

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	static final String BY = "system:demo";

	/** Member service counts days in China Standard Time. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** From this age a resident's wish counts as elderly care. */
	static final int ELDERLY_AGE = 60;

	/** The open wish of resident1 (王秀兰) the browser journey claims. */
	public static final String RESIDENT1_WISH = "帮忙更换厨房的灯泡";

	private static final String[] SURNAMES = { "陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "何", "罗",
			"江", "游", "潘", "郭" };

	private static final String[] GIVEN = { "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
			"超", "秀英", "华", "慧", "建国", "志强", "晓东", "丹", "玲", "斌", "婷", "海燕", "少华" };

	private static final String[] EMPLOYERS = { "福州市民政局", "鼓楼区教育局", "福建省立医院", "国网福州供电公司", "福州市税务局",
			"中国移动福州分公司", "福州第一中学", "福州大学", "兴业银行福州分行", "福州市自来水公司", "鼓楼区城市管理局", "福州地铁集团",
			"福州市图书馆", "晋安区卫生健康局", "福州市市场监督管理局" };

	private static final String[] UNITS = { "福州市民政局机关党委", "国网福州供电公司党委", "福建省立医院党委", "福州市税务局机关党委",
			"中国移动福州分公司党委", "兴业银行福州分行党委", "福州地铁集团党委", "福州大学机关党委" };

	private static final String[] SKILLS = { "家电维修", "法律咨询", "医疗护理", "心理疏导", "课业辅导", "理发", "摄影", "书法",
			"电脑手机教学", "驾驶", "园艺", "财务咨询" };

	private static final Map<ServiceCategory, String[]> WISHES = new LinkedHashMap<>();

	static {
		WISHES.put(ServiceCategory.ELDERLY, new String[] { "陪同去医院复诊", "帮忙更换厨房的灯泡", "代购降压药", "上门理发",
				"修理老式收音机", "帮忙晾晒被褥" });
		WISHES.put(ServiceCategory.CHILDREN, new String[] { "辅导孩子数学作业", "想要一套课外读物", "周末陪伴孩子去科技馆" });
		WISHES.put(ServiceCategory.EDUCATION, new String[] { "教我用智能手机视频通话", "学习使用医保App", "想学写毛笔字" });
		WISHES.put(ServiceCategory.MEDICAL, new String[] { "上门测量血压并讲解用药", "帮忙预约专家号" });
		WISHES.put(ServiceCategory.HARDSHIP, new String[] { "冬天需要一床棉被", "修理漏水的水龙头", "帮忙申请临时救助" });
		WISHES.put(ServiceCategory.GREENERY, new String[] { "楼下花坛补种花草" });
		WISHES.put(ServiceCategory.SAFETY, new String[] { "楼道加装感应灯", "检查家中燃气管道" });
		WISHES.put(ServiceCategory.OTHER, new String[] { "帮忙搬运旧家具" });
	}

	private static final String[][] POSTS = { { "社区文明劝导岗", "SAFETY" }, { "垃圾分类督导岗", "GREENERY" },
			{ "长者食堂助餐岗", "ELDERLY" }, { "四点半课堂辅导岗", "CHILDREN" }, { "平安巡逻岗", "SAFETY" },
			{ "绿化养护岗", "GREENERY" }, { "政策宣讲岗", "EDUCATION" }, { "健康义诊岗", "MEDICAL" }, { "困难家庭走访岗", "HARDSHIP" } };

	private static final String[][] NEEDS = { { "独居老人定期探访", "ELDERLY" }, { "老旧小区楼道照明改造", "SAFETY" },
			{ "青少年暑期托管", "CHILDREN" }, { "加装电梯协调", "OTHER" }, { "社区花园认养", "GREENERY" },
			{ "困难家庭结对帮扶", "HARDSHIP" }, { "慢病老人健康管理", "MEDICAL" } };

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ResidentRegister residents;

	private final MemberServiceImport memberService;

	private final ApplicationEventPublisher events;

	record Member(long id, String key, String name, long communityId, String path, boolean unit) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "memberservice")) {
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(20261127L);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		LocalDate today = LocalDate.now(ZONE);
		List<TerritoryNode> all = new ArrayList<>(territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/"));
		all.sort(Comparator.comparing(TerritoryNode::code));
		List<TerritoryNode> communities = new ArrayList<>();
		all.stream().filter(c -> c.code().equals(JUNMEN) || c.code().equals(ZIYANG)).forEach(communities::add);
		List<TerritoryNode> rest = new ArrayList<>(all);
		rest.removeAll(communities);
		java.util.Collections.shuffle(rest, random);
		communities.addAll(rest.subList(0, Math.min(rest.size(), COMMUNITIES - communities.size())));
		if (communities.isEmpty()) {
			return;
		}
		Map<Long, List<ResidentView>> elders = elders(today, communities);

		// registrations: members and units, registered over the last twelve months
		Map<Long, List<Member>> members = new HashMap<>();
		for (TerritoryNode c : communities) {
			boolean busy = c.code().equals(JUNMEN) || c.code().equals(ZIYANG);
			int n = busy ? 24 : 6 + random.nextInt(8);
			for (int i = 0; i < n; i++) {
				String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
				String employer = EMPLOYERS[random.nextInt(EMPLOYERS.length)];
				OffsetDateTime at = now.minusDays(20 + random.nextInt(345));
				long id = registration("MEMBER", name, employer, null, null, c, random, at);
				members.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Member(id, "member:" + id, name, c.id(), c.path(), false));
			}
			int units = busy ? 3 : 1 + random.nextInt(2);
			for (int i = 0; i < units; i++) {
				String unit = UNITS[(int) ((c.id() + i) % UNITS.length)];
				OffsetDateTime at = now.minusDays(30 + random.nextInt(330));
				long id = registration("UNIT", unit, unit, SURNAMES[random.nextInt(SURNAMES.length)] + "书记",
						10 + random.nextInt(60), c, random, at);
				members.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Member(id, "unit:" + id, unit, c.id(), c.path(), true));
			}
		}

		// needs lists
		for (TerritoryNode c : communities) {
			int n = 2 + random.nextInt(3);
			for (int i = 0; i < n; i++) {
				String[] need = NEEDS[random.nextInt(NEEDS.length)];
				String status = random.nextInt(4) == 0 ? "MET" : "OPEN";
				memberService.need(new ImportedNeed(c.id(), c.path(), need[0], c.name() + "：" + need[0],
						ServiceCategory.valueOf(need[1]), status, now.minusDays(random.nextInt(300)), BY));
			}
		}

		// micro-wishes: PROBLEMS_SOLVED fulfilled, and others open, claimed, delivered and withdrawn
		int served = 0;
		int fulfilled = 0;
		List<String> states = new ArrayList<>();
		for (int i = 0; i < PROBLEMS_SOLVED; i++) {
			states.add("CONFIRMED");
		}
		for (int i = 0; i < 40; i++) {
			states.add("OPEN");
		}
		for (int i = 0; i < 16; i++) {
			states.add("CLAIMED");
		}
		for (int i = 0; i < 10; i++) {
			states.add("DELIVERED");
		}
		for (int i = 0; i < 8; i++) {
			states.add("CANCELLED");
		}
		java.util.Collections.shuffle(states, random);
		TerritoryNode junmen = communities.get(0).code().equals(JUNMEN) ? communities.get(0) : communities.stream()
			.filter(c -> c.code().equals(JUNMEN)).findFirst().orElse(communities.get(0));
		TerritoryNode ziyang = communities.stream().filter(c -> c.code().equals(ZIYANG)).findFirst().orElse(junmen);
		for (int i = 0; i < states.size(); i++) {
			TerritoryNode c = i % 5 == 0 ? junmen : i % 7 == 1 ? ziyang : communities.get(random.nextInt(communities.size()));
			if (wish(c, states.get(i), elders.getOrDefault(c.id(), List.of()), members.get(c.id()), random, now, null)) {
				fulfilled++;
				served++;
			}
		}
		// resident1 (王秀兰 of 军门社区): one wish fulfilled last spring, and one open for the browser journey
		ResidentView wang = elders.getOrDefault(junmen.id(), List.of()).stream().filter(r -> r.name().equals("王秀兰"))
			.findFirst().orElse(null);
		if (wish(junmen, "CONFIRMED", wang == null ? List.of() : List.of(wang), members.get(junmen.id()), random,
				now.minusDays(200), "修理老式收音机")) {
			fulfilled++;
			served++;
		}
		// 军门社区 always has a claimed and a delivered wish (posted by the community on residents' behalf)
		wish(junmen, "CLAIMED", List.of(), members.get(junmen.id()), random, now, null);
		wish(junmen, "DELIVERED", List.of(), members.get(junmen.id()), random, now, null);
		// an open wish in 紫阳社区 too, posted by its community on an elder's behalf
		memberService.wish(ImportedWish.open(ziyang.id(), ziyang.path(), "帮忙更换厨房的灯泡", null, ServiceCategory.ELDERLY,
				null, null, null, "赵大爷", true, BY, now.minusDays(1)));
		long wangWish = memberService.wish(ImportedWish.open(junmen.id(), junmen.path(), RESIDENT1_WISH,
				"厨房顶灯坏了，自己够不着，想请人帮忙换一下。", ServiceCategory.ELDERLY, today.plusDays(14), "resident1",
				wang == null ? null : wang.id(), wang == null ? "王秀兰" : wang.name(), true, "resident1", now.minusDays(2)));
		log.debug("resident1's open wish {}", wangWish);

		// service posts with headcounts: served shifts in the past twelve months, open ones in the coming weeks
		int posts = 0;
		while (served < SERVICES) {
			TerritoryNode c = communities.get(posts % communities.size());
			List<Member> here = members.getOrDefault(c.id(), List.of());
			String[] post = POSTS[random.nextInt(POSTS.length)];
			boolean past = served + 20 < SERVICES || random.nextBoolean();
			LocalDate date = past ? today.minusDays(3 + random.nextInt(360)) : today.plusDays(3 + random.nextInt(25));
			int headcount = 3 + random.nextInt(6);
			BigDecimal hours = BigDecimal.valueOf(2 + random.nextInt(5)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)
				.add(BigDecimal.ONE);
			List<Member> shuffled = new ArrayList<>(here);
			java.util.Collections.shuffle(shuffled, random);
			int taken = Math.min(shuffled.size(), past ? headcount - random.nextInt(2) : random.nextInt(headcount));
			long postId = memberService.post(new ImportedPost(c.id(), c.path(), post[0], c.name() + post[0],
					ServiceCategory.valueOf(post[1]), date, hours, headcount, taken, past ? "CLOSED" : "OPEN",
					date.minusDays(10).atStartOfDay(ZONE).toOffsetDateTime(), BY));
			for (int k = 0; k < taken; k++) {
				Member m = shuffled.get(k);
				long signup = memberService.signup(postId, m.id(),
						date.minusDays(1 + random.nextInt(7)).atStartOfDay(ZONE).toOffsetDateTime());
				if (past) {
					served++;
					Instant at = date.atTime(18, 0).atZone(ZONE).toInstant();
					history.add(new ServiceDelivered(m.key(), m.name(), c.id(), c.path(), ServiceSource.SERVICE_POST,
							"post:" + postId + "/signup:" + signup, post[1], post[0], hours, false,
							ServiceCategory.ELDERLY.name().equals(post[1]), at, BY));
				}
			}
			posts++;
		}
		// The year of history goes to the ledger as one batch, booked in one transaction after this one commits.
		events.publishEvent(new ServicesDelivered(history));
		history.clear();
		log.info("Member service demo: {} communities, {} registrations, {} posts, {} services of which {} fulfilled wishes, in {} ms",
				communities.size(), members.values().stream().mapToInt(List::size).sum(), posts, served, fulfilled,
				(System.nanoTime() - started) / 1_000_000);
	}

	private Map<Long, List<ResidentView>> elders(LocalDate today, List<TerritoryNode> communities) {
		java.util.Set<Long> wanted = new java.util.HashSet<>();
		communities.forEach(c -> wanted.add(c.id()));
		List<Long> ids = residents.lookupActiveBornOnOrBefore(today.minusYears(ELDERLY_AGE));
		Map<Long, List<ResidentView>> map = new HashMap<>();
		for (int i = 0; i < ids.size(); i += 1000) {
			for (ResidentView r : residents.lookupAll(ids.subList(i, Math.min(ids.size(), i + 1000)))) {
				if (wanted.contains(r.communityId())) {
					map.computeIfAbsent(r.communityId(), k -> new ArrayList<>()).add(r);
				}
			}
		}
		map.values().forEach(l -> l.sort(Comparator.comparingLong(ResidentView::id)));
		return map;
	}

	private long registration(String kind, String name, String employer, String contact, Integer headcount,
			TerritoryNode c, Random random, OffsetDateTime at) {
		String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
		List<String> cats = new ArrayList<>();
		for (ServiceCategory sc : ServiceCategory.values()) {
			if (random.nextInt(4) == 0) {
				cats.add(sc.name());
			}
		}
		if (cats.isEmpty()) {
			cats.add(ServiceCategory.ELDERLY.name());
		}
		String availability = switch (random.nextInt(4)) {
			case 0 -> "WEEKDAY_EVENINGS";
			case 1 -> "WEEKENDS";
			case 2 -> "WEEKDAY_EVENINGS,WEEKENDS";
			default -> "HOLIDAYS,WEEKENDS";
		};
		return memberService.register(new ImportedRegistration(kind, name, employer, contact, headcount, c.id(), c.path(),
				SKILLS[random.nextInt(SKILLS.length)], String.join(",", cats), availability, phone, at, BY));
	}

	/** One wish in a given state with a realistic history; returns whether it was fulfilled. */
	private boolean wish(TerritoryNode c, String state, List<ResidentView> elders, List<Member> claimers, Random random,
			OffsetDateTime now, String fixedTitle) {
		ServiceCategory category = fixedTitle != null ? ServiceCategory.ELDERLY
				: new ArrayList<>(WISHES.keySet()).get(random.nextInt(WISHES.size()));
		String[] titles = WISHES.get(category);
		String title = fixedTitle != null ? fixedTitle : titles[random.nextInt(titles.length)];
		ResidentView resident = elders.isEmpty() || (category != ServiceCategory.ELDERLY && random.nextInt(3) == 0) ? null
				: elders.get(random.nextInt(elders.size()));
		String wisher = resident != null ? resident.name()
				: SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		boolean elderly = resident != null;
		boolean open = state.equals("OPEN") || state.equals("CANCELLED");
		OffsetDateTime created = open ? now.minusDays(1 + random.nextInt(40)) : now.minusDays(10 + random.nextInt(350));
		boolean resident1 = resident != null && resident.name().equals("王秀兰") && c.code().equals(JUNMEN);
		String username = resident1 ? "resident1" : null;
		Long residentId = resident == null ? null : resident.id();
		String postedBy = resident1 ? "resident1" : BY;
		if (open || claimers == null || claimers.isEmpty()) {
			ImportedWish posted = ImportedWish.open(c.id(), c.path(), title, null, category, null, username, residentId,
					wisher, elderly, postedBy, created);
			memberService.wish(state.equals("CANCELLED") ? cancelled(posted, created.plusDays(2)) : posted);
			return false;
		}
		Member m = claimers.get(random.nextInt(claimers.size()));
		OffsetDateTime claimed = created.plusHours(2 + random.nextInt(70));
		OffsetDateTime delivered = claimed.plusDays(1 + random.nextInt(5));
		BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(6)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
		String note = "已上门完成：" + title;
		boolean claimedOnly = state.equals("CLAIMED");
		boolean confirmed = state.equals("CONFIRMED");
		long id = memberService.wish(new ImportedWish(c.id(), c.path(), title, null, category, null, username, residentId,
				wisher, elderly, postedBy, state, created, m.unit() ? "UNIT" : "PARTY_MEMBER", m.key(), m.name(), m.id(),
				claimed, claimedOnly ? null : note, claimedOnly ? null : hours, claimedOnly ? null : delivered,
				confirmed ? postedBy : null,
				confirmed ? delivered.plusDays(1) : null, null));
		if (!state.equals("CONFIRMED")) {
			return false;
		}
		history.add(new ServiceDelivered(m.key(), m.name(), c.id(), c.path(), ServiceSource.MICRO_WISH, "wish:" + id,
				category.name(), title, hours, true, elderly || category == ServiceCategory.ELDERLY, delivered.toInstant(),
				resident1 ? "resident1" : BY));
		return true;
	}

	private static ImportedWish cancelled(ImportedWish w, OffsetDateTime at) {
		return new ImportedWish(w.communityId(), w.territoryPath(), w.title(), w.description(), w.category(), w.deadline(),
				w.wisherUsername(), w.wisherResidentId(), w.wisherName(), w.elderly(), w.postedBy(), "CANCELLED",
				w.createdAt(), null, null, null, null, null, null, null, null, null, null, at);
	}
}
