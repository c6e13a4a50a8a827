package org.jinlin.accounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bearer tokens for API clients: one password check for a token, then requests with {@code Authorization: Bearer}
 * that act as the account does now — refused once it is disabled or its password changes, when the token is
 * forged or expired, and never exchanged for a longer-lived one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Value("${jinlin.api-tokens.key}")
	String key;

	String token(String username, String password) throws Exception {
		String body = mvc.perform(post("/api/v1/accounts/token").with(httpBasic(username, password)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.token_type", is("Bearer")))
			.andExpect(jsonPath("$.expires_in", is(900)))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.access_token");
	}

	static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	@Test
	void aTokenActsAsItsAccountWithinItsJurisdiction() throws Exception {
		String junmen = token(DemoAccounts.COMMUNITY, DemoAccounts.PASSWORD);
		mvc.perform(bearer(get("/api/v1/communities"), junmen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()", is(1)))
			.andExpect(jsonPath("$[0].name", is("军门社区")));
		String resident = token(DemoAccounts.RESIDENT, DemoAccounts.PASSWORD);
		mvc.perform(bearer(get("/api/v1/accounts"), resident)).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aWrongPasswordGetsNoToken() throws Exception {
		mvc.perform(post("/api/v1/accounts/token").with(httpBasic(DemoAccounts.COMMUNITY, "not-the-password")))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/accounts/token")).andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenOrAnApiKeyCannotBeExchangedForAToken() throws Exception {
		String junmen = token(DemoAccounts.COMMUNITY, DemoAccounts.PASSWORD);
		mvc.perform(bearer(post("/api/v1/accounts/token"), junmen)).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/accounts/token").header("X-Api-Key", DemoAccounts.CANTEEN_KEY))
			.andExpect(status().isForbidden());
	}

	@Test
	void aForgedOrExpiredTokenIsRefusedAsProblemJson() throws Exception {
		String junmen = token(DemoAccounts.COMMUNITY, DemoAccounts.PASSWORD);
		char last = junmen.charAt(junmen.length() - 2);
		String tampered = junmen.substring(0, junmen.length() - 2) + (last == 'A' ? 'B' : 'A') + junmen.charAt(junmen.length() - 1);
		mvc.perform(bearer(get("/api/v1/communities"), tampered))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// signed with the right key, but expired an hour ago
		var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256")));
		Instant issued = Instant.now().minus(Duration.ofHours(2));
		String expired = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder().issuer("jinlin").subject(DemoAccounts.COMMUNITY).issuedAt(issued)
					.expiresAt(issued.plus(Duration.ofHours(1))).build())).getTokenValue();
		mvc.perform(bearer(get("/api/v1/communities"), expired))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type", containsString("invalid-token")));
		// another issuer's token, with the right key and fresh
		String alien = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder().issuer("elsewhere").subject(DemoAccounts.CITY).issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(600)).build())).getTokenValue();
		mvc.perform(bearer(get("/api/v1/communities"), alien)).andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenStopsWorkingWhenTheAccountIsDisabledOrItsPasswordChanges() throws Exception {
		mvc.perform(post("/api/v1/accounts").with(DemoAccounts.as(DemoAccounts.ADMIN)).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username":"junmen-grid8","displayName":"第8网格 测试","role":"GRID_WORKER",
						 "territoryCode":"350102004001G01","password":"Green-tea-2026"}"""))
			.andExpect(status().isCreated());
		String before = token("junmen-grid8", "Green-tea-2026");
		mvc.perform(bearer(get("/api/v1/communities"), before)).andExpect(status().isOk());
		mvc.perform(put("/api/v1/accounts/junmen-grid8/password").with(DemoAccounts.as(DemoAccounts.ADMIN))
				.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Oolong-tea-2027\"}"))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(bearer(get("/api/v1/communities"), before)).andExpect(status().isUnauthorized());
		String after = token("junmen-grid8", "Oolong-tea-2027");
		mvc.perform(bearer(get("/api/v1/communities"), after)).andExpect(status().isOk());
		mvc.perform(put("/api/v1/accounts/junmen-grid8/enabled").with(DemoAccounts.as(DemoAccounts.ADMIN))
				.contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(bearer(get("/api/v1/communities"), after)).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
	}
}
