package org.jinlin.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Synthetic residents of the demo city, the same on every run (fixed seed, fixed reference date):
 * households of one to five people at one building/unit/room, common Fuzhou surnames, given names by
 * gender and generation, an age pyramid with about 16% aged 60 and over, valid 18-digit ID-card
 * numbers (the district's code as region, the birth date, a sequence whose parity gives the gender,
 * the ISO 7064 MOD 11-2 check character), mainland mobile numbers and the register's tags.
 * Free of Spring and of the database: it only needs the list of demo buildings.
 */
final class DemoResidentGenerator {

	/** Ages are computed against this day, so the output does not change with the calendar. */
	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 7, 1);

	static final long SEED = 350100L;

	/** 军门社区: the demo accounts' community gets many residents so its lists look alive. */
	static final String JUNMEN = "350102004001";

	static final String PINGSHAN = "350102002001";

	static final String ZIYANG = "350111003001";

	/** Target resident counts of the named communities; every other community gets {@link #DEFAULT_PER_COMMUNITY}. */
	static final Map<String, Integer> TARGETS = Map.of(JUNMEN, 300, PINGSHAN, 120, ZIYANG, 150);

	static final int DEFAULT_PER_COMMUNITY = 8;

	/** A building of the demo city as the generator needs it. */
	record Building(long id, String code, String communityCode, String districtCode, boolean rural) {
	}

	/**
	 * One synthetic resident.
	 *
	 * @param gender {@code MALE} or {@code FEMALE}
	 * @param household sequence number of the household (same building, unit and room)
	 * @param tags names of register tags, e.g. {@code LIVING_ALONE}
	 * @param channel registration channel name, e.g. {@code DOOR_TO_DOOR}
	 * @param account the demo account this resident is, if any (e.g. {@code resident1})
	 */
	record DemoResident(String name, String gender, LocalDate birthDate, String idNumber, String phone, long buildingId,
			String communityCode, String unit, String room, int household, Set<String> tags, String channel,
			String account) {

		boolean male() {
			return "MALE".equals(gender);
		}

		int age() {
			return (int) ChronoUnit.YEARS.between(birthDate, REFERENCE_DATE);
		}

		/** Never prints personal values. */
		@Override
		public String toString() {
			return "DemoResident[household=" + household + ", buildingId=" + buildingId + "]";
		}
	}

	// Surnames weighted for Fuzhou: 陈, 林 and 黄 are far ahead ("陈林半天下").
	private static final String[] SURNAMES = { "陈", "林", "黄", "郑", "王", "李", "张", "刘", "吴", "杨", "蔡", "何", "翁",
			"游", "邱", "潘", "高", "江", "叶", "徐", "许", "朱", "周", "魏", "卓", "薛", "詹", "施", "曾", "方", "池", "卢", "余",
			"郭", "宋", "谢", "罗", "赖", "孙", "胡" };

	private static final int[] SURNAME_WEIGHTS = { 150, 130, 70, 50, 40, 36, 34, 30, 28, 24, 20, 16, 14, 12, 12, 12, 12,
			12, 12, 12, 12, 10, 10, 10, 8, 8, 8, 8, 8, 8, 6, 6, 6, 8, 6, 8, 6, 6, 8, 8 };

	// Given names by generation (born before 1960, 1960-1989, from 1990) and gender.
	private static final String[][] MALE_NAMES = {
			{ "建国", "国强", "德福", "金水", "依弟", "文华", "永福", "荣华", "光明", "国华", "春生", "天福", "正德", "长发", "树根", "炳辉",
					"明", "华", "强", "福", "忠", "海" },
			{ "志明", "建华", "伟", "强", "勇", "斌", "军", "立新", "海涛", "文斌", "志强", "晓东", "建平", "国栋", "雄", "鹏", "晓明", "俊杰",
					"宏伟", "少华", "剑锋", "振宇" },
			{ "子轩", "浩然", "宇航", "俊熙", "梓豪", "一鸣", "思远", "晨阳", "嘉豪", "铭泽", "睿", "皓", "博文", "泽宇", "子墨", "宇轩",
					"天佑", "逸凡", "锦程", "昊" } };

	private static final String[][] FEMALE_NAMES = {
			{ "秀英", "桂英", "玉兰", "秀珍", "淑珍", "美玉", "玉珠", "月娥", "金花", "素琴", "秀兰", "依妹", "玉英", "凤英", "瑞珍", "碧霞",
					"兰", "英", "珍", "娟" },
			{ "丽", "静", "敏", "燕", "芳", "丽华", "晓燕", "雪梅", "美华", "海燕", "小红", "红梅", "秀云", "慧敏", "丽娟", "婷", "艳",
					"颖", "玲", "春梅" },
			{ "梓涵", "欣怡", "雨桐", "诗涵", "子涵", "思琪", "语嫣", "可馨", "佳怡", "一诺", "若汐", "芷若", "嘉怡", "心怡", "婧", "悦",
					"萱", "琪", "晨曦", "雨萱" } };

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "158", "159", "180", "181", "183", "185", "186", "187", "188", "189" };

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

	private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

	private enum HouseholdType {
		ELDER_ALONE(8), ELDER_COUPLE(6), SINGLE(12), COUPLE(12), FAMILY(36), THREE_GENERATIONS(16);

		final int weight;

		HouseholdType(int weight) {
			this.weight = weight;
		}
	}

	private final Random random;

	private final Set<String> idNumbers = new HashSet<>();

	private final Set<String> phones = new HashSet<>();

	private final Set<String> addresses = new HashSet<>();

	private int household;

	DemoResidentGenerator() {
		this(SEED);
	}

	DemoResidentGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** Residents for all communities of the given buildings, in community-code order. */
	List<DemoResident> generate(List<Building> buildings) {
		Map<String, List<Building>> byCommunity = new TreeMap<>();
		buildings.stream()
			.sorted(Comparator.comparing(Building::code))
			.forEach(b -> byCommunity.computeIfAbsent(b.communityCode(), c -> new ArrayList<>()).add(b));
		List<DemoResident> residents = new ArrayList<>();
		byCommunity.forEach((community, inCommunity) -> {
			int target = TARGETS.getOrDefault(community, DEFAULT_PER_COMMUNITY);
			List<DemoResident> here = new ArrayList<>();
			if (community.equals(JUNMEN)) {
				here.addAll(wangAyi(inCommunity.get(0)));
			}
			if (community.equals(ZIYANG)) {
				here.addAll(elderAloneAt86(inCommunity.get(0)));
			}
			while (here.size() < target) {
				here.addAll(household(inCommunity.get(random.nextInt(inCommunity.size())), pickType()));
			}
			residents.addAll(here);
		});
		return residents;
	}

	/** resident1's record: 王阿姨, 63, living with her husband in grid 1 of 军门社区. */
	private List<DemoResident> wangAyi(Building building) {
		int h = ++household;
		Address a = address(building);
		LocalDate herBirth = REFERENCE_DATE.minusYears(63).minusDays(120);
		LocalDate hisBirth = REFERENCE_DATE.minusYears(66).minusDays(40);
		return List.of(
				resident("王秀兰", false, herBirth, building, a, h, new LinkedHashSet<>(List.of("EMPTY_NEST")), "SELF",
						"resident1"),
				resident("陈德福", true, hisBirth, building, a, h, new LinkedHashSet<>(List.of("EMPTY_NEST", "PARTY_MEMBER")),
						"DOOR_TO_DOOR", null));
	}

	/** The 86-year-old living alone in 紫阳社区 whom the platform exists for. */
	private List<DemoResident> elderAloneAt86(Building building) {
		int h = ++household;
		Address a = address(building);
		LocalDate birth = REFERENCE_DATE.minusYears(86).minusDays(75);
		return List.of(resident("林玉珠", false, birth, building, a, h, new LinkedHashSet<>(List.of("LIVING_ALONE")),
				"DOOR_TO_DOOR", null));
	}

	private HouseholdType pickType() {
		int total = 0;
		for (HouseholdType t : HouseholdType.values()) {
			total += t.weight;
		}
		int r = random.nextInt(total);
		for (HouseholdType t : HouseholdType.values()) {
			r -= t.weight;
			if (r < 0) {
				return t;
			}
		}
		throw new IllegalStateException();
	}

	private List<DemoResident> household(Building building, HouseholdType type) {
		int h = ++household;
		Address address = address(building);
		String surname = surname();
		List<Member> members = new ArrayList<>();
		switch (type) {
			case ELDER_ALONE -> members.add(new Member(surname, random.nextInt(100) >= 62, pickAge(60, 95, 72)));
			case ELDER_COUPLE -> {
				int age = pickAge(60, 90, 65);
				members.add(new Member(surname, true, age));
				members.add(new Member(surname(), false, clamp(age - 3 + random.nextInt(6), 58, 95)));
			}
			case SINGLE -> members.add(new Member(surname, random.nextBoolean(), pickAge(19, 58, 26)));
			case COUPLE -> {
				int age = 24 + random.nextInt(34);
				members.add(new Member(surname, true, age));
				members.add(new Member(surname(), false, clamp(age - 2 + random.nextInt(4), 22, 59)));
			}
			case FAMILY -> {
				int age = 28 + random.nextInt(30);
				members.add(new Member(surname, true, age));
				members.add(new Member(surname(), false, clamp(age - 3 + random.nextInt(5), 24, 59)));
				int children = random.nextInt(100) < 65 ? 1 : 2;
				for (int c = 0; c < children; c++) {
					members.add(new Member(surname, random.nextBoolean(), childAge(age)));
				}
			}
			case THREE_GENERATIONS -> {
				int parent = 30 + random.nextInt(22);
				int grand = clamp(parent + 24 + random.nextInt(10), 56, 95);
				boolean grandfather = random.nextBoolean();
				members.add(new Member(grandfather ? surname : surname(), grandfather, grand));
				if (random.nextInt(100) < 55) {
					members.add(new Member(grandfather ? surname() : surname, !grandfather,
							clamp(grand - 2 + random.nextInt(5), 56, 95)));
				}
				members.add(new Member(surname, true, parent));
				members.add(new Member(surname(), false, clamp(parent - 2 + random.nextInt(4), 26, 58)));
				if (members.size() < 5) {
					members.add(new Member(surname, random.nextBoolean(), childAge(parent)));
				}
			}
		}
		boolean lowIncome = random.nextInt(100) < (type == HouseholdType.ELDER_ALONE ? 10 : 3);
		boolean elderOnly = members.stream().allMatch(m -> m.age >= 60);
		String householdChannel = channel(members.stream().mapToInt(m -> m.age).max().orElse(40));
		List<DemoResident> residents = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Member m : members) {
			Set<String> tags = new LinkedHashSet<>();
			if (m.age >= 60 && members.size() == 1) {
				tags.add("LIVING_ALONE");
			}
			else if (m.age >= 60 && elderOnly) {
				tags.add("EMPTY_NEST");
			}
			if (random.nextInt(1000) < (m.age >= 60 ? 60 : 15)) {
				tags.add("DISABLED");
			}
			if (lowIncome) {
				tags.add("LOW_INCOME");
			}
			if (m.age >= 18 && random.nextInt(100) < (m.age >= 60 ? 10 : 6)) {
				tags.add("PARTY_MEMBER");
			}
			if (m.male && m.age >= 30 && random.nextInt(100) < 3) {
				tags.add("VETERAN");
			}
			LocalDate birth = REFERENCE_DATE.minusYears(m.age).minusDays(random.nextInt(365));
			String name = m.surname + givenName(m.male, birth.getYear());
			while (!names.add(name)) { // siblings do not share a name
				name = m.surname + givenName(m.male, birth.getYear());
			}
			residents.add(resident(name, m.male, birth, building, address, h, tags, householdChannel, null));
		}
		return residents;
	}

	/** A child's age: the parent had the child between 23 and 36. */
	private int childAge(int parentAge) {
		return Math.max(0, parentAge - 23 - random.nextInt(14));
	}

	private record Member(String surname, boolean male, int age) {
	}

	private record Address(String unit, String room) {
	}

	private DemoResident resident(String name, boolean male, LocalDate birth, Building building, Address address,
			int household, Set<String> tags, String channel, String account) {
		int age = (int) ChronoUnit.YEARS.between(birth, REFERENCE_DATE);
		String phone = age < 12 || (age >= 85 && random.nextBoolean()) ? null : phone();
		return new DemoResident(name, male ? "MALE" : "FEMALE", birth, idNumber(building.districtCode(), birth, male),
				phone, building.id(), building.communityCode(), address.unit(), address.room(), household,
				Set.copyOf(tags), channel, account);
	}

	/** A free unit and room in the building: flats of up to 18 floors in town, houses of up to 4 in villages. */
	private Address address(Building building) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			String unit = building.rural() ? "1" : Integer.toString(1 + random.nextInt(3));
			int floors = building.rural() ? 4 : 18;
			String room = (1 + random.nextInt(floors)) + "0" + (1 + random.nextInt(4));
			if (addresses.add(building.id() + "|" + unit + "|" + room)) {
				return new Address(unit, room);
			}
		}
		throw new IllegalStateException("Building " + building.code() + " is full");
	}

	/** An age in [min, max], drawn from a triangle peaking at {@code mode}: few of the very old. */
	private int pickAge(int min, int max, int mode) {
		double u = random.nextDouble();
		double f = (double) (mode - min) / (max - min);
		double x = u < f ? min + Math.sqrt(u * (max - min) * (mode - min))
				: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
		return clamp((int) Math.round(x), min, max);
	}

	private String channel(int oldestAge) {
		int r = random.nextInt(100);
		if (oldestAge >= 60) {
			return r < 45 ? "DOOR_TO_DOOR" : r < 70 ? "PHONE_CALL" : r < 85 ? "OFFICE" : r < 92 ? "SELF" : "IMPORT";
		}
		return r < 35 ? "SELF" : r < 55 ? "DOOR_TO_DOOR" : r < 70 ? "PHONE_CALL" : r < 80 ? "OFFICE" : "IMPORT";
	}

	private String surname() {
		int total = 0;
		for (int w : SURNAME_WEIGHTS) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < SURNAMES.length; i++) {
			r -= SURNAME_WEIGHTS[i];
			if (r < 0) {
				return SURNAMES[i];
			}
		}
		throw new IllegalStateException();
	}

	private String givenName(boolean male, int birthYear) {
		int generation = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
		String[] pool = (male ? MALE_NAMES : FEMALE_NAMES)[generation];
		return pool[random.nextInt(pool.length)];
	}

	/** A unique valid ID-card number: region, birth date, sequence with the gender's parity, check character. */
	private String idNumber(String region, LocalDate birth, boolean male) {
		String prefix = region + birth.format(YYYYMMDD);
		int start = random.nextInt(500);
		for (int i = 0; i < 500; i++) {
			int seq = ((start + i) % 500) * 2 + (male ? 1 : 0);
			String first17 = prefix + String.format("%03d", seq);
			String id = first17 + checkChar(first17);
			if (idNumbers.add(id)) {
				return id;
			}
		}
		throw new IllegalStateException("No free ID-card sequence");
	}

	/** ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999). */
	static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS[sum % 11];
	}

	private String phone() {
		while (true) {
			String phone = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
					+ String.format("%08d", random.nextInt(100_000_000));
			if (phones.add(phone)) {
				return phone;
			}
		}
	}

	private static int clamp(int v, int min, int max) {
		return Math.max(min, Math.min(max, v));
	}

	/** Counts by a key, for summaries and tests. */
	static <K> Map<K, Integer> histogram(List<DemoResident> residents, java.util.function.Function<DemoResident, K> key) {
		Map<K, Integer> counts = new LinkedHashMap<>();
		residents.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
		return counts;
	}
}
