package org.jinlin.circle.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jinlin.circle.facilities.CategoryCatalogue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circle's pages on a run with known figures ({@link FakeRun}): the overview shows the rate against the target
 * with a chart and the children, the gaps list the uncovered communities with what they lack, a community its walks;
 * English works; no inline scripts; the network upload answers with a field message; residents are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CirclePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CategoryCatalogue catalogue;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserDetailsService users;

	List<String> categories;

	@BeforeEach
	void run() {
		FakeRun.ensure(jdbc, catalogue, tx);
		categories = FakeRun.categories(catalogue);
	}

	MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return request.with(user(users.loadUserByUsername(user)));
	}

	/** A page's HTML; it must have no inline script (CSP). */
	String page(String user, String path) throws Exception {
		String html = mvc.perform(as(user, get(path))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).as("inline script on %s", path).isFalse();
		return html;
	}

	/** The text of the element with this id (no nested elements), or null. */
	static String text(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
		return m.find() ? m.group(1).strip() : null;
	}

	/** An attribute of the element with this id. */
	static String attr(String html, String id, String name) {
		Matcher m = Pattern.compile("<[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		if (!m.find()) {
			return null;
		}
		Matcher a = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(m.group());
		return a.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(a.group(1)) : null;
	}

	/** The HTML of the table row with this id. */
	static String row(String html, String id) {
		Matcher m = Pattern.compile("<tr[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
		return m.find() ? m.group(1) : null;
	}

	static int count(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void theOverviewShowsTheRateAgainstTheTargetWithTheChildAreas() throws Exception {
		String doc = page("dongjie", "/circle");
		assertThat(text(doc, "circle-rate")).isEqualTo("60.0%");
		assertThat(text(doc, "circle-target")).isEqualTo("覆盖率 60.0%，目标 80.0%（2025-12-31 前）");
		assertThat(text(doc, "circle-target-status")).isEqualTo("未达标");
		assertThat(text(doc, "circle-weighted")).isEqualTo("54.1%");
		assertThat(attr(doc, "circle-chart", "data-chart")).contains("\"target\":80.0");
		assertThat(count(doc, "id=\"circle-row-")).isEqualTo(5);
		assertThat(row(doc, "circle-row-" + FakeRun.QINGCHENG)).contains("庆城社区", "0 / 1");
		assertThat(doc).contains("id=\"circle-rerun\"");
		assertThat(doc).contains("test grid");

		String en = page("junmen", "/circle?lang=en");
		assertThat(text(en, "circle-target")).isEqualTo("100.0% of 80.0% target by 2025-12-31");
		assertThat(text(en, "circle-target-status")).isEqualTo("Target met");
		// a community worker does not start city-wide runs
		assertThat(en).doesNotContain("id=\"circle-rerun\"");
	}

	@Test
	void theGapsListTheUncoveredCommunitiesWithWhatTheyLack() throws Exception {
		String doc = page("gulou", "/circle/gaps");
		assertThat(count(doc, "class=\"circle-gap\"")).isEqualTo(2);
		assertThat(doc.indexOf("circle-gap-" + FakeRun.QINGCHENG)).isLessThan(doc.indexOf("circle-gap-" + FakeRun.WENRUFANG));
		String vegetable = catalogue.all().stream().filter(c -> c.code().equals(categories.get(1))).findFirst()
			.orElseThrow().nameZh();
		String qingcheng = row(doc, "circle-gap-" + FakeRun.QINGCHENG);
		assertThat(count(qingcheng, "circle-missing-category")).isEqualTo(2);
		assertThat(qingcheng).contains(vegetable);
		assertThat(doc).doesNotContain("紫阳社区");
		assertThat(attr(doc, "circle-gaps-chart", "data-chart")).contains(vegetable);
		assertThat(row(doc, "circle-gap-category-" + categories.get(3))).contains(">2<");
	}

	@Test
	void aCommunityPageShowsItsWalks() throws Exception {
		String doc = page("dongjie", "/circle/communities/" + FakeRun.QINGCHENG);
		assertThat(text(doc, "circle-community-covered")).isEqualTo("未覆盖");
		assertThat(row(doc, "circle-time-" + categories.get(0))).contains(">5.0<");
		assertThat(row(doc, "circle-time-" + categories.get(1))).contains("超过 30 分钟");
		assertThat(doc).contains(FakeRun.QINGCHENG + " 1号楼");
		mvc.perform(as("junmen", get("/circle/communities/" + FakeRun.QINGCHENG))).andExpect(status().isNotFound());
	}

	@Test
	void buildingsNotOnTheWalkingNetworkAreSaidSoWithTheirDistanceNotBeyond() throws Exception {
		String doc = page("dongjie", "/circle/communities/" + FakeRun.WENRUFANG);
		assertThat(text(doc, "circle-community-offnetwork")).startsWith("2 栋楼不在步行网络上").contains("300 米内");
		assertThat(doc).contains("不在步行网络上（距最近的连通道路 420 米）").contains("不在步行网络上（300 米内没有连通的道路）");
		assertThat(count(doc, "circle-offnetwork")).isEqualTo(2);
		String en = page("dongjie", "/circle/communities/" + FakeRun.WENRUFANG + "?lang=en");
		assertThat(text(en, "circle-community-offnetwork")).startsWith("2 buildings are not on the walking network");
		assertThat(en).contains("Not on the walking network (420 m from the nearest connected street)")
			.contains("Not on the walking network (no connected street within 300 m)");
		// 庆城社区 has every building on the network.
		assertThat(page("dongjie", "/circle/communities/" + FakeRun.QINGCHENG)).doesNotContain("circle-community-offnetwork")
			.doesNotContain("circle-offnetwork");
	}

	@Test
	void theMapPageNamesItsLayersAndWorksWithoutTiles() throws Exception {
		String doc = page("city", "/circle/map?territory=350102004001");
		assertThat(attr(doc, "circle-map", "data-communities")).isEqualTo("/circle/map/communities.json?territory=350102004001");
		assertThat(attr(doc, "circle-map", "data-isochrone")).isEqualTo("/circle/map/isochrone.json");
		assertThat(attr(doc, "circle-map", "data-tiles")).isNullOrEmpty();
		mvc.perform(as("city", get("/circle/map/communities.json?territory=350102004001")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(not(containsString("庆城社区"))));
		mvc.perform(as("city", get("/circle/map/isochrone.json?lat=x&lon=1"))).andExpect(status().isBadRequest());
	}

	@Test
	void theSuggestionsPageShowsFieldMessages() throws Exception {
		String doc = page("city", "/circle/suggestions?category=NOPE&count=99");
		assertThat(doc).containsPattern("id=\"s-category\"[^>]*is-invalid");
		assertThat(doc).containsPattern("id=\"s-count\"[^>]*is-invalid");
		assertThat(doc).contains("没有这种设施类型");
	}

	@Test
	void theNetworkPageRefusesAFileThatIsNotAnExtract() throws Exception {
		assertThat(page("admin", "/circle/network")).contains("id=\"circle-network-form\"");
		assertThat(page("gulou", "/circle/network")).doesNotContain("id=\"circle-network-form\"");
		String html = mvc.perform(multipart("/circle/network/extract")
			.file(new MockMultipartFile("file", "streets.txt", "text/plain", "x".getBytes()))
			.with(user(users.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(text(html, "n-file-error")).isEqualTo("请上传 .osm.pbf 文件");
		mvc.perform(as("gulou", post("/circle/network/generated").with(csrf()))).andExpect(status().isForbidden());
	}

	@Test
	void anUploadedExtractIsBuiltInTheBackgroundWithItsProgressOnTheNetworkPage() throws Exception {
		mvc.perform(multipart("/circle/network/extract")
			.file(new MockMultipartFile("file", "broken.osm.pbf", "application/octet-stream", "not an extract".getBytes()))
			.with(user(users.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String fragment = page("city", "/circle/network/jobs/latest");
		assertThat(fragment).contains("id=\"circle-network-job-stage\"").contains("broken.osm.pbf");
		// while it runs the fragment polls itself; once finished it shows the outcome and stops
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
			.until(() -> page("city", "/circle/network/jobs/latest").contains("id=\"circle-network-job-outcome\""));
		String done = page("admin", "/circle/network");
		assertThat(done.substring(done.indexOf("id=\"circle-network-job-outcome\""))).contains("无法读取该文件")
			.contains("原步行网络继续使用");
		assertThat(done).doesNotContain("hx-trigger=\"every 1s\"");
	}

	@Test
	void residentsAreRefused() throws Exception {
		for (String path : List.of("/circle", "/circle/gaps", "/circle/map", "/circle/network", "/circle/suggestions",
				"/circle/communities/350102004001", "/circle/map/communities.json")) {
			mvc.perform(as("resident1", get(path))).andExpect(status().isForbidden());
		}
	}
}
