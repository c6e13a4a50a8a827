package org.jinlin.eldercare.internal;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register's persistent daily timer on db-scheduler (see {@code TimerConfig}): at 06:00 Beijing time one
 * instance creates profiles for residents who turned 60 or were imported, and the birthday-visit tasks of the
 * coming week. A missed run (server down) runs when the scheduler is back.
 */
@Configuration(proxyBeanMethods = false)
class EldercareTimers {

	static final String DAILY = "eldercare-daily";

	@Bean
	RecurringTask<Void> eldercareDailyTask(ObjectProvider<CareTasks> tasks) {
		return Tasks.recurring(DAILY, Schedules.daily(CareRules.ZONE, LocalTime.of(6, 0)))
			.execute((instance, context) -> tasks.getObject().daily());
	}
}
