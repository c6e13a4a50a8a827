package org.jinlin.spaces.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spaces module's persistent timer on db-scheduler (see {@code TimerConfig}): every minute
 * ({@code jinlin.spaces.release-interval}) one instance releases the no-shows and passes expired offers on. The
 * task's row in {@code scheduled_tasks} outlives any instance, so a release due while none was up happens as soon
 * as one is.
 */
@Configuration(proxyBeanMethods = false)
class SpacesTimers {

	static final String RELEASE = "spaces-release-no-shows";

	@Bean
	RecurringTask<Void> spacesReleaseTask(ObjectProvider<BookingRelease> release,
			@Value("${jinlin.spaces.release-interval:PT1M}") Duration interval) {
		return Tasks.recurring(RELEASE, Schedules.fixedDelay(interval))
			.execute((instance, context) -> release.getObject().releaseDue(OffsetDateTime.now()));
	}
}
