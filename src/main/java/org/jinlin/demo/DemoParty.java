package org.jinlin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.OrgKind;
import org.jinlin.party.PartyImport;
import org.jinlin.party.PartyImport.Table;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
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
 * Demo party organisations at Fuzhou's proportions, the same on every run: a committee in every community, a compound
 * branch covering every compound (100% in 鼓楼区; in 晋安区 every ninth compound is left uncovered so coverage below
 * 100% shows), building groups for buildings of 鼓楼区, building and business-district organisations, one alliance
 * per street with two or three co-building units per community, their commitments and deliveries, part-time
 * committee members, and joint meetings with resolutions and tasks (some open, some overdue) in 东街街道 and 紫阳社区.
 * 军门社区 holds the full example. Rows are planned here in memory with ids; the party module writes them in JDBC
 * batches through {@link PartyImport}.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 15)
@RequiredArgsConstructor
class DemoParty implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoParty.class);

	static final String JUNMEN = "350102004001";

	static final String DONGJIE = "350102004000";

	static final String GULOU = "350102";

	static final String JINAN = "350111";

	static final String ZIYANG = "350111003001";

	private static final String[] SURNAMES = { "林", "陈", "黄", "张", "吴", "郑", "王", "李", "刘", "杨", "许", "何", "高",
			"魏", "叶" };

	private static final String[] GIVEN = { "建国", "秀英", "志强", "丽华", "明", "芳", "伟", "敏", "海燕", "国庆", "文斌", "雪梅",
			"晓东", "春兰", "榕生", "闽华", "立新", "淑珍", "永福", "宏" };

	private static final String[] EMPLOYERS = { "鼓楼区人民政府", "福州市教育局", "国网福州供电公司", "福建省立医院", "福州第一中学",
			"中国移动福州分公司", "兴业银行福州分行", "福州地铁集团", "福州市公安局鼓楼分局", "福建师范大学" };

	private static final String[][] UNIT_POOL = { { "GOVERNMENT_AGENCY", "区市场监督管理局" }, { "GOVERNMENT_AGENCY", "区城市管理局" },
			{ "GOVERNMENT_AGENCY", "区司法局" }, { "STATE_OWNED_ENTERPRISE", "国网福州供电公司服务站" },
			{ "STATE_OWNED_ENTERPRISE", "福州水务集团营业所" }, { "STATE_OWNED_ENTERPRISE", "中国电信营业部" },
			{ "SCHOOL", "实验小学" }, { "SCHOOL", "第一中学" }, { "HOSPITAL", "社区卫生服务中心" }, { "HOSPITAL", "人民医院" },
			{ "ENTERPRISE", "建设银行支行" }, { "ENTERPRISE", "物业服务有限公司" }, { "SOCIAL_ORGANISATION", "社会工作服务中心" } };

	private static final String[][] COMMITMENTS = { { "ELDERLY", "为独居老人上门服务" }, { "CHILDREN", "开设四点半课堂" },
			{ "MEDICAL", "义诊进社区" }, { "EDUCATION", "普法讲座" }, { "HARDSHIP", "困难家庭帮扶" },
			{ "ENVIRONMENT", "小区环境整治" }, { "CULTURE", "文化活动进社区" }, { "EMPLOYMENT", "就业岗位推介" } };

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final PartyImport party;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	/** What was written, for the log and the tests. */
	record Counts(int organisations, int branches, int members, int alliances, int units, int commitments,
			int deliveries, int committeeMembers, int meetings, int tasks) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "party") || territories.lookupByCode(JUNMEN).isEmpty()) {
			return; // loaded already, or no demo territory
		}
		long start = System.nanoTime();
		Counts counts = new Planner().plan().write();
		log.info("Demo party organisations loaded: {} in {} ms", counts, (System.nanoTime() - start) / 1_000_000);
	}

	private final class Planner {

		final Random random = new Random(5);

		final OffsetDateTime now = OffsetDateTime.now();

		final LocalDate today = LocalDate.now(ZONE);

		final List<Object[]> orgs = new ArrayList<>();

		final List<Object[]> orgCompounds = new ArrayList<>();

		final List<Object[]> members = new ArrayList<>();

		final List<Object[]> alliances = new ArrayList<>();

		final List<Object[]> units = new ArrayList<>();

		final List<Object[]> commitments = new ArrayList<>();

		final List<Object[]> deliveries = new ArrayList<>();

		final List<Object[]> seats = new ArrayList<>();

		final List<Object[]> meetings = new ArrayList<>();

		final List<Object[]> resolutions = new ArrayList<>();

		final List<Object[]> tasks = new ArrayList<>();

		long orgId = party.lastId(Table.ORGANISATION);

		long memberId = party.lastId(Table.MEMBER);

		long allianceId = party.lastId(Table.ALLIANCE);

		long unitId = party.lastId(Table.UNIT);

		long commitmentId = party.lastId(Table.COMMITMENT);

		long deliveryId = party.lastId(Table.DELIVERY);

		long seatId = party.lastId(Table.COMMITTEE_MEMBER);

		long meetingId = party.lastId(Table.MEETING);

		long resolutionId = party.lastId(Table.RESOLUTION);

		long taskId = party.lastId(Table.TASK);

		int branches;

		String person() {
			return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		}

		String phone() {
			return "13" + (5 + random.nextInt(5)) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
		}

		long org(String name, OrgKind kind, Long parent, TerritoryNode at, int memberCount) {
			long id = ++orgId;
			String phone = phone();
			String cadre = random.nextInt(3) == 0 ? "RETIRED" : random.nextInt(2) == 0 ? "SERVING" : "NONE";
			if (kind == OrgKind.COMMUNITY_COMMITTEE) {
				cadre = "SERVING";
			}
			orgs.add(new Object[] { id, name, kind.name(), parent, at.id(), at.path(), person(), cadre,
					cipher.encrypt(phone), Masking.phone(phone), memberCount, now, "demo" });
			return id;
		}

		void member(long org, String path, String name, String username, boolean inService) {
			String phone = phone();
			int birth = 1945 + random.nextInt(55);
			members.add(new Object[] { ++memberId, org, path, name, random.nextBoolean() ? "MALE" : "FEMALE", birth,
					Math.min(today.getYear(), birth + 20 + random.nextInt(25)), username,
					inService ? EMPLOYERS[random.nextInt(EMPLOYERS.length)] : null, inService, cipher.encrypt(phone),
					Masking.phone(phone), now });
		}

		Planner plan() {
			Map<Long, TerritoryNode> byId = new HashMap<>();
			List<TerritoryNode> streets = territories.lookupLevelUnder(TerritoryLevel.STREET, "/");
			List<TerritoryNode> communities = new ArrayList<>(territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/"));
			List<TerritoryNode> grids = territories.lookupLevelUnder(TerritoryLevel.GRID, "/");
			List<TerritoryNode> compounds = territories.lookupLevelUnder(TerritoryLevel.COMPOUND, "/");
			List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, "/");
			streets.forEach(n -> byId.put(n.id(), n));
			communities.forEach(n -> byId.put(n.id(), n));
			communities.sort(Comparator.comparing(TerritoryNode::code));
			Map<Long, List<TerritoryNode>> gridsOf = group(grids);
			Map<Long, List<TerritoryNode>> compoundsOf = group(compounds);
			Map<Long, List<TerritoryNode>> buildingsOf = group(buildings);
			String gulou = path(GULOU);
			String jinan = path(JINAN);
			String dongjie = path(DONGJIE);
			String ziyang = path(ZIYANG);
			Map<Long, Long> committees = new HashMap<>();
			Map<Long, List<Long>> unitsOf = new HashMap<>();
			Map<Long, String> unitNames = new HashMap<>();
			Map<Long, Long> allianceOfStreet = new HashMap<>();
			for (TerritoryNode street : streets.stream().sorted(Comparator.comparing(TerritoryNode::code)).toList()) {
				long id = ++allianceId;
				allianceOfStreet.put(street.id(), id);
				alliances.add(new Object[] { id, street.name() + (street.rural() ? "乡村振兴党建联盟" : "区域化党建联盟"),
						street.id(), street.path(), now });
			}
			int compoundIndex = 0;
			for (TerritoryNode community : communities) {
				boolean junmen = community.code().equals(JUNMEN);
				boolean roster = community.path().startsWith(dongjie);
				String suffix = community.rural() ? "党总支" : "党委";
				long committee = org(community.name() + suffix, OrgKind.COMMUNITY_COMMITTEE, null, community,
						30 + random.nextInt(60));
				committees.put(community.id(), committee);
				if (junmen) {
					member(committee, community.path(), "张敏", "member1", true);
					for (int i = 0; i < 6; i++) {
						member(committee, community.path(), person(), null, i % 2 == 0);
					}
				}
				for (TerritoryNode grid : gridsOf.getOrDefault(community.id(), List.of())) {
					List<TerritoryNode> inGrid = compoundsOf.getOrDefault(grid.id(), List.of());
					if (community.rural() && !inGrid.isEmpty()) {
						// a village branch covers all compounds of its grid
						long branch = org(community.name() + grid.name() + "党支部", OrgKind.COMPOUND_BRANCH, committee,
								grid, 10 + random.nextInt(20));
						branches++;
						inGrid.forEach(c -> orgCompounds.add(new Object[] { branch, c.id(), c.path() }));
						continue;
					}
					for (TerritoryNode compound : inGrid) {
						compoundIndex++;
						if (compound.path().startsWith(jinan) && compoundIndex % 9 == 0) {
							continue; // not yet covered
						}
						int size = roster ? 4 + random.nextInt(6) : 8 + random.nextInt(25);
						long branch = org(compound.name() + "小区党支部", OrgKind.COMPOUND_BRANCH, committee, compound, size);
						branches++;
						orgCompounds.add(new Object[] { branch, compound.id(), compound.path() });
						if (roster) {
							for (int i = 0; i < size; i++) {
								member(branch, compound.path(), person(), null, random.nextInt(3) > 0);
							}
						}
						if (compound.path().startsWith(gulou)) {
							List<TerritoryNode> bs = buildingsOf.getOrDefault(compound.id(), List.of());
							for (int b = 0; b < Math.min(junmen ? bs.size() : 2, bs.size()); b++) {
								TerritoryNode building = bs.get(b);
								int groupSize = 3 + random.nextInt(5);
								long group = org(compound.name() + building.name() + "党小组", OrgKind.BUILDING_GROUP, branch,
										building, groupSize);
								if (junmen) {
									for (int i = 0; i < groupSize; i++) {
										member(group, building.path(), person(), null, random.nextBoolean());
									}
								}
							}
						}
					}
				}
				if (junmen) {
					long tower = org("军门大厦楼宇党支部", OrgKind.BUILDING_ORG, committee, community, 6);
					for (int i = 0; i < 6; i++) {
						member(tower, community.path(), person(), null, true);
					}
					org("东街口商圈党委", OrgKind.BUSINESS_DISTRICT_ORG, committee, community, 48);
				}
				else if (community.path().startsWith(gulou) && random.nextInt(6) == 0) {
					org(community.name() + "商务楼宇党支部", OrgKind.BUILDING_ORG, committee, community, 5 + random.nextInt(20));
				}
				// co-building units paired with the community, in its street's alliance
				Long streetId = community.parentId();
				Long alliance = allianceOfStreet.get(streetId);
				int unitCount = junmen ? 5 : 2 + random.nextInt(2);
				TerritoryNode street = byId.get(streetId);
				for (int u = 0; u < unitCount; u++) {
					String[] pick = junmen ? UNIT_POOL[(u * 3) % UNIT_POOL.length] : UNIT_POOL[random.nextInt(UNIT_POOL.length)];
					String prefix = street == null ? community.name() : street.name().replace("街道", "").replace("镇", "")
							.replace("乡", "");
					String name = prefix + pick[1] + (pick[0].equals("ENTERPRISE") || pick[0].equals("STATE_OWNED_ENTERPRISE")
							? "（" + community.name().replace("社区", "").replace("村", "") + "）" : "");
					long unit = ++unitId;
					String phone = phone();
					units.add(new Object[] { unit, alliance, name, pick[0], community.id(), community.path(), person(),
							cipher.encrypt(phone), Masking.phone(phone), now });
					unitsOf.computeIfAbsent(community.id(), k -> new ArrayList<>()).add(unit);
					unitNames.put(unit, name);
					for (int c = 0; c < 2; c++) {
						String[] what = COMMITMENTS[(u + c * 3 + (junmen ? 0 : random.nextInt(COMMITMENTS.length)))
								% COMMITMENTS.length];
						long commitment = ++commitmentId;
						int target = 4 + random.nextInt(9);
						commitments.add(new Object[] { commitment, unit, what[1], what[0], target, now });
						int done = junmen ? 2 + random.nextInt(3) : random.nextInt(3);
						for (int d = 0; d < done; d++) {
							boolean withHours = random.nextInt(3) > 0;
							deliveries.add(new Object[] { ++deliveryId, commitment, what[1] + "（第" + (d + 1) + "次）",
									today.minusDays(5 + random.nextInt(150)), 1 + random.nextInt(3),
									withHours ? BigDecimal.valueOf(2 + random.nextInt(7)).setScale(2) : null,
									withHours ? person() : null, "demo", now });
						}
					}
				}
				// part-time committee members: two per community (three in 军门), from its units
				List<Long> mine = unitsOf.get(community.id());
				for (int s = 0; s < (junmen ? 3 : 2); s++) {
					long unit = mine.get(s % mine.size());
					seats.add(new Object[] { ++seatId, committee, community.path(), person(), unit, unitNames.get(unit),
							LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31), now });
				}
				if (community.path().startsWith(dongjie) || community.path().equals(ziyang)) {
					meetings(community, committee, mine, unitNames, junmen ? 3 : community.path().equals(ziyang) ? 1 : 2);
				}
			}
			return this;
		}

		void meetings(TerritoryNode community, long committee, List<Long> unitIds, Map<Long, String> unitNames, int count) {
			String[][] topics = { { "老旧小区改造推进", "加装电梯协调由共建单位牵头", "楼道照明整改" },
					{ "为老服务", "独居老人结对探访全覆盖", "长者食堂助餐配送" }, { "文明创建", "背街小巷环境整治", "垃圾分类督导" } };
			for (int m = 0; m < count; m++) {
				long meeting = ++meetingId;
				String[] topic = topics[m % topics.length];
				LocalDate heldOn = today.minusDays(20L + 45L * (count - 1 - m));
				String attendees = community.name() + "党委、" + String.join("、", unitIds.stream().limit(4).map(unitNames::get).toList());
				meetings.add(new Object[] { meeting, committee, community.path(), heldOn,
						"第" + (m + 1) + "次联席会议：" + topic[0], attendees, "demo", now });
				for (int r = 1; r < topic.length; r++) {
					long resolution = ++resolutionId;
					resolutions.add(new Object[] { resolution, meeting, r, topic[r] });
					for (int t = 0; t < 2; t++) {
						long owner = unitIds.get((r + t + m) % unitIds.size());
						// older meetings: mostly done; the latest: one overdue, one due later
						LocalDate due = heldOn.plusDays(t == 0 ? 14 : 60);
						boolean done = m < count - 1 ? (r + t) % 3 != 0 : false;
						tasks.add(new Object[] { ++taskId, resolution, meeting, community.path(),
								topic[r] + "：" + (t == 0 ? "制定方案" : "落实到位"), owner, unitNames.get(owner), due,
								done ? "DONE" : "OPEN", done ? "已完成并报社区党委" : null, done ? now : null,
								done ? "demo" : null });
					}
				}
			}
		}

		Counts write() {
			party.load(Table.ORGANISATION, orgs);
			party.load(Table.ORGANISATION_COMPOUND, orgCompounds);
			party.load(Table.MEMBER, members);
			party.load(Table.ALLIANCE, alliances);
			party.load(Table.UNIT, units);
			party.load(Table.COMMITMENT, commitments);
			party.load(Table.DELIVERY, deliveries);
			party.load(Table.COMMITTEE_MEMBER, seats);
			party.load(Table.MEETING, meetings);
			party.load(Table.RESOLUTION, resolutions);
			party.load(Table.TASK, tasks);
			// H2: each identity restart commits; they run last.
			party.continueIdsAfter(Table.ORGANISATION, orgId);
			party.continueIdsAfter(Table.MEMBER, memberId);
			party.continueIdsAfter(Table.ALLIANCE, allianceId);
			party.continueIdsAfter(Table.UNIT, unitId);
			party.continueIdsAfter(Table.COMMITMENT, commitmentId);
			party.continueIdsAfter(Table.DELIVERY, deliveryId);
			party.continueIdsAfter(Table.COMMITTEE_MEMBER, seatId);
			party.continueIdsAfter(Table.MEETING, meetingId);
			party.continueIdsAfter(Table.RESOLUTION, resolutionId);
			party.continueIdsAfter(Table.TASK, taskId);
			return new Counts(orgs.size(), branches, members.size(), alliances.size(), units.size(), commitments.size(),
					deliveries.size(), seats.size(), meetings.size(), tasks.size());
		}
	}

	private static Map<Long, List<TerritoryNode>> group(List<TerritoryNode> nodes) {
		Map<Long, List<TerritoryNode>> map = new HashMap<>();
		nodes.stream().sorted(Comparator.comparing(TerritoryNode::code))
			.forEach(n -> map.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n));
		return map;
	}

	private String path(String code) {
		return territories.lookupByCode(code).map(TerritoryNode::path).orElse("/none/");
	}
}
