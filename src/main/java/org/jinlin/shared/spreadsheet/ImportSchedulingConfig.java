package org.jinlin.shared.spreadsheet;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the import jobs' heartbeat and sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportSchedulingConfig {
}
