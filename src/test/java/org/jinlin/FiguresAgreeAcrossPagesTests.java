package org.jinlin;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One figure, one meaning (issue 13, item 5), on the demo city as the city official sees it: every figure the issue
 * found in two places is read from both (two pages, or the API and a page) and must agree, or the page must carry the
 * sentence that says why they differ; and each figure leads to the list it counts.
 * <p>
 * A context (and database) of its own: other tests write demands and fake coverage runs into the shared one, and
 * these figures must be the demo city's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "jinlin.test.context=figures")
class FiguresAgreeAcrossPagesTests {

	private static final String CITY = "350100";

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** The demo city's first coverage run is computed after start-up; the circle's figures come from it. */
	@BeforeEach
	void coverageComputed() {
		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			java.util.Map<String, Object> state = JsonPath.read(api("/api/v1/circle/runs/current"), "$");
			return state.get("current") == null && state.get("latest") != null;
		});
	}

	// ------------------------------------------------------------------ 长者食堂 70 vs 195

	@Test
	void elderCanteensOfTheCarePageAreTheCanteenKindOfTheCirclesCountAndBothPagesSaySo() throws Exception {
		String care = page("/eldercare/facilities?territory=" + CITY);
		long canteens = number(text(care, "stat-elderCanteens"));
		assertThat(canteens).isEqualTo(((Number) JsonPath.read(api("/api/v1/eldercare/statistics?territory=" + CITY),
				"$.elderCanteens")).longValue());
		// the figure leads to the list it counts
		assertThat(attr(care, "stat-elderCanteens", "href"))
			.isEqualTo("/eldercare/facilities?kind=ELDER_CANTEEN&status=OPERATING&territory=" + CITY);
		assertThat(total("/api/v1/eldercare/facilities?kind=ELDER_CANTEEN&status=OPERATING&territory=" + CITY))
			.isEqualTo(canteens);
		assertThat(text(care, "stat-elderCanteens-explain")).contains("只计长者食堂", "日间照料中心", "示范点");

		String circle = page("/circle/facilities");
		Matcher chip = Pattern.compile("<a[^>]*data-category=\"ELDER_CANTEEN\"[^>]*>.*?<strong[^>]*>(\\d+)</strong>",
				Pattern.DOTALL).matcher(circle);
		assertThat(chip.find()).isTrue();
		long circleCanteens = Long.parseLong(chip.group(1));
		String line = element(circle, "<li[^>]*data-category=\"ELDER_CANTEEN\"[^>]*>(.*?)</li>");
		assertThat(HtmlUtils.htmlUnescape(line)).contains("养老设施登记中以下各类运营中设施之和", "同名的那一类");
		long sum = 0;
		Matcher kinds = Pattern.compile("data-kind=\"([A-Z_]+)\"><span>[^<]*</span> <span class=\"circle-care-kind-count\">(\\d+)</span>")
			.matcher(line);
		long canteenKind = -1;
		while (kinds.find()) {
			sum += Long.parseLong(kinds.group(2));
			if (kinds.group(1).equals("ELDER_CANTEEN")) {
				canteenKind = Long.parseLong(kinds.group(2));
			}
		}
		assertThat(canteenKind).as("the canteens within the circle's count").isEqualTo(canteens);
		assertThat(sum).as("the circle's count is the sum of its kinds").isEqualTo(circleCanteens);
		assertThat(circleCanteens).isGreaterThan(canteens);
		// the map's layer of the same name says so too
		assertThat(HtmlUtils.htmlUnescape(element(page("/circle/map"), "id=\"circle-map-care-note\"><span>([^<]*)</span>")))
			.contains("包括长者食堂和提供助餐的日间照料中心、示范点");
		// and the API says the same as the page
		String counts = api("/api/v1/circle/facilities/counts");
		List<Object> apiCount = JsonPath.read(counts, "$[?(@.code == 'ELDER_CANTEEN')].count");
		assertThat(((Number) apiCount.get(0)).longValue()).isEqualTo(circleCanteens);
	}

	// ------------------------------------------------------------------ 100% elder-service coverage vs canteens missing

	@Test
	void theCarePagesCoverageSaysWhatItMeasuresAndTheCirclesCanteenGapLeadsToItsCommunities() throws Exception {
		String care = page("/eldercare/facilities?territory=" + CITY);
		String stats = api("/api/v1/eldercare/statistics?territory=" + CITY);
		long served = ((Number) JsonPath.read(stats, "$.communitiesServed")).longValue();
		long communities = ((Number) JsonPath.read(stats, "$.communities")).longValue();
		assertThat(text(care, "stat-coverage-count")).isEqualTo(served + " / " + communities + " 个社区");
		assertThat(text(care, "stat-coverage-explain")).contains("不计步行距离", "步行 15 分钟", "长者食堂");

		String gaps = page("/circle/gaps");
		String row = element(gaps, "<tr[^>]*id=\"circle-gap-category-ELDER_CANTEEN\"[^>]*>(.*?)</tr>");
		long urban = Long.parseLong(element(row, "class=\"circle-gap-category-urban\"[^>]*>(\\d+)<"));
		long rural = Long.parseLong(element(row, "class=\"circle-gap-category-rural\"[^>]*>(\\d+)<"));
		assertThat(urban + rural).isPositive();
		// each figure opens the list of the communities it counts
		assertThat(gapRows(page("/circle/gaps?kind=urban&category=ELDER_CANTEEN"))).isEqualTo(urban);
		assertThat(gapRows(page("/circle/gaps?kind=rural&category=ELDER_CANTEEN"))).isEqualTo(rural);
		assertThat(text(gaps, "circle-gaps-explain")).contains("缺少该类设施的社区数");
	}

	// ------------------------------------------------------------------ 短板社区 58 vs 254 未覆盖

	@Test
	void uncoveredMeansTheSameOnTheOverviewTheGapsAndTheApi() throws Exception {
		String overview = page("/circle");
		String link = text(overview, "circle-gaps-link");
		assertThat(link).startsWith("未覆盖的城市社区");
		long urban = number(link);
		assertThat(attr(overview, "circle-gaps-link", "href")).isEqualTo("/circle/gaps?territory=" + CITY + "&kind=urban");
		String rate = text(overview, "circle-rate-count");
		Matcher m = Pattern.compile("已覆盖 (\\d+) / (\\d+) 个社区").matcher(rate);
		assertThat(m.matches()).isTrue();
		assertThat(Long.parseLong(m.group(2)) - Long.parseLong(m.group(1))).isEqualTo(urban);

		String coverage = api("/api/v1/circle/coverage");
		long apiUrban = ((Number) JsonPath.read(coverage, "$.area.rate.communities")).longValue()
				- ((Number) JsonPath.read(coverage, "$.area.rate.covered")).longValue();
		long apiRural = ((Number) JsonPath.read(coverage, "$.area.rate.ruralCommunities")).longValue()
				- ((Number) JsonPath.read(coverage, "$.area.rate.ruralCovered")).longValue();
		assertThat(apiUrban).isEqualTo(urban);

		String gaps = page("/circle/gaps");
		assertThat(text(gaps, "circle-gaps-urban")).startsWith("城市社区 " + urban + " 个未覆盖");
		assertThat(text(gaps, "circle-gaps-rural")).startsWith("农村社区 " + apiRural + " 个未覆盖");
		assertThat(HtmlUtils.htmlUnescape(element(gaps, "id=\"circle-gaps-total\">\\s*<span>([^<]*)</span>")))
			.contains((urban + apiRural) + " 个未覆盖");
		assertThat(text(gaps, "circle-gaps-explain")).contains("只计城市社区", "农村社区单独统计");
		// the whole list, the urban list the overview links to, and the API's list
		assertThat(gapRows(gaps)).isEqualTo(urban + apiRural);
		assertThat(gapRows(page("/circle/gaps?territory=" + CITY + "&kind=urban"))).isEqualTo(urban);
		assertThat(gapRows(page("/circle/gaps?territory=" + CITY + "&kind=rural"))).isEqualTo(apiRural);
		assertThat(((List<?>) JsonPath.read(api("/api/v1/circle/gaps"), "$.communities")).size())
			.isEqualTo((int) (urban + apiRural));
	}

	// ------------------------------------------------------------------ 2.6 million vs 8.42 million

	@Test
	void populationsSayWhichAreOfficialAndWhichAreTheRegisteredCommunities() throws Exception {
		TerritoryNode city = territories.lookupByCode(CITY).orElseThrow();
		List<TerritoryNode> communities = territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, city.path());
		long registered = communities.stream().mapToLong(c -> c.population() == null ? 0 : c.population()).sum();

		// the city's districts add up to the city
		String cityPage = page("/territory?code=" + CITY);
		assertThat(text(cityPage, "territory-population-note")).contains("与本级人口一致", "8,420,000");

		// a street's official figure and its registered communities differ, and the page says why
		TerritoryNode street = territories.lookupByCode("350102001000").orElseThrow();
		long streetCommunities = communities.stream().filter(c -> c.path().startsWith(street.path()))
			.mapToLong(TerritoryNode::population).sum();
		assertThat(streetCommunities).isNotEqualTo(street.population());
		String streetPage = page("/territory?code=" + street.code());
		assertThat(text(streetPage, "territory-population-note")).contains(String.format("%,d", street.population()),
				String.format("%,d", streetCommunities), "官方统计数", "只录入了部分下级");

		// the circle adds up the registered communities, and says so
		String overview = page("/circle");
		long shown = 0;
		Matcher rows = Pattern.compile("<tr[^>]*id=\"circle-row-\\d+\"[^>]*>.*?<td class=\"text-end\">([\\d,]+)</td>\\s*</tr>",
				Pattern.DOTALL).matcher(overview);
		while (rows.find()) {
			shown += number(rows.group(1));
		}
		assertThat(shown).isEqualTo(registered);
		assertThat(text(overview, "circle-population-explain")).contains("登记的各社区人口之和", "官方统计人口");
	}

	// ------------------------------------------------------------------ 满意率 100% next to 返工 4

	@Test
	void theSatisfactionRateCountsReworksAgainstItAndShowsItsBase() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String period = "from=" + today.minusDays(200) + "&to=" + today;
		String json = api("/api/v1/demands/measures?" + period);
		long rated = ((Number) JsonPath.read(json, "$.total.rated")).longValue();
		long satisfied = ((Number) JsonPath.read(json, "$.total.satisfied")).longValue();
		long reworks = ((Number) JsonPath.read(json, "$.total.reworks")).longValue();
		assertThat(rated).isPositive();
		assertThat(reworks).as("the demo city has reworked demands").isPositive();
		long reworkedAndRated = jdbc.sql("""
				SELECT COUNT(*) FROM demand WHERE status <> 'MERGED' AND rating IS NOT NULL AND rework_count > 0
				AND raised_at >= ?""").param(java.sql.Timestamp.from(today.minusDays(200).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()))
			.query(Long.class).single();
		assertThat(satisfied).isLessThanOrEqualTo(rated - reworkedAndRated);
		double rate = ((Number) JsonPath.read(json, "$.total.satisfactionRate")).doubleValue();
		assertThat(rate).isLessThan(100.0);

		String page = page("/demands/measures?" + period);
		String total = element(page, "<tr id=\"measures-total\">(.*?)</tr>");
		assertThat(total).contains(rate + "%");
		assertThat(HtmlUtils.htmlUnescape(total)).contains("（" + satisfied + "/" + rated + " 件）");
		assertThat(HtmlUtils.htmlUnescape(page)).contains("曾因“不满意”返工的诉求即使重办后评价满意，也不计入满意");
	}

	// ------------------------------------------------------------------ demo demands: every district

	@Test
	void everyDistrictHasDemandsOnTheMeasuresPageAndInTheApi() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String period = "from=" + today.minusDays(200) + "&to=" + today;
		String json = api("/api/v1/demands/measures?" + period);
		List<Object> raised = JsonPath.read(json, "$.rows[?(@.unit)].raised");
		assertThat(raised).hasSize(13).allSatisfy(n -> assertThat(((Number) n).longValue()).isPositive());
		String page = page("/demands/measures?" + period);
		long total = ((Number) JsonPath.read(json, "$.total.raised")).longValue();
		assertThat(element(page, "<tr id=\"measures-total\">\\s*<th[^>]*>[^<]*</th>\\s*<td class=\"text-end\">(\\d+)</td>"))
			.isEqualTo(Long.toString(total));
	}

	// ------------------------------------------------------------------ another figure on a page and in the API

	@Test
	void partyBranchCoverageOnThePageIsTheApis() throws Exception {
		String json = api("/api/v1/party/coverage?territory=" + CITY);
		String page = page("/party/organisations");
		long compounds = ((Number) JsonPath.read(json, "$.compounds")).longValue();
		long covered = ((Number) JsonPath.read(json, "$.covered")).longValue();
		assertThat(number(text(page, "coverage-compounds"))).isEqualTo(compounds);
		assertThat(number(text(page, "coverage-covered"))).isEqualTo(covered);
		assertThat(number(text(page, "coverage-uncovered"))).isEqualTo(compounds - covered);
	}

	// ------------------------------------------------------------------ helpers

	/** A page or an API answer, as the demo city official (signed in as the pages are). */
	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername(DemoAccounts.CITY))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String api(String path) throws Exception {
		return page(path);
	}

	private long total(String path) throws Exception {
		return ((Number) JsonPath.read(api(path), "$.total")).longValue();
	}

	/** The rows of the gaps list. */
	private static long gapRows(String html) {
		Matcher m = Pattern.compile("class=\"circle-gap\"").matcher(html);
		long n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	/** The first group of the first match, or fails. */
	private static String element(String html, String regex) {
		Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	/** The text of the element with this id, unescaped. */
	private static String text(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return HtmlUtils.htmlUnescape(m.group(1)).strip();
	}

	private static String attr(String html, String id, String name) {
		Matcher m = Pattern.compile("<[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		Matcher a = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(m.group());
		return a.find() ? HtmlUtils.htmlUnescape(a.group(1)) : null;
	}

	/** The first whole number in a text, thousands separators allowed. */
	private static long number(String text) {
		Matcher m = Pattern.compile("\\d[\\d,]*").matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return Long.parseLong(m.group().replace(",", ""));
	}
}
