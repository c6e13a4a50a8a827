package org.jinlin.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.SurveyBulkLoad;
import org.jinlin.quality.SurveyBulkLoad.NewItem;
import org.jinlin.quality.SurveyBulkLoad.NewResponse;
import org.jinlin.territory.Territories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's satisfaction surveys: last month's closed survey of 鼓楼区 (a seeded sample of its residents, about
 * four in five answered, a third of them by phone, answers realistic: results and progress notices weaker than
 * response and attitude, so the matrix has an item to improve first), and this month's open survey of 军门社区 to
 * which every resident of the community, 王阿姨 (resident1) among them, is invited. Never in {@code prod}; once per
 * database.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 80)
@RequiredArgsConstructor
class DemoSurveys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);

	static final String GULOU = "350102";

	static final String JUNMEN = "350102004001";

	static final String BY = "system:demo";

	private final JdbcClient jdbc;

	private final Territories territories;

	private final SurveyBulkLoad surveys;

	static final List<NewItem> ITEMS = List.of(
			new NewItem("LIKERT", "诉求提出后，工作人员响应及时吗？", "响应速度", new BigDecimal("25"), List.of()),
			new NewItem("LIKERT", "办理进度有没有及时告诉您？", "响应速度", new BigDecimal("15"), List.of()),
			new NewItem("LIKERT", "您反映的问题解决得怎么样？", "办理结果", new BigDecimal("35"), List.of()),
			new NewItem("LIKERT", "工作人员的服务态度怎么样？", "服务态度", new BigDecimal("15"), List.of()),
			new NewItem("CHOICE", "办理结果和您的期望相比？", "办理结果", new BigDecimal("10"),
					List.of("超出期望|100", "符合期望|70", "低于期望|20")),
			new NewItem("CHOICE", "您一般通过什么渠道反映问题？", "渠道", BigDecimal.ZERO,
					List.of("12345热线", "小程序", "社区窗口", "网格员")));

	/** Per item: the chance of each Likert answer 5…1 (or of each option). */
	static final double[][] SHARES = { { .45, .35, .12, .05, .03 }, { .25, .35, .22, .12, .06 },
			{ .22, .33, .25, .13, .07 }, { .55, .32, .09, .03, .01 }, { .15, .55, .30 }, { .30, .40, .15, .15 } };

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "surveys")) {
			return;
		}
		var gulou = territories.lookupByCode(GULOU).orElse(null);
		var junmen = territories.lookupByCode(JUNMEN).orElse(null);
		if (gulou == null || junmen == null) {
			return;
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		YearMonth last = YearMonth.from(today).minusMonths(1);
		Random random = new Random(20261201L);
		List<NewResponse> responses = new ArrayList<>();
		for (int i = 0; i < 96; i++) {
			Map<Integer, Integer> answers = new HashMap<>();
			for (int item = 0; item < ITEMS.size(); item++) {
				int pick = pick(random, SHARES[item]);
				answers.put(item + 1, ITEMS.get(item).kind().equals("LIKERT") ? 5 - pick : pick);
			}
			LocalDate on = last.atEndOfMonth().plusDays(1 + random.nextInt(6));
			responses.add(new NewResponse(i % 3 == 2, on.isAfter(today) ? today : on, answers));
		}
		long closed = surveys.load(gulou, last.getYear() + "年" + last.getMonthValue() + "月鼓楼区诉求办理满意度调查",
				last.atDay(1), last.atEndOfMonth(), "ALL_RESIDENTS", 120, 20261201L, ITEMS, responses, true, BY);
		long open = surveys.load(junmen, "军门社区为老服务满意度调查", today.withDayOfMonth(1), today.withDayOfMonth(1)
			.plusMonths(1).minusDays(1), "ALL_RESIDENTS", 5000, 20261207L, ITEMS.subList(0, 4), List.of(), false, BY);
		log.info("Demo surveys: {} closed (鼓楼区, last month), {} open (军门社区)", closed, open);
	}

	private static int pick(Random random, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < shares.length; i++) {
			r -= shares[i];
			if (r < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}
}
