package org.jinlin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.jinlin.demands.DemandHistoryImport;
import org.jinlin.demands.DemandHistoryImport.HistoricDemand;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;
import org.jinlin.territory.TerritoryNode;

/**
 * Makes up past demands and writes them in batches through {@link DemandHistoryImport}: for the demo city (a few
 * hundred, spread over the last months in every status) and for benchmarks (a million). Deterministic for a seed.
 * The descriptions are made up and contain no personal data.
 */
public final class DemandGenerator {

	/** Who the generated demands were raised by. */
	public static final String RAISED_BY = "system:demo";

	/** What residents write, by category code (the default catalogue and the demo's department category). */
	private static final Map<String, String[]> TEXTS = Map.ofEntries(
			Map.entry("sanitation", new String[] { "垃圾桶满了两天没人清运，气味很大", "楼后空地有人乱倒建筑垃圾", "小区垃圾分类亭周围很脏，苍蝇多",
					"菜市场门口污水横流，希望清理一下" }),
			Map.entry("streetlight", new String[] { "小区门口路灯不亮已经好几天", "巷子里的路灯一闪一闪的，晚上走路害怕", "公园步道有一排路灯都不亮了",
					"路灯杆被车撞歪了，担心倒下来" }),
			Map.entry("road", new String[] { "人行道砖块松动，老人容易绊倒", "路面有个坑，下雨积水", "窨井盖缺了一块，晚上很危险",
					"公交站旁边的盲道被挖断了" }),
			Map.entry("noise", new String[] { "晚上广场舞音乐声太大，十点以后还在跳", "楼下商铺音响从早放到晚", "工地夜间施工，凌晨还在打桩",
					"隔壁装修周末一大早就开始电钻" }),
			Map.entry("property", new String[] { "单元门禁坏了一个月，物业一直没修", "楼道感应灯坏了好几盏", "小区水泵房漏水，地下室有积水",
					"物业费公示看不到明细，希望公开" }),
			Map.entry("elevator", new String[] { "电梯经常停运，老人上下楼困难", "电梯运行时有异响，担心安全", "电梯按钮失灵，只能停部分楼层",
					"电梯年检标志过期了" }),
			Map.entry("parking", new String[] { "消防通道被车辆长期占用", "小区门口乱停车，救护车进不来", "共享单车堆在人行道上",
					"有车长期停在绿化带里" }),
			Map.entry("neighbour", new String[] { "楼上漏水到我家天花板，沟通不了", "邻居在公共楼道养狗，狗粪没人清理", "对门把鞋柜放在楼道里占了通道",
					"邻居空调外机滴水到我家窗台" }),
			Map.entry("greening", new String[] { "小区绿化带树枝折断挂在半空", "台风后有棵树倒在路边没人处理", "绿地杂草很高，蚊子特别多",
					"行道树树枝挡住了二楼窗户" }),
			Map.entry("fire-safety", new String[] { "电动车在楼道里充电，担心安全", "楼道里堆放杂物，影响通行", "消防栓被锁住，里面没有水带",
					"地下车库有人私拉电线充电" }),
			Map.entry("elderly-help", new String[] { "独居老人家里水管坏了需要帮忙", "楼里有位独居老人几天没出门，请社区看看", "老人想报名长者食堂助餐，不知道怎么办",
					"行动不便的老人需要有人帮忙买药" }),
			Map.entry("illegal-building", new String[] { "顶楼有人私自加盖铁皮房", "一楼住户把院子围起来搭了棚子", "小区空地有人违规搭建仓库" }),
			Map.entry("other", new String[] { "社区宣传栏的信息很久没更新", "希望小区增设几张休息长椅", "想了解社区活动中心的开放时间" }));

	/** What residents write when the category is one the generator does not know (e.g. a benchmark's). */
	private static final String[] GENERAL = { "希望尽快处理", "这个问题已经存在一段时间了", "麻烦社区帮忙协调一下" };

