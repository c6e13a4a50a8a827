package org.jinlin.carefacilities;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.jinlin.shared.Role;
import org.jinlin.support.ImportJobPolling;
import org.jinlin.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The facility pages as the demo accounts see them: list, statistics panel, map points, forms, detail, import. */
@SpringBootTest
@AutoConfigureMockMvc
class FacilityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long facilities() {
		return jdbc.sql("SELECT COUNT(*) FROM care_facility").query(Long.class).single();
	}

	@Test
	void theCityListShowsThePublishedFiguresChartsAndMap() throws Exception {
		mvc.perform(get("/eldercare/facilities").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("福州市养老服务设施概况")))
			.andExpect(content().string(containsString("id=\"stat-careInstitutions\">162<")))
			.andExpect(content().string(containsString("id=\"stat-ruralHappinessHomes\">1,838<")))
			.andExpect(content().string(containsString("id=\"stat-beds\">52,000<")))
			.andExpect(content().string(containsString("id=\"stat-bedsPerThousand\">39.6<")))
			.andExpect(content().string(containsString("id=\"stat-coverage\">100.0%<")))
			.andExpect(content().string(containsString("facility-child-chart")))
			.andExpect(content().string(containsString("闽侯县")))
			.andExpect(content().string(containsString("/eldercare/facilities/map.json")))
			.andExpect(content().string(containsString("/js/carefacilities.js")));
	}

	@Test
	void aCommunityWorkerSeesHerCommunityAndFiltersWithHtmx() throws Exception {
		mvc.perform(get("/eldercare/facilities").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区养老服务设施概况")))
			.andExpect(content().string(containsString("军门社区居家养老服务站")))
			.andExpect(content().string(not(containsString("晋安区"))));
		mvc.perform(get("/eldercare/facilities").param("kind", "SERVICE_STATION").header("HX-Request", "true").with(as("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("facility-table")))
			.andExpect(content().string(not(containsString("日间照料中心</a>"))));
		mvc.perform(get("/eldercare/facilities").param("territory", "350111").with(as("gulou")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/eldercare/facilities").with(as("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void thePagesSpeakEnglishToo() throws Exception {
		mvc.perform(get("/eldercare/facilities").param("lang", "en").with(as("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Care facilities of 鼓楼区")))
			.andExpect(content().string(containsString("Beds per 1,000 elderly")))
			.andExpect(content().string(containsString("Home-care service station")));
	}

	@Test
	void mapPointsStayInTheJurisdiction() throws Exception {
		String json = mvc.perform(get("/eldercare/facilities/map.json").with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.List<String> names = JsonPath.read(json, "$[*].name");
		assertThat(names).isNotEmpty().allMatch(n -> n.contains("军门社区"));
		java.util.List<Double> lats = JsonPath.read(json, "$[*].lat");
		assertThat(lats).allMatch(l -> l > 25.3 && l < 26.8);
	}

	@Test
	void theExportDownloadsExcel() throws Exception {
		byte[] xlsx = mvc.perform(get("/eldercare/facilities/export.xlsx").param("territory", "350102004000").with(as("dongjie")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(xlsx).startsWith('P', 'K');
	}

	@Test
	void aJinanOfficialGets404ForAGulouFacilityPage() throws Exception {
		long gulouFacility = jdbc.sql("SELECT MIN(id) FROM care_facility WHERE territory_path LIKE (SELECT path FROM territory_node WHERE code = '350102') || '%'")
			.query(Long.class).single();
		mvc.perform(get("/eldercare/facilities/" + gulouFacility)
			.with(FacilityTestSupport.as("jinan-official", Role.DISTRICT_OFFICIAL, territories.lookupByCode("350111").orElseThrow())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/eldercare/facilities/" + gulouFacility).with(as("gulou")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("facility-name")));
	}

	@Test
	void theCreateFormShowsFieldMessagesWritesNothingThenSaves() throws Exception {
		mvc.perform(get("/eldercare/facilities/new").with(as("junmen")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("facility-form")));
		mvc.perform(get("/eldercare/facilities/new").with(as("junmen-grid1"))).andExpect(status().isForbidden());
		long before = facilities();
		mvc.perform(post("/eldercare/facilities").with(as("junmen")).with(csrf())
			.param("name", "军门社区助浴点").param("kind", "SERVICE_STATION").param("territoryCode", "350102004001")
			.param("bedsTotal", "5").param("bedsOccupied", "8").param("latitude", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("form-errors")))
			.andExpect(content().string(containsString("格式不正确")));
		mvc.perform(post("/eldercare/facilities").with(as("junmen")).with(csrf())
			.param("name", "军门社区助浴点").param("kind", "SERVICE_STATION").param("territoryCode", "350102004001")
			.param("bedsTotal", "5").param("bedsOccupied", "8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在用床位不能多于床位数")));
		assertThat(facilities()).isEqualTo(before);
		String location = mvc.perform(post("/eldercare/facilities").with(as("junmen")).with(csrf())
			.param("name", "军门社区助浴点").param("kind", "SERVICE_STATION").param("territoryCode", "350102004001")
			.param("bedsTotal", "5").param("bedsOccupied", "3").param("services", "BATHING", "MEALS")
			.param("servedAreaCodes", "350102004001").param("latitude", "26.0851").param("longitude", "119.3002"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/eldercare/facilities/*"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(facilities()).isEqualTo(before + 1);
		mvc.perform(get(location).with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区助浴点")))
			.andExpect(content().string(containsString("助浴")));
		// An edit with a stale version is refused with a message, the record unchanged.
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get(location + "/edit").with(as("junmen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区助浴点")));
		mvc.perform(post(location + "/edit").with(as("junmen")).with(csrf()).param("version", "0")
			.param("name", "军门社区助浴点（改）").param("kind", "SERVICE_STATION").param("territoryCode", "350102004001")
			.param("bedsTotal", "5").param("bedsOccupied", "4"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/edit").with(as("junmen")).with(csrf()).param("version", "0")
			.param("name", "旧版本").param("kind", "SERVICE_STATION").param("territoryCode", "350102004001"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("form-global-error")));
		assertThat(jdbc.sql("SELECT name FROM care_facility WHERE id = ?").param(Long.valueOf(id)).query(String.class).single())
			.isEqualTo("军门社区助浴点（改）");
		mvc.perform(post(location + "/delete").with(as("junmen")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(facilities()).isEqualTo(before);
	}

	static final String HEADER = "名称,类型,所在辖区编码,地址,纬度,经度,运营方,服务项目,床位数,在用床位,家庭养老床位,普惠床位,状态,服务社区编码\n";

	@Test
	void importIsAllOrNothingWithRowAndColumnInTheErrors() throws Exception {
		long before = facilities();
		String bad = HEADER + "东街助餐点,长者食堂,350102004001,东街1号,26.08,119.30,,助餐,0,0,0,0,运营中,350102004001\n"
				+ "东街日照中心,日间照料中心,350102004001,,,,,,10,12,0,0,,350102004001\n"
				+ "紫阳助餐点,长者食堂,350111003001,,,,,,0,0,0,0,,\n";
		RequestPostProcessor dongjie = DemoAccounts.as("dongjie");
		String job = ImportJobPolling.start(mvc, "/api/v1/eldercare/facilities/imports", "facilities.csv",
				bad.getBytes(StandardCharsets.UTF_8), dongjie);
		Map<String, Object> result = ImportJobPolling.await(mvc, job, dongjie, Duration.ofSeconds(60));
		assertThat(result.get("status")).isEqualTo("FAILED");
		assertThat(((Number) result.get("errorCount")).intValue()).isEqualTo(2);
		String report = mvc.perform(get("/imports/" + job + "/errors.csv").with(as("dongjie")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("3").contains("J").contains("在用床位不能多于床位数");
		assertThat(report).contains("4").contains("C").contains("不在您的管辖范围内");
		assertThat(facilities()).isEqualTo(before);

		String good = HEADER + "东街助餐点,长者食堂,350102004001,东街1号,26.08,119.30,,助餐、助洁,0,0,0,0,运营中,350102004001\n"
				+ "东街日照中心,日间照料中心,350102004000,,,,,,10,8,0,2,,350102004001、350102004002\n";
		job = ImportJobPolling.start(mvc, "/api/v1/eldercare/facilities/imports", "facilities.csv",
				good.getBytes(StandardCharsets.UTF_8), dongjie);
		result = ImportJobPolling.await(mvc, job, dongjie, Duration.ofSeconds(60));
		assertThat(result.get("status")).as(result.toString()).isEqualTo("SUCCEEDED");
		assertThat(facilities()).isEqualTo(before + 2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM facility_served_area a JOIN care_facility f ON f.id = a.facility_id WHERE f.name = '东街日照中心'")
			.query(Long.class).single()).isEqualTo(2);
		mvc.perform(get("/eldercare/facilities/import").with(as("dongjie"))).andExpect(status().isOk());
		mvc.perform(get("/eldercare/facilities/import/template.xlsx").with(as("dongjie"))).andExpect(status().isOk());
		jdbc.sql("DELETE FROM care_facility WHERE name IN ('东街助餐点', '东街日照中心')").update();
	}
}
