package org.jinlin.quality.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Certification's persistent daily timer on db-scheduler (see {@code TimerConfig}): at 07:00 Beijing time one
 * instance notices the certificates that enter their last 90 days or passed their last day. A missed run (server
 * down) runs when the scheduler is back.
 */
@Configuration(proxyBeanMethods = false)
class CertificationTimers {

	static final String DAILY = "quality-certification-reminders";

	@Bean
	RecurringTask<Void> qualityCertificationRemindersTask(ObjectProvider<CertificationReminders> reminders) {
		return Tasks.recurring(DAILY, Schedules.daily(QualityIndicators.ZONE, LocalTime.of(7, 0)))
			.execute((instance, context) -> reminders.getObject().remind(LocalDate.now(QualityIndicators.ZONE)));
	}
}