	/** The public replies of resolved demands, by category code. */
	private static final Map<String, String[]> REPLIES = Map.ofEntries(
			Map.entry("sanitation", new String[] { "已安排环卫车辆清运，并增加该点位的清运频次。", "建筑垃圾已清理，已在现场张贴禁止倾倒的告示。",
					"已组织保洁人员对周边进行清洗消杀。" }),
			Map.entry("streetlight", new String[] { "已更换损坏的灯具，路灯恢复照明。", "经检修为线路故障，已修复。", "已联系市政维修，灯杆已扶正加固。" }),
			Map.entry("road", new String[] { "松动的砖块已重新铺设平整。", "已对路面坑洼进行修补。", "缺损的井盖已更换，并设置了警示标志。" }),
			Map.entry("noise", new String[] { "已与广场舞队伍沟通，音量调低并在晚上九点半前结束。", "已约谈商铺负责人，音响已关闭。",
					"已联系施工单位，夜间施工已停止，违规行为已移交执法部门。" }),
			Map.entry("property", new String[] { "已督促物业维修，门禁已恢复使用。", "楼道灯已全部更换。", "物业已公示本年度收支明细。" }),
			Map.entry("elevator", new String[] { "维保单位已到场检修，电梯恢复正常运行。", "已更换电梯故障部件，并安排每周巡检。", "已督促物业完成电梯年检。" }),
			Map.entry("parking", new String[] { "已联系车主挪车，并在消防通道施划禁停标线。", "已协调交警加强巡查，乱停车辆已清理。", "已通知单车企业清运调度。" }),
			Map.entry("neighbour", new String[] { "网格员已上门调解，双方约定由楼上住户维修防水。", "已与住户沟通，楼道已清理干净。", "经调解双方达成一致，问题已解决。" }),
			Map.entry("greening", new String[] { "折断的树枝已清理。", "倒伏树木已移除，并补种新苗。", "已安排园林养护人员修剪除草。" }),
			Map.entry("fire-safety", new String[] { "已清理楼道杂物，并提醒住户不得在楼道停放、充电电动车。", "已联系物业恢复消防设施。", "私拉电线已拆除，已告知使用集中充电桩。" }),
			Map.entry("elderly-help", new String[] { "社区志愿者已上门帮忙维修，并将老人列入定期探访名单。", "网格员已上门探望，老人身体状况良好。",
					"已帮助老人办理长者食堂助餐登记。" }),
			Map.entry("illegal-building", new String[] { "经执法部门现场核查，违建已拆除。", "已下达限期整改通知，当事人已自行拆除。" }),
			Map.entry("other", new String[] { "已转交相关部门，感谢您的建议。", "已在社区公众号发布相关信息。" }));

	/** Replies that explain rather than fix (outcome {@code EXPLAINED}). */
	private static final String[] EXPLAINED = { "经核实，该事项属于业主自治范围，已告知办理途径。", "经现场查看，情况符合规定，已向您解释说明。",
			"该事项已列入年度改造计划，将统一实施。" };

	/** The reply of a resolved demand: one of its category's replies, chosen by the demand's id. */
	public static String reply(String categoryCode, Outcome outcome, long demandId) {
		String[] replies = outcome == Outcome.EXPLAINED ? EXPLAINED : REPLIES.getOrDefault(categoryCode, EXPLAINED);
		return replies[(int) Math.floorMod(demandId * 31 + categoryCode.hashCode(), replies.length)];
	}

	private final DemandHistoryImport history;

	private final Random random;

	public DemandGenerator(DemandHistoryImport history, long seed) {
		this.history = history;
		this.random = new Random(seed);
	}

