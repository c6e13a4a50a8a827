package org.jinlin.quality.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's persistent monthly timer on db-scheduler (see {@code TimerConfig}): at 00:10 Beijing time on the first
 * day of each month one instance freezes the month just closed for the city, its districts and its streets. A missed
 * run (server down) runs when the scheduler is back; it freezes only what is not frozen yet.
 */
@Configuration(proxyBeanMethods = false)
class QualityTimers {

	static final String MONTHLY = "quality-monthly-freeze";

	/** Second, minute, hour, day of month, month, day of week. */
	static final String CRON = "0 10 0 1 * *";

	@Bean
	RecurringTask<Void> qualityMonthlyFreezeTask(ObjectProvider<MonthlyFreeze> freeze) {
		return Tasks.recurring(MONTHLY, Schedules.cron(CRON, QualityIndicators.ZONE))
			.execute((instance, context) -> freeze.getObject().freeze(MonthlyFreeze.lastClosedMonth()));
	}
}
