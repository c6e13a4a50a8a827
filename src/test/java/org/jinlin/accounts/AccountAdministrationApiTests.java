package org.jinlin.accounts;

import org.jinlin.support.DemoAccounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account and API key administration through {@code /api/v1/accounts} and {@code /api/v1/api-keys}. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void administratorCreatesAnAccountThatCanSignInAndIsAudited() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"junmen-grid9","displayName":"第9网格 测试","role":"GRID_WORKER",
						 "territoryCode":"350102004001G01","password":"Green-tea-2026"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.territoryName", is("第1网格")))
			.andExpect(jsonPath("$.roles[0]", is("GRID_WORKER")))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
		mvc.perform(get("/api/v1/communities").with(httpBasic("junmen-grid9", "Green-tea-2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name", is("军门社区")));
		awaitAudit("admin", "PERMISSIONS_CHANGED", "junmen-grid9");
	}

	@Test
	void weakPasswordsAndBadFieldsAreFieldErrors() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"shortpw","displayName":"x","role":"VOLUNTEER","territoryCode":"350102004001","password":"short"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("password")));
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"volunteer7","displayName":"x","role":"VOLUNTEER","territoryCode":"350102004001","password":"volunteer7-pass"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("password")));
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"Bad Name","displayName":"","role":null,"territoryCode":"999","password":"Long-enough-pass"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("username")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("displayName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("role")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("territoryCode")));
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"junmen","displayName":"dup","role":"VOLUNTEER","territoryCode":"350102004001","password":"Long-enough-pass"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("username")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username IN ('shortpw','volunteer7')").query(Long.class).single()).isZero();
	}

	@Test
	void onlyAdministratorsManageAccounts() throws Exception {
		for (String user : new String[] { "city", "gulou", "junmen", "resident1" }) {
			mvc.perform(get("/api/v1/accounts").with(DemoAccounts.as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/api-keys").with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"x-" + user + "\",\"purpose\":\"READ\",\"territoryCode\":\"350100\"}"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/accounts").with(DemoAccounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem("junmen")));
	}

	@Test
	void administratorCannotRemoveOwnAdministratorRoleNorDisableSelf() throws Exception {
		mvc.perform(put("/api/v1/accounts/admin/permissions").with(DemoAccounts.as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"CITY_OFFICIAL\",\"territoryCode\":\"350100\"}"))
			.andExpect(status().isConflict());
		mvc.perform(put("/api/v1/accounts/admin/enabled").with(DemoAccounts.as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/accounts/admin").with(DemoAccounts.as("admin")))
			.andExpect(jsonPath("$.roles[0]", is("ADMINISTRATOR")))
			.andExpect(jsonPath("$.enabled", is(true)));
	}

	@Test
	void districtAdministratorStaysInsideHerDistrict() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"gulou-admin","displayName":"鼓楼区管理员","role":"ADMINISTRATOR","territoryCode":"350102","password":"Drum-tower-2026"}"""))
			.andExpect(status().isCreated());
		// A node of 晋安区 is outside her jurisdiction, for accounts and keys alike.
		mvc.perform(post("/api/v1/accounts").with(httpBasic("gulou-admin", "Drum-tower-2026")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"ziyang-worker","displayName":"紫阳","role":"COMMUNITY_WORKER","territoryCode":"350111003001","password":"Ziyang-worker-1"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("territoryCode")));
		mvc.perform(post("/api/v1/api-keys").with(httpBasic("gulou-admin", "Drum-tower-2026")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"jinan-device\",\"purpose\":\"DEVICE\",\"territoryCode\":\"350111\"}"))
			.andExpect(status().isBadRequest());
		// Accounts above or beside her node do not exist for her.
		mvc.perform(get("/api/v1/accounts/admin").with(httpBasic("gulou-admin", "Drum-tower-2026"))).andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/accounts/city/enabled").with(httpBasic("gulou-admin", "Drum-tower-2026"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts").with(httpBasic("gulou-admin", "Drum-tower-2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username", hasItem("junmen")))
			.andExpect(jsonPath("$[*].username", not(hasItem("city"))))
			.andExpect(jsonPath("$[*].username", not(hasItem("admin"))));
		// The city's demo key is not hers to see or revoke.
		long demoKey = jdbc.sql("SELECT id FROM api_key WHERE name = 'demo-open311'").query(Long.class).single();
		mvc.perform(delete("/api/v1/api-keys/" + demoKey).with(httpBasic("gulou-admin", "Drum-tower-2026")))
			.andExpect(status().isNotFound());
	}

	@Test
	void disablingAndResettingPasswordTakeEffectAndAreAudited() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"temp-volunteer","displayName":"临时志愿者","role":"VOLUNTEER","territoryCode":"350102004001","password":"First-pass-123"}"""))
			.andExpect(status().isCreated());
		mvc.perform(put("/api/v1/accounts/temp-volunteer/enabled").with(DemoAccounts.as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.enabled", is(false)));
		mvc.perform(get("/api/v1/communities").with(httpBasic("temp-volunteer", "First-pass-123"))).andExpect(status().isUnauthorized());
		mvc.perform(put("/api/v1/accounts/temp-volunteer/enabled").with(DemoAccounts.as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/accounts/temp-volunteer/password").with(DemoAccounts.as("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Second-pass-456\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/communities").with(httpBasic("temp-volunteer", "First-pass-123"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/communities").with(httpBasic("temp-volunteer", "Second-pass-456"))).andExpect(status().isOk());
		awaitAudit("admin", "ACCOUNT_DISABLED", "temp-volunteer");
		awaitAudit("admin", "ACCOUNT_ENABLED", "temp-volunteer");
		awaitAudit("admin", "PASSWORD_RESET", "temp-volunteer");
	}

	@Test
	void apiKeyIsShownOnceListedByPrefixAndRevocable() throws Exception {
		String body = mvc.perform(post("/api/v1/api-keys").with(DemoAccounts.as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"gulou-reader\",\"purpose\":\"READ\",\"territoryCode\":\"350102\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key", startsWith("jl_")))
			.andReturn().getResponse().getContentAsString();
		String key = JsonPath.read(body, "$.key");
		int id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/communities").header("X-Api-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].districtCode", hasItem("350102")))
			.andExpect(jsonPath("$[*].districtCode", not(hasItem("350111"))));
		mvc.perform(get("/api/v1/api-keys").with(DemoAccounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'gulou-reader')].prefix", hasItem(key.substring(0, 8))))
			.andExpect(content().string(not(containsString(key))))
			.andExpect(content().string(not(containsString(org.jinlin.accounts.internal.ApiKeyRepository.hash(key)))));
		mvc.perform(delete("/api/v1/api-keys/" + id).with(DemoAccounts.as("admin"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/communities").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
		mvc.perform(delete("/api/v1/api-keys/" + id).with(DemoAccounts.as("admin"))).andExpect(status().isConflict());
		mvc.perform(delete("/api/v1/api-keys/999999").with(DemoAccounts.as("admin"))).andExpect(status().isNotFound());
		awaitAudit("admin", "API_KEY_ISSUED", Integer.toString(id));
		awaitAudit("admin", "API_KEY_REVOKED", Integer.toString(id));
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'API_KEY_ISSUED' AND subject_id = ?")
			.param(Integer.toString(id)).query(String.class).single()).doesNotContain(key);
	}

	void awaitAudit(String actor, String action, String subject) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ? AND subject_id = ?")
			.params(actor, action, subject).query(Long.class).single() > 0);
	}
}
