package org.jinlin.circle.facilities;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry pages as the demo accounts see them: list with counts and map points, form messages, import, categories. */
@SpringBootTest
@AutoConfigureMockMvc
class CircleFacilityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM circle_facility WHERE name LIKE '页面测试%'").update();
	}

	@Test
	void theListShowsTheJurisdictionsFacilitiesWithCountsAndMaskedPhones() throws Exception {
		String junmenShop = jdbc.sql("""
				SELECT MIN(name) FROM circle_facility WHERE phone IS NOT NULL AND territory_path =
				  (SELECT path FROM territory_node WHERE code = '350102004001')""").query(String.class).single();
		String phone = jdbc.sql("SELECT MIN(phone) FROM circle_facility WHERE name = ?").param(junmenShop).query(String.class)
			.single();
		mvc.perform(get("/circle/facilities?territory=350102004001").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("circle-facility-counts"), containsString("data-category=\"ELDER_CANTEEN\""),
					containsString(junmenShop), containsString("data-points="), not(containsString(phone)))));
		mvc.perform(get("/circle/facilities?territory=350111").with(as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get("/circle/facilities").with(as("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void theFormShowsFieldMessagesAndCreates() throws Exception {
		mvc.perform(post("/circle/facilities").with(as("junmen")).with(csrf()).param("name", "页面测试店")
			.param("category", "PHARMACY").param("latitude", "26.08").param("phone", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("经度和纬度须同时填写"), containsString("电话号码格式不正确"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_facility WHERE name LIKE '页面测试%'").query(Long.class).single()).isZero();
		mvc.perform(post("/circle/facilities").with(as("junmen")).with(csrf()).param("name", "页面测试店")
			.param("category", "PHARMACY").param("coordinateSystem", "BD09").param("latitude", "26.0920")
			.param("longitude", "119.3150").param("territoryCode", "350102004001"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT coordinate_system FROM circle_facility WHERE name = '页面测试店'").query(String.class).single())
			.isEqualTo("BD09");
	}

	@Test
	void theImportPageStartsAJobInTheChosenCoordinateSystem() throws Exception {
		String csv = "名称,类别,纬度,经度,所在辖区编码\n页面测试早餐店,早餐店,26.0862,119.3090,350102004001\n";
		mvc.perform(multipart("/circle/facilities/import")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("coordinateSystem", "GCJ02").with(as("junmen")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/imports/*"));
		mvc.perform(multipart("/circle/facilities/import")
			.file(new MockMultipartFile("file", "x.geojson", "application/json", "[]".getBytes()))
			.with(as("junmen")).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("FeatureCollection")));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM circle_facility WHERE name = '页面测试早餐店' AND coordinate_system = 'GCJ02'")
			.query(Long.class).single() == 1);
	}

	@Test
	void cityOfficialsEditCategoriesOnThePage() throws Exception {
		mvc.perform(get("/circle/facilities/categories").with(as("city")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"cat-PHARMACY\"")));
		mvc.perform(get("/circle/facilities/categories").with(as("junmen")))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"cat-PHARMACY\""))));
		mvc.perform(post("/circle/facilities/categories/FLOWERS").with(as("city")).with(csrf()).param("nameZh", "")
			.param("nameEn", "Florist").param("version", "0"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("category-errors")));
	}
}
