package org.jinlin.portal;

import org.jinlin.support.DemoAccounts;

import jakarta.servlet.http.Cookie;

import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.JurisdictionFocus;
import org.jinlin.territory.Territories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The jurisdiction picker narrows an official's browser session, never widens it, and leaves the API alone. */
@SpringBootTest
@AutoConfigureMockMvc
class JurisdictionPickerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	/** Sessions live in the database (Spring Session), so the browser is identified by its SESSION cookie. */
	Cookie signIn(String username) throws Exception {
		Cookie cookie = mvc.perform(formLogin("/login").user(username).password(DemoAccounts.PASSWORD)).andReturn().getResponse()
			.getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	@Test
	void districtOfficialFocusesOnJunmenInTheBrowserOnly() throws Exception {
		Cookie session = signIn("gulou");
		mvc.perform(get("/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前辖区：鼓楼区")))
			.andExpect(content().string(containsString("切换辖区")))
			.andExpect(content().string(containsString("id=\"jl-focus-search\"")));
		mvc.perform(get("/focus").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("东街街道")))
			.andExpect(content().string(not(containsString("晋安区"))));
		mvc.perform(get("/focus/options").param("parent", "350111").cookie(session)).andExpect(status().isNotFound());
		mvc.perform(get("/focus/options").param("q", "军门").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("350102004001")))
			.andExpect(content().string(not(containsString("紫阳社区"))));
		mvc.perform(post("/focus").param("code", "350102004001").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前辖区：军门社区")))
			.andExpect(content().string(containsString("辖区：军门社区")));
		// The stateless API keeps the account's own jurisdiction.
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()", greaterThan(1)));
		// Choosing one's own node again, or clearing, restores the whole district.
		mvc.perform(post("/focus/clear").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("当前辖区：鼓楼区")));
	}

	@Test
	void servicesSeeTheFocusedJurisdiction() {
		UserDetails gulou = users.loadUserByUsername("gulou");
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(gulou, null, gulou.getAuthorities()));
		var junmen = territories.lookupByCode("350102004001").orElseThrow();
		MockHttpServletRequest request = new MockHttpServletRequest();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(territories.communities()).hasSizeGreaterThan(1);
		request.setAttribute(JurisdictionFocus.REQUEST_ATTRIBUTE,
				new JurisdictionFocus(CurrentActor.require().accountId(), junmen.id(), junmen.path(), junmen.name()));
		assertThat(territories.communities()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("军门社区"));
		assertThat(CurrentActor.findUnfocused().orElseThrow().territoryPath()).isNotEqualTo(junmen.path());
	}

	@Test
	void cannotWidenOrLeaveTheJurisdiction() throws Exception {
		Cookie session = signIn("dongjie");
		mvc.perform(post("/focus").param("code", "350111003001").cookie(session).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/focus").param("code", "350102").cookie(session).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/focus").param("code", "350100").cookie(session).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("当前辖区：东街街道")));
	}

	@Test
	void communityWorkersHaveNoPicker() throws Exception {
		Cookie session = signIn("junmen");
		mvc.perform(get("/").cookie(session)).andExpect(content().string(not(containsString("切换辖区"))));
		mvc.perform(post("/focus").param("code", "350102004001").cookie(session).with(csrf())).andExpect(status().isForbidden());
	}
}
