package org.jinlin.accounts.internal;

import org.jinlin.support.DemoAccounts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first administrator on a prod-like, empty database (no demo data): created from the
 * command-line user name and the password in the environment, bound to the city root that the
 * same command created.
 */
@SpringBootTest(properties = { "jinlin.demo.enabled=false", "jinlin.bootstrap-admin.username=first-admin",
		"jinlin.bootstrap-admin.city-code=350100", "jinlin.bootstrap-admin.city-name=福州市" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdministratorTests {

	static final String PASSWORD = "Min-river-bridge-1";

	@TestConfiguration
	static class Environment {

		@Bean
		BootstrapAdministrator.PasswordSource bootstrapPassword() {
			return () -> PASSWORD;
		}
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	BootstrapAdministrator bootstrap;

	@Test
	void createsTheOnlyAccountAnAdministratorOfTheNewCityRoot(CapturedOutput output) throws Exception {
		List<String> accounts = jdbc.sql("SELECT username FROM account").query(String.class).list();
		assertThat(accounts).containsExactly("first-admin");
		assertThat(jdbc.sql("SELECT roles FROM account").query(String.class).single()).isEqualTo("ADMINISTRATOR");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM territory_node").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT name FROM territory_node WHERE code = '350100' AND parent_id IS NULL").query(String.class).single())
			.isEqualTo("福州市");
		mvc.perform(get("/api/v1/accounts").with(httpBasic("first-admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()", is(1)))
			.andExpect(jsonPath("$[0].territoryCode", is("350100")));
		mvc.perform(get("/api/v1/communities").with(DemoAccounts.as("admin"))).andExpect(status().isUnauthorized());
		assertThat(output).contains("created the first administrator 'first-admin'").doesNotContain(PASSWORD);
	}

	@Test
	void doesNothingOnceAnAdministratorExists() {
		assertThat(bootstrap.bootstrap()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isEqualTo(1);
	}
}
