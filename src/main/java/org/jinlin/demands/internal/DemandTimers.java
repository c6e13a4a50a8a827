package org.jinlin.demands.internal;

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
 * The demands' persistent timers on db-scheduler: a deadline (sign for, or handle) and the end of the
 * rating window. Each timer is stored in the transaction that set it, fires once across all instances
 * and survives restarts. A timer carries the demand's deadline sequence; any later change of deadline
 * raises the sequence, so an outdated timer finds nothing to do.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
public class DemandTimers {

	public static final String DEADLINE = "demand-deadline";

	static final String EVALUATION = "demand-evaluation-window";

	/** What a timer carries. */
	record Due(long demandId, int seq, String kind) implements Serializable {
	}

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ObjectProvider<DemandSupervision> desk;

	@Bean
	OneTimeTask<Due> demandDeadlineTask() {
		return Tasks.oneTime(DEADLINE, Due.class).onFailureRetryLater()
			.execute((instance, context) -> desk.getObject().deadlinePassed(instance.getData()));
	}

	@Bean
	OneTimeTask<Due> demandEvaluationTask() {
		return Tasks.oneTime(EVALUATION, Due.class).onFailureRetryLater()
			.execute((instance, context) -> desk.getObject().evaluationWindowEnded(instance.getData()));
	}

	/** Schedules a deadline timer; joins the caller's transaction. */
	void deadline(long demandId, int seq, String kind, Instant at) {
		scheduler.getObject().scheduleIfNotExists(
				new TaskInstance<>(DEADLINE, demandId + "-" + seq, new Due(demandId, seq, kind)), at);
	}

	void evaluation(long demandId, int seq, Instant at) {
		scheduler.getObject().scheduleIfNotExists(
				new TaskInstance<>(EVALUATION, demandId + "-" + seq, new Due(demandId, seq, "EVALUATION")), at);
	}
}
