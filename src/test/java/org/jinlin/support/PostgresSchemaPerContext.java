package org.jinlin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the PostgreSQL test run (profile {@code pgtest}) every Spring test context gets a fresh
 * schema of its own in the test database, the way each H2 context gets its own in-memory
 * database: tests stay isolated and Flyway migrates from scratch.
 */
public class PostgresSchemaPerContext implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (!env.matchesProfiles("pgtest")) {
			return;
		}
		String base = env.getProperty("jinlin.test.postgres.url", "jdbc:postgresql://localhost:5432/jinlin_test");
		String user = env.getProperty("jinlin.test.postgres.user", "jinlin");
		String password = env.getProperty("jinlin.test.postgres.password", "jinlin");
		// Several application instances in one test (multi-instance tests) share a named schema.
		String shared = env.getProperty("jinlin.test.shared-schema");
		String schema = shared != null && shared.matches("[a-z_][a-z0-9_]{0,40}") ? shared
				: "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL test database not reachable at " + base
					+ " (run .ci/postgres-start)", e);
		}
		env.getPropertySources().addFirst(new MapPropertySource("postgres-test-schema", Map.of(
				"spring.datasource.url", base + "?currentSchema=" + schema,
				"spring.datasource.username", user,
				"spring.datasource.password", password)));
	}
}
