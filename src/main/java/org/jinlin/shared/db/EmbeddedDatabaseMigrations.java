package org.jinlin.shared.db;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On the embedded H2 database, the migrations run on one connection that stays open as long as the application.
 * H2 (2.4.240) keeps the session that parsed a {@code CHECK (x IN (…))} constraint as the comparator of the
 * constraint's value set; once that session is closed, every insert into the table fails with "Check constraint
 * invalid … the database has been closed" until the database is reopened. With the migrations on a pooled
 * connection, that happened on a freshly created database as soon as the pool retired the connection (after 30
 * minutes, or at any eviction): on a first {@code ./mvnw spring-boot:run}, registering a resident failed half an
 * hour after start-up. PostgreSQL does not need this and keeps the pool.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EmbeddedDatabaseMigrations {

	@Bean
	MigrationConnection migrationConnection(DataSourceProperties properties) {
		return new MigrationConnection(new SingleConnectionDataSource(properties.determineUrl(),
				properties.determineUsername(), properties.determinePassword(), true));
	}

	@Bean
	FlywayConfigurationCustomizer migrationsOnTheLastingConnection(MigrationConnection connection) {
		return configuration -> configuration.dataSource(connection.dataSource());
	}

	/** The connection the schema was made on, closed only when the application stops. */
	record MigrationConnection(SingleConnectionDataSource dataSource) implements DisposableBean {

		@Override
		public void destroy() {
			dataSource.destroy();
		}
	}
}
