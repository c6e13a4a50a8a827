package org.jinlin.volunteers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jinlin.people.Gender;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServicesDelivered;
import org.jinlin.shared.DemoSeeds;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ActivityModels.ActivityView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo volunteers (outside {@code prod}): about one in eight residents of the demo register, adults chosen at random
 * (their ID numbers and phones are synthetic: the register only shows masked ones), plus volunteer1 (志愿者 小李,
 * 军门社区); a year of activities in the five-helps and other categories with sign-ups, attendance and confirmed
 * hours (published to the service-hours ledger in this transaction), upcoming activities open for sign-up, and
 * issued certificates — volunteer1's is {@value Certificates#DEMO_NUMBER}.
 */
@Component
@Profile("!prod")
@Order(DemoSeeds.PEOPLE + 50)
class DemoVolunteers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

	static final String JUNMEN = "350102004001";

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

	private final VolunteerRegistry registry;

	private final VolunteerActivities activities;

	private final Certificates certificates;

	private final ResidentRegister residents;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	DemoVolunteers(JdbcClient jdbc, VolunteerRegistry registry, VolunteerActivities activities, Certificates certificates,
			ResidentRegister residents, Territories territories, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.registry = registry;
		this.activities = activities;
		this.certificates = certificates;
		this.residents = residents;
		this.territories = territories;
	}

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
		LocalDate today = LocalDate.now(VolunteerActivities.ZONE);
		TerritoryNode junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (junmen == null) {
			return;
		}
		Set<String> ids = new HashSet<>();
		// volunteer1: 志愿者 小李 of 军门社区, registered with an account
		VolunteerView xiaoli = registry.insert(new VolunteerRegistry.Valid("李小丽", idNumber("350102", LocalDate.of(1996, 5, 12), false, random, ids),
				"FEMALE", LocalDate.of(1996, 5, 12), "13905912345", "急救证、会弹钢琴",
				List.of(ServiceIntention.ELDERLY, ServiceIntention.CHILDREN, ServiceIntention.GREENERY), "周末全天、工作日晚上",
				junmen), "volunteer1", "system:demo", now.minus(Duration.ofDays(400)));
		// about one in eight residents, adults 18-75
		List<Long> all = residents.lookupActiveBornOnOrBefore(today);
		List<Long> adults = new ArrayList<>(residents.lookupActiveBornOnOrBefore(today.minusYears(18)));
		java.util.Collections.shuffle(adults, random);
		int target = Math.max(1, all.size() / ONE_IN) - 1;
		Map<Long, TerritoryNode> communities = new LinkedHashMap<>();
		Map<Long, List<VolunteerView>> byCommunity = new LinkedHashMap<>();
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
				VolunteerView v = registry.insert(new VolunteerRegistry.Valid(r.name(),
						idNumber(community.code().substring(0, 6), r.birthDate(), male, random, ids), male ? "MALE" : "FEMALE",
						r.birthDate(), "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)),
						random.nextInt(3) == 0 ? "驾驶、维修" : "", intentions,
						random.nextBoolean() ? "周末" : "工作日晚上", community), null, "system:demo",
						now.minus(Duration.ofDays(30 + random.nextInt(700))));
				byCommunity.computeIfAbsent(community.id(), k -> new ArrayList<>()).add(v);
				registered++;
			}
		}
		// a year of activities per community with volunteers
		int activityCount = 0;
		List<ServiceDelivered> delivered = new ArrayList<>();
		int recordCount = 0;
		BigDecimal totalHours = BigDecimal.ZERO;
		for (Map.Entry<Long, List<VolunteerView>> e : byCommunity.entrySet()) {
			TerritoryNode community = e.getKey() == junmen.id() ? junmen : communities.get(e.getKey());
			List<VolunteerView> pool = e.getValue();
			int count = community.id() == junmen.id() ? 12 : Math.min(12, Math.max(1, pool.size() / 3));
			for (int k = 0; k < count; k++) {
				ServiceIntention category = CATEGORIES[(k + (int) (community.id() % 5)) % CATEGORIES.length];
				String[] titles = TITLES.get(category);
				LocalDate date = today.minusDays(10 + (long) k * 365 / count + random.nextInt(5));
				ZonedDateTime starts = date.atTime(LocalTime.of(9, 0)).atZone(VolunteerActivities.ZONE);
				ZonedDateTime ends = starts.plusHours(3);
				long id = activity(community, category, titles[random.nextInt(titles.length)], starts.toInstant(),
						ends.toInstant(), 4 + random.nextInt(12));
				activityCount++;
				ActivityView a = activities.load(id).orElseThrow();
				List<VolunteerView> team = new ArrayList<>(pool);
				java.util.Collections.shuffle(team, random);
				team = team.subList(0, Math.min(team.size(), Math.min(a.capacity(), 3 + random.nextInt(6))));
				if (community.id() == junmen.id() && k % 3 != 2 && !team.contains(xiaoli)) {
					if (team.size() >= a.capacity()) {
						team.remove(team.size() - 1);
					}
					team.add(0, xiaoli);
				}
				for (VolunteerView v : team) {
					signUp(a, v, starts.toInstant().minus(Duration.ofDays(3)));
					Instant in = starts.toInstant().plus(Duration.ofMinutes(random.nextInt(20)));
					Instant out = ends.toInstant().minus(Duration.ofMinutes(random.nextInt(40)));
					boolean backDated = random.nextInt(12) == 0;
					jdbc.sql("""
							INSERT INTO volunteer_attendance (activity_id, volunteer_id, service_date, signed_in_at, signed_out_at,
							  back_dated, status, reason, recorded_by, decided_by, decided_at)
							VALUES (?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?)""")
						.params(id, v.id(), date, VolunteerActivities.ts(in), VolunteerActivities.ts(out), backDated,
								backDated ? "手机没电，现场未能扫码" : null, v.personKey(),
								backDated ? "junmen" : null, backDated ? VolunteerActivities.ts(out.plus(Duration.ofDays(1))) : null)
						.update();
					BigDecimal hours = CheckInPolicy.hours(List.of(new CheckInPolicy.Pair(0, id, in, out, false,
							CheckInPolicy.Status.APPROVED)));
					String content = a.title();
					jdbc.sql("""
							INSERT INTO volunteer_service_record (activity_id, volunteer_id, category, content, computed_hours, hours,
							  training, commendations, evaluation, service_date, territory_path, confirmed_by, confirmed_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'junmen', ?)""")
						.params(id, v.id(), category.name(), content, hours, hours,
								random.nextInt(4) == 0 ? "志愿服务通用培训（2 学时）" : null,
								random.nextInt(15) == 0 ? "街道优秀志愿者" : null, random.nextInt(3) == 0 ? "服务认真，居民满意" : "良好",
								date, a.territoryPath(), VolunteerActivities.ts(out.plus(Duration.ofHours(2))))
						.update();
					delivered.add(activities.delivered(a, v, content, hours, date, "system:demo"));
					recordCount++;
					totalHours = totalHours.add(hours);
				}
			}
		}
		// the year's confirmed records to the service-hours ledger, booked in one go (this transaction's event)
		events.publishEvent(new ServicesDelivered(delivered));
		// upcoming activities open for sign-up in 军门社区 and one street-wide
		for (int k = 0; k < 3; k++) {
			ServiceIntention category = new ServiceIntention[] { ServiceIntention.ELDERLY, ServiceIntention.GREENERY,
					ServiceIntention.CHILDREN }[k];
			ZonedDateTime starts = today.plusDays(3 + k * 4L).atTime(LocalTime.of(9, 0)).atZone(VolunteerActivities.ZONE);
			long id = activity(junmen, category, TITLES.get(category)[0], starts.toInstant(), starts.plusHours(3).toInstant(),
					10 + k * 5);
			if (k == 0) {
				signUp(activities.load(id).orElseThrow(), byCommunity.get(junmen.id()).get(byCommunity.get(junmen.id()).size() - 1),
						now);
			}
		}
		// certificates: volunteer1's with the fixed demo number, and about one in ten of the others
		Certificates.Certificate demo = certificates.issue(xiaoli, today.minusYears(1), today, Certificates.DEMO_NUMBER,
				now.minus(Duration.ofDays(2)));
		int issued = 1;
		String sample = null;
		for (List<VolunteerView> pool : byCommunity.values()) {
			for (VolunteerView v : pool) {
				if (v.id() == xiaoli.id() || random.nextInt(10) != 0) {
					continue;
				}
				boolean any = jdbc.sql("SELECT COUNT(*) FROM volunteer_service_record WHERE volunteer_id = ?").param(v.id())
					.query(Long.class).single() > 0;
				if (any) {
					try {
						Certificates.Certificate c = certificates.issue(v, today.minusYears(1), today,
								Certificates.newNumber(today.getYear()), now.minus(Duration.ofDays(1 + random.nextInt(60))));
						sample = sample == null ? c.number() : sample;
						issued++;
					}
					catch (org.jinlin.shared.ConflictException noRecordsInThePeriod) {
						// all of this volunteer's records are older than a year
					}
				}
			}
		}
		log.info("Demo volunteers: {} registered of {} residents, {} activities, {} confirmed records ({} hours), {} certificates; "
				+ "volunteer1's certificate {} ({} hours), another {}", registered, all.size(), activityCount + 3, recordCount,
				totalHours, issued, demo.number(), demo.hours(), sample);
	}

	private long activity(TerritoryNode community, ServiceIntention category, String title, Instant starts, Instant ends,
			int capacity) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_activity (title, organiser_kind, organiser_name, territory_id, territory_name, territory_path,
				  category, venue, description, starts_at, ends_at, status, published_at, checkin_token, created_at, created_by)
				VALUES (?, 'COMMUNITY', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, 'system:demo')""")
			.params(title, community.name(), community.id(), community.name(), community.path(), category.name(),
					community.name() + "党群服务中心", title + "，欢迎报名。", VolunteerActivities.ts(starts),
					VolunteerActivities.ts(ends), VolunteerActivities.ts(starts.minus(Duration.ofDays(7))),
					VolunteerActivities.newToken(), VolunteerActivities.ts(starts.minus(Duration.ofDays(8))))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO volunteer_shift (activity_id, label, starts_at, ends_at, capacity, taken) VALUES (?, '全程', ?, ?, ?, 0)")
			.params(id, VolunteerActivities.ts(starts), VolunteerActivities.ts(ends), capacity).update();
		return id;
	}

	private void signUp(ActivityView a, VolunteerView v, Instant at) {
		long shift = a.shifts().get(0).id();
		jdbc.sql("UPDATE volunteer_shift SET taken = taken + 1 WHERE id = ? AND taken < capacity").param(shift).update();
		jdbc.sql("INSERT INTO volunteer_signup (shift_id, activity_id, volunteer_id, status, signed_up_at) VALUES (?, ?, ?, 'SIGNED_UP', ?)")
			.params(shift, a.id(), v.id(), VolunteerActivities.ts(at)).update();
	}

	/** A synthetic, valid ID number (area, birth date, sequence odd for men, check digit), unique in the demo. */
	static String idNumber(String area, LocalDate birth, boolean male, Random random, Set<String> used) {
		while (true) {
			int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
			String first = area + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
			String id = first + VolunteerRegistry.checkDigit(first);
			if (used.add(id)) {
				return id;
			}
		}
	}
}
