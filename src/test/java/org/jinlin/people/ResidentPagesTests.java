package org.jinlin.people;

import org.jinlin.territory.Territories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
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

/** The register's pages as the demo accounts see them. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ResidentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Territories territories;

	@Autowired
	ApplicationEvents events;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long building() {
		return territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
	}

	String registerThroughTheForm(String name, ResidentFixtures.Identity id) throws Exception {
		return mvc.perform(post("/residents").with(as("junmen")).with(csrf())
				.param("channel", "DOOR_TO_DOOR").param("name", name).param("gender", id.gender().name())
				.param("birthDate", id.birthDate().toString()).param("idNumber", id.idNumber())
				.param("phone", "13612345678").param("buildingId", String.valueOf(building()))
				.param("unit", "3").param("room", "202").param("tags", "LIVING_ALONE", "VETERAN")
				.param("reason", "入户走访"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/residents/*"))
			.andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void registerOnBehalfThenListDetailRevealEditAndVoid() throws Exception {
		mvc.perform(get("/residents/new").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<optgroup")))
			.andExpect(content().string(containsString("1号楼")));

		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		String url = registerThroughTheForm("邱月娥", id);

		mvc.perform(get("/residents").param("name", "邱月娥").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>居民")))
			.andExpect(content().string(containsString("id=\"resident-table\"")))
			.andExpect(content().string(containsString("邱月娥")))
			.andExpect(content().string(containsString(id.idNumber().substring(0, 4) + "**********")))
			.andExpect(content().string(not(containsString(id.idNumber()))))
			.andExpect(content().string(not(containsString("13612345678"))));
		// htmx partial: only the results
		mvc.perform(get("/residents").param("name", "邱").header("HX-Request", "true").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("resident-table")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/residents").param("lang", "en").with(as("junmen")))
			.andExpect(content().string(containsString("Resident register")));

		mvc.perform(get(url).with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("136****5678")))
			.andExpect(content().string(containsString("上门走访")))
			.andExpect(content().string(not(containsString(id.idNumber()))));

		// reveal needs a purpose, then shows the full data and is audited
		mvc.perform(post(url + "/reveal").with(as("junmen")).with(csrf()).param("purpose", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写查看事由")))
			.andExpect(content().string(not(containsString(id.idNumber()))));
		mvc.perform(post(url + "/reveal").with(as("junmen")).with(csrf()).param("purpose", "核实高龄补贴"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(id.idNumber())))
			.andExpect(content().string(containsString("13612345678")));
		assertThat(events.stream(ResidentPersonalDataViewed.class)).singleElement()
			.satisfies(e -> assertThat(e.purpose()).isEqualTo("核实高龄补贴"));

		// edit without a reason: field error; ID number left blank is kept
		mvc.perform(get(url + "/edit").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(id.idNumber()))));
		mvc.perform(post(url + "/edit").with(as("junmen")).with(csrf()).param("name", "邱月娥")
				.param("gender", id.gender().name()).param("birthDate", id.birthDate().toString())
				.param("buildingId", String.valueOf(building())).param("unit", "3").param("room", "203").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写原因")));
		mvc.perform(post(url + "/edit").with(as("junmen")).with(csrf()).param("name", "邱月娥")
				.param("gender", id.gender().name()).param("birthDate", id.birthDate().toString())
				.param("buildingId", String.valueOf(building())).param("unit", "3").param("room", "203")
				.param("version", "0").param("reason", "搬到隔壁"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(url).with(as("junmen")))
			.andExpect(content().string(containsString("203")))
			.andExpect(content().string(containsString("搬到隔壁")))
			.andExpect(content().string(containsString("136****5678")));

		mvc.perform(post(url + "/void").with(as("junmen")).with(csrf()).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写原因")));
		mvc.perform(post(url + "/void").with(as("junmen")).with(csrf()).param("reason", "迁出"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(url).with(as("junmen")))
			.andExpect(content().string(containsString("已作废")));
	}

	@Test
	void badInputIsShownNextToTheFieldAndNothingIsWritten() throws Exception {
		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		String bad = id.idNumber().substring(0, 17) + (id.idNumber().endsWith("1") ? "2" : "1");
		mvc.perform(post("/residents").with(as("junmen")).with(csrf()).param("channel", "PHONE_CALL")
				.param("name", "错号").param("gender", id.gender().name()).param("birthDate", "not-a-date")
				.param("idNumber", bad).param("buildingId", String.valueOf(building())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("格式不正确")))
			.andExpect(content().string(not(containsString(bad))));
		mvc.perform(post("/residents").with(as("junmen")).with(csrf()).param("channel", "PHONE_CALL")
				.param("name", "错号").param("gender", id.gender().name()).param("birthDate", id.birthDate().toString())
				.param("idNumber", bad).param("buildingId", String.valueOf(building())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("身份证号校验位不正确")))
			.andExpect(content().string(not(containsString(bad))));
		mvc.perform(get("/residents").param("name", "错号").with(as("junmen")))
			.andExpect(content().string(containsString("没有符合条件的居民")));
	}

	@Test
	void accessIsLimitedByRoleAndJurisdiction() throws Exception {
		mvc.perform(get("/residents").with(as("volunteer1"))).andExpect(status().isForbidden());
		mvc.perform(get("/residents/new").with(as("dongjie"))).andExpect(status().isForbidden());
		mvc.perform(get("/residents").with(as("dongjie"))).andExpect(status().isOk());
		String url = registerThroughTheForm("罗金花", ResidentFixtures.nextIdentity());
		mvc.perform(get(url).with(as("dongjie"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(">修改<"))));
		mvc.perform(get("/residents/{id}", 987654321L).with(as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get(url + "/edit").with(as("dongjie"))).andExpect(status().isForbidden());
	}

	@Test
	void htmxSearchAnswersOnlyTheResultsWhileHistoryRestoreGetsTheWholePage() throws Exception {
		mvc.perform(get("/residents").param("name", "王").header("HX-Request", "true").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"resident-results\"")))
			.andExpect(content().string(not(containsString("<nav"))))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/residents").param("name", "王").header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("id=\"resident-results\"")));
	}
}
