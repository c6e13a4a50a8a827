package org.jinlin.servicehours.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceHoursProperties.class)
class ServiceHoursConfig {

	@Bean
	LedgerPolicy ledgerPolicy(ServiceHoursProperties p) {
		return new LedgerPolicy(p.timeBankCap(), p.spendingAge(), p.pointsPerHour());
	}
}