	/**
	 * Writes {@code count} demands located at random buildings, raised at random moments in the
	 * {@code span} before {@code now}; returns the number written.
	 */
	public int generate(int count, List<TerritoryNode> buildings, List<DemandHistoryImport.Category> categories,
			Instant now, Duration span, int batchSize, IntConsumer progress) {
		int written = 0;
		while (written < count) {
			int n = Math.min(batchSize, count - written);
			List<HistoricDemand> rows = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				rows.add(demand(buildings.get(random.nextInt(buildings.size())),
						categories.get(random.nextInt(categories.size())),
						now.minusSeconds((long) (random.nextDouble() * span.toSeconds())), now));
			}
			history.demands(rows);
			written += n;
			if (progress != null) {
				progress.accept(written);
			}
		}
		return written;
	}

	private HistoricDemand demand(TerritoryNode building, DemandHistoryImport.Category category, Instant raised,
			Instant now) {
		List<Long> ids = building.ancestorIds();
		// city, district, street, community, grid, compound, building
		long district = ids.get(1);
		long street = ids.get(2);
		long community = ids.get(3);
		long grid = ids.get(4);
		String gridPath = "/" + String.join("/", ids.subList(0, 5).stream().map(String::valueOf).toList()) + "/";
		Instant signDue = raised.plus(Duration.ofHours(4));
		Instant handleDue = raised.plus(Duration.ofDays(3));
		Duration age = Duration.between(raised, now);
		DemandStatus status;
		double r = random.nextDouble();
		if (age.toDays() > 10) {
			status = r < 0.93 ? DemandStatus.CLOSED : r < 0.97 ? DemandStatus.RESOLVED : DemandStatus.IN_PROGRESS;
		}
		else if (age.toDays() > 2) {
			status = r < 0.5 ? DemandStatus.CLOSED : r < 0.75 ? DemandStatus.RESOLVED : DemandStatus.IN_PROGRESS;
		}
		else {
			status = r < 0.4 ? DemandStatus.DISPATCHED : r < 0.8 ? DemandStatus.IN_PROGRESS : DemandStatus.RESOLVED;
		}
		boolean signed = status != DemandStatus.DISPATCHED;
		boolean resolved = status == DemandStatus.RESOLVED || status == DemandStatus.CLOSED;
		Instant signedAt = signed ? raised.plus(Duration.ofMinutes(10 + random.nextInt(300))) : null;
		Instant resolvedAt = resolved ? signedAt.plus(Duration.ofHours(2 + random.nextInt(100))) : null;
		if (resolvedAt != null && resolvedAt.isAfter(now)) {
			resolvedAt = now;
		}
		Instant closedAt = status == DemandStatus.CLOSED ? resolvedAt.plus(Duration.ofHours(1 + random.nextInt(48))) : null;
		if (closedAt != null && closedAt.isAfter(now)) {
			closedAt = now;
		}
		Rating rating = null;
		int rework = 0;
		if (status == DemandStatus.CLOSED) {
			double s = random.nextDouble();
			// Unsatisfied demands go back for rework, so a closed one was at least basically satisfied; some of them
			// only after a rework.
			rating = s < 0.72 ? Rating.SATISFIED : s < 0.96 ? Rating.BASICALLY_SATISFIED : null;
			rework = rating != null && random.nextInt(15) == 0 ? 1 : 0;
		}
		else if (status == DemandStatus.IN_PROGRESS && age.toDays() > 2 && random.nextInt(12) == 0) {
			// Rated unsatisfied and back in handling.
			rating = Rating.UNSATISFIED;
			rework = 1;
		}
		double lat = building.latitude() == null ? 26.08 : building.latitude();
		double lon = building.longitude() == null ? 119.30 : building.longitude();
		String token = UUID.randomUUID().toString();
		String[] texts = TEXTS.getOrDefault(category.code(), GENERAL);
		String description = texts[random.nextInt(texts.length)];
		RaiseChannel channel = random.nextInt(4) == 0 ? RaiseChannel.PHONE_CALL : RaiseChannel.APP;
		Outcome outcome = resolved ? (random.nextInt(10) == 0 ? Outcome.EXPLAINED : Outcome.RESOLVED) : null;
		return new HistoricDemand(token, category.id(), description, status, category.urgency(), channel, building.id(),
				building.path(), grid, community, street, district, building.name(), building.name(), lat, lon, RAISED_BY,
				false, HandlingLevel.GRID, grid, gridPath, "网格", signDue, signed ? handleDue : null, raised, raised,
				signedAt, signed ? !signedAt.isAfter(signDue) : null, resolvedAt,
				resolved ? !resolvedAt.isAfter(handleDue) : null, outcome, closedAt, rating, rework, now);
	}
}
