package org.jinlin.publiclog.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log's persistent timers on db-scheduler (see {@code TimerConfig}): integration every few seconds and a
 * self-check every ten minutes, each on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class LogTimers {

	@Bean
	RecurringTask<Void> publicLogIntegration(ObjectProvider<LogIntegration> integration,
			@Value("${jinlin.publiclog.integrate-every:PT2S}") Duration every) {
		return Tasks.recurring("publiclog-integrate", FixedDelay.of(every))
			.execute((instance, context) -> integration.getObject().integrateAll());
	}

	@Bean
	RecurringTask<Void> publicLogSelfCheck(ObjectProvider<LogSelfCheck> check) {
		return Tasks.recurring("publiclog-self-check", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> check.getObject().check());
	}
}
