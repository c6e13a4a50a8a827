package org.jinlin.accounts;

import org.jinlin.accounts.internal.IssuedApiKey;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administration pages: field messages next to inputs, redirects after success, admins only. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void listAndCreateWithFieldMessages() throws Exception {
		mvc.perform(get("/admin/accounts").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("账号管理")))
			.andExpect(content().string(containsString("junmen")));
		mvc.perform(get("/admin/accounts/new").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新建账号")))
			.andExpect(content().string(containsString("系统管理员")));
		mvc.perform(post("/admin/accounts").with(as("admin")).with(csrf()).param("username", "page-worker")
				.param("displayName", "页面测试").param("role", "COMMUNITY_WORKER").param("territoryCode", "350102004001")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("密码至少需要 10 位")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("value=\"page-worker\"")));
		mvc.perform(post("/admin/accounts").with(as("admin")).with(csrf()).param("username", "page-worker")
				.param("displayName", "页面测试").param("role", "COMMUNITY_WORKER").param("territoryCode", "350102004001")
				.param("password", "Page-test-2026"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/accounts/page-worker"));
		mvc.perform(get("/admin/accounts/page-worker").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(containsString("社区工作者")));
	}

	@Test
	void ownAdministratorRoleIsKept() throws Exception {
		mvc.perform(post("/admin/accounts/admin/permissions").with(as("admin")).with(csrf()).param("role", "CITY_OFFICIAL")
				.param("territoryCode", "350100"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "不能取消自己的系统管理员角色。"));
	}

	@Test
	void issuedKeyIsShownOnceAfterTheRedirect() throws Exception {
		String page = mvc.perform(post("/admin/api-keys").with(as("admin")).with(csrf()).param("name", "page-device")
				.param("purpose", "DEVICE").param("territoryCode", "350102004001"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"issued-key\"[^>]*>(jl_[0-9a-f]+)<").matcher(page);
		org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
		IssuedApiKey issued = new IssuedApiKey(0, "page-device", m.group(1));
		mvc.perform(get("/admin/api-keys").with(as("admin")))
			.andExpect(content().string(containsString("page-device")))
			.andExpect(content().string(not(containsString(issued.key()))))
			.andExpect(content().string(containsString(issued.key().substring(0, 8))));
		mvc.perform(post("/admin/api-keys").with(as("admin")).with(csrf()).param("name", "").param("purpose", "READ")
				.param("territoryCode", "nope"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("辖区代码不存在")));
	}

	@Test
	void nonAdministratorsAreRefused() throws Exception {
		for (String u : new String[] { "city", "gulou", "junmen" }) {
			mvc.perform(get("/admin/accounts").with(as(u))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/accounts/new").with(as(u))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/api-keys").with(as(u))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/accounts/junmen/enabled").with(as(u)).with(csrf()).param("enabled", "false"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/admin/accounts")).andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location", containsString("/login")));
	}
}
