package org.jinlin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The home page of officials and community workers: the open alarms and overdue demands of their jurisdiction, each
 * the number of the list it links to; residents see no such figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeOverviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	/** Signed in as in the browser (pages take the session's account, not HTTP Basic). */
	private RequestPostProcessor page(String user) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user));
	}

	@Test
	void anOfficialsHomeCountsTheListsItLinksTo() throws Exception {
		for (String user : List.of(DemoAccounts.DISTRICT, DemoAccounts.CITY, DemoAccounts.STREET, DemoAccounts.COMMUNITY)) {
			MvcResult home = home(user);
			long overdue = figure(home, "overdue");
			String search = mvc.perform(get("/api/v1/demands").param("overdue", "true").param("size", "1")
				.with(DemoAccounts.as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(overdue).as(user + ": overdue demands").isEqualTo(((Number) JsonPath.read(search, "$.total")).longValue());
			assertThat(home.getResponse().getContentAsString())
				.contains("href=\"/demands?overdue=true\"", "href=\"/alarms/desk\"", "id=\"overview\"");
		}
	}

	@Test
	void aNewAlarmInTheDistrictRaisesItsOpenAlarms() throws Exception {
		long before = figure(home(DemoAccounts.DISTRICT), "alarms");
		long cityBefore = figure(home(DemoAccounts.CITY), "alarms");
		mvc.perform(post("/api/v1/alarms").header("X-Api-Key", DemoAccounts.DEVICE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deviceId\":\"DEMO-PENDANT-0001\",\"kind\":\"SOS\",\"idempotencyKey\":\"home-" + UUID.randomUUID() + "\"}"))
			.andExpect(status().is2xxSuccessful());
		long after = figure(home(DemoAccounts.DISTRICT), "alarms");
		// another press within 10 minutes joins an open alarm, so the count rises by one at most and never falls
		assertThat(after).isBetween(Math.max(before, 1), before + 1);
		assertThat(figure(home(DemoAccounts.CITY), "alarms")).isGreaterThanOrEqualTo(Math.max(cityBefore, after));
		// 东街街道 lies in 鼓楼区: the narrower area counts 军门's alarm and never more than the district
		long street = figure(home(DemoAccounts.STREET), "alarms");
		assertThat(street).isPositive().isLessThanOrEqualTo(figure(home(DemoAccounts.DISTRICT), "alarms"));
	}

	@Test
	void residentsSeeNoOverview() throws Exception {
		mvc.perform(get("/").with(page(DemoAccounts.RESIDENT)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"overview\""))));
	}

	@Test
	void theOverviewIsInEnglishToo() throws Exception {
		mvc.perform(get("/").param("lang", "en").with(page(DemoAccounts.DISTRICT)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Needs attention today")))
			.andExpect(content().string(containsString("Overdue demands")));
	}

	private MvcResult home(String user) throws Exception {
		return mvc.perform(get("/").with(page(user))).andExpect(status().isOk()).andReturn();
	}

	@SuppressWarnings("unchecked")
	private static long figure(MvcResult home, String key) {
		List<Object> figures = (List<Object>) home.getModelAndView().getModel().get("overview");
		return figures.stream()
			.map(f -> (org.jinlin.portal.web.HomeFigure) f)
			.filter(f -> f.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no figure " + key))
			.count();
	}
}
