package org.jinlin.circle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jinlin.support.DemoAccounts;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The read side of the circle over HTTP, on a run with known figures ({@link FakeRun}): the plan rate counts urban
 * communities only, the weighted rate weighs them by population, the target is met or not, the gaps name the missing
 * categories, a community shows its walks; each caller sees only their jurisdiction, residents nothing; bad
 * parameters are problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CircleApiTests {


	static final String DONGJIE = "350102004000";

	static final String JUNMEN = "350102004001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CategoryCatalogue catalogue;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	List<String> categories;

	@BeforeEach
	void run() {
		FakeRun.ensure(jdbc, catalogue, tx);
		categories = FakeRun.categories(catalogue);
	}

	@Test
	void aStreetsRateAndWeightedRateCountItsUrbanCommunitiesAgainstTheTarget() throws Exception {
		// 东街街道: 军门 8,600, 庆城 12,000 (not covered), 光禄坊 8,700, 文儒坊 12,100 (not covered), 卫前 11,100
		mvc.perform(get("/api/v1/circle/coverage").param("territory", DONGJIE).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.run.reason").value(FakeRun.REASON))
			.andExpect(jsonPath("$.area.name").value("东街街道"))
			.andExpect(jsonPath("$.area.rate.communities").value(5))
			.andExpect(jsonPath("$.area.rate.covered").value(3))
			.andExpect(jsonPath("$.area.rate.rate").value(closeTo(0.6, 1e-9)))
			.andExpect(jsonPath("$.area.rate.population").value(52_500))
			.andExpect(jsonPath("$.area.rate.coveredPopulation").value(28_400))
			.andExpect(jsonPath("$.area.rate.weightedRate").value(closeTo(28_400 / 52_500.0, 1e-9)))
			// residents: covered communities all, the others 40 %
			.andExpect(jsonPath("$.area.rate.residentsRate")
				.value(closeTo((28_400 + 0.4 * 24_100) / 52_500.0, 1e-9)))
			.andExpect(jsonPath("$.target.rate").value(0.8))
			.andExpect(jsonPath("$.target.date").value("2025-12-31"))
			.andExpect(jsonPath("$.target.met").value(false))
			// a street's children are its communities
			.andExpect(jsonPath("$.children.length()").value(5))
			.andExpect(jsonPath("$.children[?(@.code == '" + FakeRun.QINGCHENG + "')].rate.covered").value(0))
			.andExpect(jsonPath("$.children[?(@.code == '" + JUNMEN + "')].rate.rate").value(1.0));
	}

	@Test
	void theCityCountsRuralCommunitiesSeparately() throws Exception {
		long gulou = jdbc.sql("""
				SELECT COUNT(*) FROM territory_node WHERE level = 'COMMUNITY' AND rural = FALSE
				AND path LIKE (SELECT path FROM territory_node WHERE code = '350102') || '%'""").query(Long.class).single();
		mvc.perform(get("/api/v1/circle/coverage").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.area.code").value("350100"))
			// urban: 鼓楼区's communities and 紫阳社区; two of 鼓楼区's and 紫阳社区 are not covered
			.andExpect(jsonPath("$.area.rate.communities").value(gulou + 1))
			.andExpect(jsonPath("$.area.rate.covered").value(gulou - 2))
			.andExpect(jsonPath("$.area.rate.ruralCommunities").value(1))
			.andExpect(jsonPath("$.area.rate.ruralCovered").value(0))
			.andExpect(jsonPath("$.children[?(@.code == '350102')].rate.covered").value((int) (gulou - 2)))
			.andExpect(jsonPath("$.children[?(@.code == '350111')].rate.communities").value(1))
			.andExpect(jsonPath("$.children[?(@.code == '350104')].rate.ruralCommunities").value(1));
	}

	@Test
	void aCoveredCommunityMeetsTheTarget() throws Exception {
		mvc.perform(get("/api/v1/circle/coverage").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.area.code").value(JUNMEN))
			.andExpect(jsonPath("$.area.rate.communities").value(1))
			.andExpect(jsonPath("$.area.rate.rate").value(1.0))
			.andExpect(jsonPath("$.target.met").value(true))
			.andExpect(jsonPath("$.children.length()").value(0));
	}

	@Test
	void theGapsNameTheMissingCategoriesAndCountThem() throws Exception {
		mvc.perform(get("/api/v1/circle/gaps").param("territory", DONGJIE).with(DemoAccounts.as("dongjie"))
			.param("lang", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communities.length()").value(2))
			// 庆城社区 lacks two categories and comes first
			.andExpect(jsonPath("$.communities[0].code").value(FakeRun.QINGCHENG))
			.andExpect(jsonPath("$.communities[0].parentName").value("东街街道"))
			.andExpect(jsonPath("$.communities[0].missing[*].code").value(org.hamcrest.Matchers.contains(categories.get(1), categories.get(3))))
			.andExpect(jsonPath("$.communities[0].missing[0].name")
				.value(catalogue.all().stream().filter(c -> c.code().equals(categories.get(1))).findFirst().orElseThrow().nameZh()))
			.andExpect(jsonPath("$.communities[1].code").value(FakeRun.WENRUFANG))
			.andExpect(jsonPath("$.categories[?(@.category.code == '" + categories.get(3) + "')].communities").value(2))
			.andExpect(jsonPath("$.categories[?(@.category.code == '" + categories.get(1) + "')].communities").value(1))
			.andExpect(jsonPath("$.categories[?(@.category.code == '" + categories.get(1) + "')].population").value(12_000))
			.andExpect(jsonPath("$.categories[?(@.category.code == '" + categories.get(0) + "')].communities").value(0));
	}

	@Test
	void categoryNamesFollowTheLanguage() throws Exception {
		String en = catalogue.all().stream().filter(c -> c.code().equals(categories.get(3))).findFirst().orElseThrow().nameEn();
		mvc.perform(get("/api/v1/circle/gaps").param("territory", DONGJIE).with(DemoAccounts.as("dongjie"))
			.param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communities[1].missing[0].name").value(en));
	}

	@Test
	void aCommunityShowsItsWalksAndItsBuildings() throws Exception {
		mvc.perform(get("/api/v1/circle/communities/" + FakeRun.QINGCHENG).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("庆城社区"))
			.andExpect(jsonPath("$.result.covered").value(false))
			.andExpect(jsonPath("$.times.length()").value(categories.size()))
			.andExpect(jsonPath("$.times[0].category.code").value(categories.get(0)))
			.andExpect(jsonPath("$.times[0].seconds").value(300))
			.andExpect(jsonPath("$.times[0].minutes").value(5.0))
			.andExpect(jsonPath("$.times[0].within").value(true))
			// the first missing category is beyond the cutoff, the second over the threshold
			.andExpect(jsonPath("$.times[1].seconds").doesNotExist())
			.andExpect(jsonPath("$.times[1].within").value(false))
			.andExpect(jsonPath("$.times[3].minutes").value(20.0))
			.andExpect(jsonPath("$.times[3].within").value(false))
			.andExpect(jsonPath("$.buildings.length()").value(org.hamcrest.Matchers.greaterThan(0)))
			.andExpect(jsonPath("$.buildings[0].times[0].seconds").value(300))
			.andExpect(jsonPath("$.buildings[0].covered").value(false));
	}

	@Test
	void buildingsNotOnTheWalkingNetworkHaveTheirOwnStatusAndDistance() throws Exception {
		mvc.perform(get("/api/v1/circle/communities/" + FakeRun.WENRUFANG).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result.offNetworkBuildings").value(2))
			.andExpect(jsonPath("$.buildings[?(@.offNetwork == true)].accessMetres").value(hasItem(420.0)))
			.andExpect(jsonPath("$.buildings[?(@.offNetwork == true)].covered").value(everyItem(org.hamcrest.Matchers.is(false))))
			.andExpect(jsonPath("$.buildings[?(@.offNetwork == true)].times[*].status")
				.value(everyItem(org.hamcrest.Matchers.is("OFF_NETWORK"))))
			.andExpect(jsonPath("$.buildings[?(@.offNetwork == false)].times[*].status")
				.value(not(hasItem("OFF_NETWORK"))))
			// the community's own walks come from its buildings on the network
			.andExpect(jsonPath("$.times[0].status").value("WITHIN"))
			.andExpect(jsonPath("$.times[3].status").value("BEYOND"));
		mvc.perform(get("/api/v1/circle/map/buildings").param("territory", FakeRun.WENRUFANG).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features[?(@.properties.offNetwork == true)]", org.hamcrest.Matchers.hasSize(2)));
		mvc.perform(get("/api/v1/circle/communities/" + FakeRun.QINGCHENG).with(DemoAccounts.as("dongjie")))
			.andExpect(jsonPath("$.result.offNetworkBuildings").value(0))
			.andExpect(jsonPath("$.times[1].status").value("BEYOND"))
			.andExpect(jsonPath("$.times[3].status").value("OVER"));
	}

	@Test
	void eachCallerSeesOnlyTheirJurisdiction() throws Exception {
		// 军门社区's worker: her community only
		mvc.perform(get("/api/v1/circle/map/communities").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("FeatureCollection"))
			.andExpect(jsonPath("$.features.length()").value(1))
			.andExpect(jsonPath("$.features[0].properties.code").value(JUNMEN));
		mvc.perform(get("/api/v1/circle/communities/" + FakeRun.QINGCHENG).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/circle/coverage").param("territory", DONGJIE).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/map/buildings").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features[*].properties.communityId").value(everyItem(
					org.hamcrest.Matchers.is(jdbc.sql("SELECT id FROM territory_node WHERE code = ?").param(JUNMEN)
						.query(Long.class).single().intValue()))));
		// 鼓楼区: its own communities, not 紫阳社区 (晋安区)
		mvc.perform(get("/api/v1/circle/gaps").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.area.code").value("350102"))
			.andExpect(jsonPath("$.communities[*].code").value(hasItem(FakeRun.QINGCHENG)))
			.andExpect(jsonPath("$.communities[*].code").value(not(hasItem(FakeRun.ZIYANG))))
			.andExpect(content().string(not(containsString("紫阳社区"))));
		mvc.perform(get("/api/v1/circle/coverage").param("territory", "350111").with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/communities/" + FakeRun.ZIYANG).with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
		// the city sees both
		mvc.perform(get("/api/v1/circle/gaps").with(DemoAccounts.as("city")))
			.andExpect(jsonPath("$.communities[*].code").value(hasItem(FakeRun.ZIYANG)))
			.andExpect(jsonPath("$.communities[?(@.code == '" + FakeRun.HENGYU + "')].rural").value(true));
		// residents nothing
		mvc.perform(get("/api/v1/circle/coverage").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void whatIfAnswersAtOnceWithinTheCallersJurisdiction() throws Exception {
		String point = "{\"category\":\"%s\",\"action\":\"ADD\",\"lat\":%s,\"lon\":%s}";
		var building = jdbc.sql("SELECT latitude, longitude FROM territory_node WHERE code = ?")
			.param(JUNMEN + "G01C01B01")
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		String body = point.formatted(categories.get(0), building[0], building[1]);
		// a new facility at a building: only improvements, listed for 东街街道's communities only
		String json = mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.category").value(categories.get(0)))
			.andExpect(jsonPath("$.action").value("ADD"))
			.andExpect(jsonPath("$.updateMillis").value(org.hamcrest.Matchers.lessThan(100.0)))
			.andReturn().getResponse().getContentAsString();
		var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
		assertThat(tree.get("buildingsChanged").asInt()).isPositive();
		for (var c : tree.get("communities")) {
			assertThat(c.get("code").asString()).startsWith(DONGJIE.substring(0, 9));
		}
		for (var b : tree.get("buildings")) {
			assertThat(b.get("secondsAfter").asInt()).isLessThan(b.get("secondsBefore").isNull() ? Integer.MAX_VALUE
					: b.get("secondsBefore").asInt());
		}
		// the same site for a caller elsewhere: nothing of 东街街道 listed
		mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(DemoAccounts.as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communities.length()").value(0));
		// bad input: problem+json with the fields; an unknown facility: 404; residents: 403
		mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"NO_SUCH\",\"action\":\"OPEN\",\"lat\":\"north\",\"lon\":119.3}")
			.with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("lat"));
		mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"NO_SUCH\",\"action\":\"OPEN\"}").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("action", "lat", "category")));
		mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"%s\",\"action\":\"CLOSE\",\"facilityId\":\"circle:0\"}".formatted(categories.get(0)))
			.with(DemoAccounts.as("city")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/circle/what-if").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(DemoAccounts.as(DemoAccounts.RESIDENT)))
			.andExpect(status().isForbidden());
	}

	@Test
	void badParametersAreProblems() throws Exception {
		mvc.perform(get("/api/v1/circle/coverage").param("territory", "999999").with(DemoAccounts.as("city")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/circle/communities/350102").with(DemoAccounts.as("city")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/suggestions").param("category", "NO_SUCH_THING").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		mvc.perform(get("/api/v1/circle/suggestions").param("category", categories.get(0)).param("count", "500")
			.with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("count"));
		mvc.perform(get("/api/v1/circle/suggestions").param("category", categories.get(0)).param("territory", "999999")
			.with(DemoAccounts.as("city")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/circle/isochrone").param("lat", "north").param("lon", "119.3")
			.with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("lat"));
		mvc.perform(get("/api/v1/circle/isochrone").param("lat", "26.08").param("lon", "190")
			.with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lon"));
		mvc.perform(get("/api/v1/circle/isochrone").with(DemoAccounts.as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(multipart("/api/v1/circle/network/extract")
			.file(new MockMultipartFile("file", "city.csv", "text/csv", "a,b".getBytes()))
			.with(DemoAccounts.as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void onlyStreetOfficialsAndAboveRequestRunsAndOnlyAdministratorsReplaceTheNetwork() throws Exception {
		mvc.perform(post("/api/v1/circle/runs").with(DemoAccounts.as("junmen")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/circle/runs").with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/circle/network/generated").with(DemoAccounts.as("gulou")))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/circle/network/extract")
			.file(new MockMultipartFile("file", "x.osm.pbf", "application/octet-stream", new byte[] { 1 }))
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anExtractIsAcceptedAsABackgroundJobWithAStatusUrl() throws Exception {
		String location = mvc.perform(multipart("/api/v1/circle/network/extract")
			.file(new MockMultipartFile("file", "broken.osm.pbf", "application/octet-stream", new byte[] { 1, 2, 3 }))
			.with(DemoAccounts.as("city")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("QUEUED"))
			.andExpect(jsonPath("$.stage").value("RECEIVED"))
			.andExpect(jsonPath("$.statusUrl").value(org.hamcrest.Matchers.startsWith("/api/v1/circle/network/jobs/")))
			.andReturn().getResponse().getHeader("Location");
		assertThat(location).contains("/api/v1/circle/network/jobs/");
		String path = location.substring(location.indexOf("/api/v1/"));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> mvc
			.perform(get(path).param("lang", "en").with(DemoAccounts.as("gulou")))
			.andReturn().getResponse().getContentAsString().contains("\"state\":\"FAILED\""));
		mvc.perform(get(path).param("lang", "en").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UNREADABLE"))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.message").value(containsString("cannot be read")));
	}

	@Test
	void aStreetOfficialRequestsARunAndFollowsIt() throws Exception {
		mvc.perform(get("/api/v1/circle/runs/current").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current").doesNotExist())
			.andExpect(jsonPath("$.latest.reason").value(FakeRun.REASON));
		mvc.perform(post("/api/v1/circle/runs").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"test\"}")
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING")));
		mvc.perform(get("/api/v1/circle/runs/current").with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current.status").value(org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING")));
		mvc.perform(post("/api/v1/circle/runs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"" + "x".repeat(201) + "\"}").with(DemoAccounts.as("dongjie")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
	}

	@Test
	void theLatestRunIsTheFinishedOne() throws Exception {
		mvc.perform(get("/api/v1/circle/runs/latest").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.reason").value(FakeRun.REASON));
		mvc.perform(get("/api/v1/circle/runs/latest").with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void exportsAreSpreadsheets() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/v1/circle/gaps/export.xlsx").param("territory", DONGJIE)
			.with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
		mvc.perform(get("/api/v1/circle/coverage/export.xlsx").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/circle/coverage/export.xlsx").param("territory", "350111").with(DemoAccounts.as("gulou")))
			.andExpect(status().isNotFound());
	}
}
