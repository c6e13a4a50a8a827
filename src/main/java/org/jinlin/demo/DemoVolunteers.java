package org.jinlin.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.Gender;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.VolunteerImport;
import org.jinlin.volunteers.VolunteerImport.LoadedActivity;
import org.jinlin.volunteers.VolunteerImport.Volunteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo volunteers (outside {@code prod}): about one in eight residents of the demo register, adults chosen at random
 * (their ID numbers and phones are synthetic: the register only shows masked ones), plus volunteer1 (志愿者 小李,
 * 军门社区); a year of activities in the five-helps and other categories with sign-ups, attendance and confirmed
 * hours (published to the service-hours ledger in this transaction), upcoming activities open for sign-up, and
 * issued certificates — volunteer1's is {@value #CERTIFICATE}. Synthetic data is drawn here; the volunteers module
 * writes it through {@link VolunteerImport}.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 50)
@RequiredArgsConstructor
class DemoVolunteers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

	static final String JUNMEN = "350102004001";

	/** The demo certificate of volunteer1, documented in the README. */
	static final String CERTIFICATE = "JL-2026-DEMO000001";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String SYSTEM = "system:demo";

	/** The weights of an ID number's first 17 digits for its check digit (GB 11643). */
	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	/** The organiser who approved the back-dated pairs and confirmed the hours. */
	private static final String ORGANISER = "junmen";

	/** One resident in this many registers as a volunteer. */
	static final int ONE_IN = 8;

	private static final ServiceIntention[] CATEGORIES = { ServiceIntention.ELDERLY, ServiceIntention.CHILDREN,
			ServiceIntention.EDUCATION, ServiceIntention.MEDICAL, ServiceIntention.HARDSHIP, ServiceIntention.GREENERY,
			ServiceIntention.ELDERLY, ServiceIntention.SAFETY, ServiceIntention.CULTURE, ServiceIntention.ELDERLY,
			ServiceIntention.HARDSHIP, ServiceIntention.CHILDREN };

	private static final Map<ServiceIntention, String[]> TITLES = Map.of(
			ServiceIntention.ELDERLY, new String[] { "独居老人上门探访", "长者食堂助餐", "老年人智能手机课堂" },
			ServiceIntention.CHILDREN, new String[] { "四点半课堂看护", "儿童安全教育" },
			ServiceIntention.EDUCATION, new String[] { "困难家庭学生课业辅导", "社区读书会" },
			ServiceIntention.MEDICAL, new String[] { "义诊与血压测量", "健康知识讲座" },
			ServiceIntention.HARDSHIP, new String[] { "困难群众慰问", "爱心物资整理发放" },
			ServiceIntention.GREENERY, new String[] { "小区绿化养护", "垃圾分类宣传" },
			ServiceIntention.SAFETY, new String[] { "平安巡逻", "消防安全检查" },
			ServiceIntention.CULTURE, new String[] { "文明创建宣传", "邻里节活动" });

	private final JdbcClient jdbc;

	private final VolunteerImport volunteers;

	private final ResidentRegister residents;

	private final Territories territories;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "volunteers")) {
			return;
		}
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			seed();
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

	private void seed() {
		Random random = new Random(20260501L);
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(ZONE);
		TerritoryNode junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (junmen == null) {
			return;
		}
		Set<String> ids = new HashSet<>();
		// volunteer1: 志愿者 小李 of 军门社区, registered with an account
		Volunteer xiaoli = volunteers.register(new VolunteerImport.Registration("李小丽",
				idNumber("350102", LocalDate.of(1996, 5, 12), false, random, ids), "FEMALE", LocalDate.of(1996, 5, 12),
				"13905912345", "急救证、会弹钢琴",
				List.of(ServiceIntention.ELDERLY, ServiceIntention.CHILDREN, ServiceIntention.GREENERY), "周末全天、工作日晚上",
				junmen.id(), "volunteer1", SYSTEM, now.minus(Duration.ofDays(400))));
		// about one in eight residents, adults 18-75
		List<Long> all = residents.lookupActiveBornOnOrBefore(today);
		List<Long> adults = new ArrayList<>(residents.lookupActiveBornOnOrBefore(today.minusYears(18)));
		java.util.Collections.shuffle(adults, random);
		int target = Math.max(1, all.size() / ONE_IN) - 1;
		Map<Long, TerritoryNode> communities = new LinkedHashMap<>();
		Map<Long, List<Volunteer>> byCommunity = new LinkedHashMap<>();
		byCommunity.computeIfAbsent(junmen.id(), k -> new ArrayList<>()).add(xiaoli);
		int registered = 1;
		for (int i = 0; i < adults.size() && registered - 1 < target; i += 200) {
			for (ResidentView r : residents.lookupAll(adults.subList(i, Math.min(adults.size(), i + 200)))) {
				if (registered - 1 >= target || r.birthDate().isBefore(today.minusYears(75))) {
					continue;
				}
				TerritoryNode community = communities.computeIfAbsent(r.communityId(),
						id -> territories.lookup(id).orElse(null));
				if (community == null) {
					continue;
				}
				boolean male = r.gender() == Gender.MALE;
				List<ServiceIntention> intentions = new ArrayList<>();
				intentions.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
				ServiceIntention second = CATEGORIES[random.nextInt(CATEGORIES.length)];
				if (!intentions.contains(second)) {
					intentions.add(second);
				}
				Volunteer v = volunteers.register(new VolunteerImport.Registration(r.name(),
						idNumber(community.code().substring(0, 6), r.birthDate(), male, random, ids), male ? "MALE" : "FEMALE",
						r.birthDate(), "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)),
						random.nextInt(3) == 0 ? "驾驶、维修" : "", intentions,
						random.nextBoolean() ? "周末" : "工作日晚上", community.id(), null, SYSTEM,
						now.minus(Duration.ofDays(30 + random.nextInt(700)))));
				byCommunity.computeIfAbsent(community.id(), k -> new ArrayList<>()).add(v);
				registered++;
			}
		}
		// a year of activities per community with volunteers
		int activityCount = 0;
		List<ServiceDelivered> delivered = new ArrayList<>();
		int recordCount = 0;
		BigDecimal totalHours = BigDecimal.ZERO;
		for (Map.Entry<Long, List<Volunteer>> e : byCommunity.entrySet()) {
			TerritoryNode community = e.getKey() == junmen.id() ? junmen : communities.get(e.getKey());
			List<Volunteer> pool = e.getValue();
			int count = community.id() == junmen.id() ? 12 : Math.min(12, Math.max(1, pool.size() / 3));
			for (int k = 0; k < count; k++) {
				ServiceIntention category = CATEGORIES[(k + (int) (community.id() % 5)) % CATEGORIES.length];
				String[] titles = TITLES.get(category);
				LocalDate date = today.minusDays(10 + (long) k * 365 / count + random.nextInt(5));
				ZonedDateTime starts = date.atTime(LocalTime.of(9, 0)).atZone(ZONE);
				ZonedDateTime ends = starts.plusHours(3);
				String title = titles[random.nextInt(titles.length)];
				int capacity = 4 + random.nextInt(12);
				LoadedActivity a = activity(community, category, title, starts.toInstant(), ends.toInstant(), capacity);
				activityCount++;
				List<Volunteer> team = new ArrayList<>(pool);
				java.util.Collections.shuffle(team, random);
				team = team.subList(0, Math.min(team.size(), Math.min(capacity, 3 + random.nextInt(6))));
				if (community.id() == junmen.id() && k % 3 != 2 && !team.contains(xiaoli)) {
					if (team.size() >= capacity) {
						team.remove(team.size() - 1);
					}
					team.add(0, xiaoli);
				}
				for (Volunteer v : team) {
					volunteers.signUp(a, v.id(), starts.toInstant().minus(Duration.ofDays(3)));
					Instant in = starts.toInstant().plus(Duration.ofMinutes(random.nextInt(20)));
					Instant out = ends.toInstant().minus(Duration.ofMinutes(random.nextInt(40)));
					boolean backDated = random.nextInt(12) == 0;
					ServiceDelivered service = volunteers.served(new VolunteerImport.Service(a.id(), v.id(), date, in, out,
							backDated ? "手机没电，现场未能扫码" : null, ORGANISER,
							random.nextInt(4) == 0 ? "志愿服务通用培训（2 学时）" : null,
							random.nextInt(15) == 0 ? "街道优秀志愿者" : null, random.nextInt(3) == 0 ? "服务认真，居民满意" : "良好",
							SYSTEM));
					delivered.add(service);
					recordCount++;
					totalHours = totalHours.add(service.hours());
				}
			}
		}
		// the year's confirmed records to the service-hours ledger, booked in one go (this transaction's event)
		volunteers.book(delivered);
		// upcoming activities open for sign-up in 军门社区 and one street-wide
		for (int k = 0; k < 3; k++) {
			ServiceIntention category = new ServiceIntention[] { ServiceIntention.ELDERLY, ServiceIntention.GREENERY,
					ServiceIntention.CHILDREN }[k];
			ZonedDateTime starts = today.plusDays(3 + k * 4L).atTime(LocalTime.of(9, 0)).atZone(ZONE);
			LoadedActivity a = activity(junmen, category, TITLES.get(category)[0], starts.toInstant(),
					starts.plusHours(3).toInstant(), 10 + k * 5);
			if (k == 0) {
				List<Volunteer> junmenVolunteers = byCommunity.get(junmen.id());
				volunteers.signUp(a, junmenVolunteers.get(junmenVolunteers.size() - 1).id(), now);
			}
		}
		// certificates: volunteer1's with the fixed demo number, and about one in ten of the others
		VolunteerImport.Certificate demo = volunteers.certificate(xiaoli.id(), today.minusYears(1), today, CERTIFICATE,
				now.minus(Duration.ofDays(2))).orElseThrow();
		int issued = 1;
		String sample = null;
		for (List<Volunteer> pool : byCommunity.values()) {
			for (Volunteer v : pool) {
				if (v.id() == xiaoli.id() || random.nextInt(10) != 0 || !volunteers.hasRecords(v.id())) {
					continue;
				}
				// empty when all of this volunteer's records are older than a year
				var c = volunteers.certificate(v.id(), today.minusYears(1), today, null,
						now.minus(Duration.ofDays(1 + random.nextInt(60))));
				if (c.isPresent()) {
					sample = sample == null ? c.get().number() : sample;
					issued++;
				}
			}
		}
		log.info("Demo volunteers: {} registered of {} residents, {} activities, {} confirmed records ({} hours), {} certificates; "
				+ "volunteer1's certificate {} ({} hours), another {}", registered, all.size(), activityCount + 3, recordCount,
				totalHours, issued, demo.number(), demo.hours(), sample);
	}

	private LoadedActivity activity(TerritoryNode community, ServiceIntention category, String title, Instant starts,
			Instant ends, int capacity) {
		return volunteers.activity(new VolunteerImport.Activity(community.id(), category, title,
				community.name() + "党群服务中心", title + "，欢迎报名。", starts, ends, "全程", capacity,
				starts.minus(Duration.ofDays(8)), starts.minus(Duration.ofDays(7)), SYSTEM));
	}

	/** A synthetic, valid ID number (area, birth date, sequence odd for men, check digit), unique in the demo. */
	static String idNumber(String area, LocalDate birth, boolean male, Random random, Set<String> used) {
		while (true) {
			int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
			String first = area + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				sum += (first.charAt(i) - '0') * ID_WEIGHTS[i];
			}
			String id = first + "10X98765432".charAt(sum % 11);
			if (used.add(id)) {
				return id;
			}
		}
	}
}
