package org.jinlin.shared.timers;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Persistent timers for every module, on db-scheduler: modules declare their tasks as beans
 * ({@code Tasks.oneTime(...)}, {@code Tasks.recurring(...)}) and schedule instances through
 * the {@link com.github.kagkarlsson.scheduler.SchedulerClient} (the {@link Scheduler} bean).
 * Scheduling joins the caller's transaction, so a deadline is stored together with the state
 * change that set it. Each due execution runs on exactly one instance; after a crash it is
 * picked up again once the dead instance's heartbeats stop.
 */
@Configuration(proxyBeanMethods = false)
class TimerConfig {

	private static final Logger log = LoggerFactory.getLogger(TimerConfig.class);

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
			@Value("${jinlin.timers.polling-interval:PT5S}") Duration pollingInterval,
			@Value("${jinlin.timers.threads:4}") int threads,
			@Value("${jinlin.timers.instance-name:}") String instanceName,
			@Value("${jinlin.timers.heartbeat-interval:PT30S}") Duration heartbeat) {
		List<RecurringTask<?>> recurring = tasks.stream()
			.filter(t -> t instanceof OnStartup && t instanceof RecurringTask<?>)
			.<RecurringTask<?>>map(t -> (RecurringTask<?>) t)
			.toList();
		List<Task<?>> others = tasks.stream().filter(t -> !recurring.contains(t)).toList();
		var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
			.tableName("scheduled_tasks")
			.serializer(new MovedClassSerializer())
			.pollingInterval(pollingInterval)
			.heartbeatInterval(heartbeat)
			.threads(threads)
			.alwaysPersistTimestampInUTC()
			.enableImmediateExecution()
			// a stop lets a running timer finish (a coverage run of the demo city takes seconds) before it interrupts it
			.shutdownMaxWait(Duration.ofSeconds(30))
			.startTasks(recurring);
		if (!instanceName.isBlank()) {
			builder.schedulerName(new SchedulerName.Fixed(instanceName));
		}
		return builder.build();
	}

	/** Start polling only once the application is fully up, so no task runs against a half-built context. */
	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(Scheduler.class).start();
		log.info("Persistent timers started");
	}

	/**
	 * Cross-module events whose listener did not complete (crash, error) are resubmitted by one
	 * instance at a time, instead of by every instance on every restart.
	 */
	@Bean
	RecurringTask<Void> resubmitStaleEventPublications(IncompleteEventPublications incomplete,
			@Value("${jinlin.events.resubmit-after:PT2M}") Duration after,
			@Value("${jinlin.events.resubmit-every:PT1M}") Duration every) {
		return Tasks.recurring("resubmit-stale-event-publications", FixedDelay.of(every))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(after));
	}
}
