package org.jinlin.territory;

import org.jinlin.support.DemoAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/communities} against the demo city: each account sees only its jurisdiction. */
@SpringBootTest
@AutoConfigureMockMvc
class CommunitiesApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void communityWorkerSeesOnlyHerCommunity() throws Exception {
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()", is(1)))
			.andExpect(jsonPath("$[0].name", is("军门社区")));
	}

	@Test
	void districtOfficialSeesOnlyHerDistrict() throws Exception {
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].districtCode", everyItem(is("350102"))))
			.andExpect(jsonPath("$[*].name", hasItems("军门社区", "屏山社区")));
	}

	@Test
	void cityOfficialSeesAllDistricts() throws Exception {
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItems("军门社区", "屏山社区", "紫阳社区")))
			.andExpect(jsonPath("$[*].districtCode", hasItems("350102", "350111")));
	}

	@Test
	void anonymousGetsProblemJson401() throws Exception {
		mvc.perform(get("/api/v1/communities"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status", is(401)));
	}

	@Test
	void otherJurisdictionsNodeIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/territories/350111").with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}
}
