package org.jinlin.alarms.internal;

import java.io.Serializable;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alarm's persistent timers (db-scheduler, rows in {@code scheduled_tasks}): an acknowledgement timeout after
 * each stage is asked, and an arrival deadline after acknowledgement. Scheduling joins the caller's transaction, so
 * an alarm and its timer are written together or not at all; one instance picks each due timer. Each timer carries
 * the alarm's {@code timer_seq} when it was set: a timer made stale by a later step finds a newer seq and does nothing.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class AlarmTimers {

	static final String ACK = "alarm-ack-timeout";

	static final String ARRIVAL = "alarm-arrival-deadline";

	record Due(long alarmId, int seq) implements Serializable {
	}

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<AlarmDispatch> dispatch;

	@Bean
	OneTimeTask<Due> alarmAckTimeoutTask() {
		return Tasks.oneTime(ACK, Due.class).onFailureRetryLater()
			.execute((instance, context) -> dispatch.getObject().ackTimedOut(instance.getData()));
	}

	@Bean
	OneTimeTask<Due> alarmArrivalDeadlineTask() {
		return Tasks.oneTime(ARRIVAL, Due.class).onFailureRetryLater()
			.execute((instance, context) -> dispatch.getObject().arrivalOverdue(instance.getData()));
	}

	void ackTimeout(long alarmId, int seq, Instant at) {
		scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(ACK, alarmId + "-" + seq, new Due(alarmId, seq)), at);
	}

	void arrivalDeadline(long alarmId, int seq, Instant at) {
		scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(ARRIVAL, alarmId + "-" + seq, new Due(alarmId, seq)), at);
	}
}
