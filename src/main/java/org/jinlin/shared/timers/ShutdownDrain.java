package org.jinlin.shared.timers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A stopping instance finishes what it is doing and leaves the rest to the event publication registry: when the
 * context closes, the deliveries of events to asynchronous listeners that have not started yet are taken out of the
 * executor's queue (each is an incomplete publication in the registry, resubmitted by the recurring timer on this or
 * another instance), and the executor's own early shutdown then waits for the ones already running, before the
 * connection pool closes. Without this, a stop while the demo city's listeners are busy ran hundreds of queued
 * deliveries against a closing database. Deliveries the running listeners publish meanwhile are not queued either
 * (the registry has them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ObjectProvider<ThreadPoolTaskExecutor> executors;

	ShutdownDrain(ObjectProvider<ThreadPoolTaskExecutor> executors) {
		this.executors = executors;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		executors.orderedStream().forEach(executor -> {
			ThreadPoolExecutor pool;
			try {
				pool = executor.getThreadPoolExecutor();
			}
			catch (IllegalStateException notInitialised) {
				return;
			}
			// deliveries published by the listeners still running are left to the registry too, quietly: a
			// rejection is not an error here, the publication is already stored as incomplete
			pool.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
			pool.shutdown();
			List<Runnable> notStarted = new ArrayList<>();
			pool.getQueue().drainTo(notStarted);
			if (!notStarted.isEmpty() || pool.getActiveCount() > 0) {
				log.info("Stopping: {} queued task(s) of {} left for the event publication registry to resubmit, "
						+ "{} running task(s) finishing", notStarted.size(), executor.getThreadNamePrefix(),
						pool.getActiveCount());
			}
		});
	}
}
