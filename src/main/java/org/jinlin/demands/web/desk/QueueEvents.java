package org.jinlin.demands.web.desk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jinlin.demands.internal.DemandNotifications;
import org.jinlin.demands.internal.Notification;
import org.jinlin.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of the work queues connected to this instance. The application runs as several instances,
 * so nothing here relies on in-memory events of the instance that made a change: one shared poller reads
 * the notification rows (written in the transaction of each change) every couple of seconds for every
 * connected browser, starting from the newest id it had seen, and pushes what is new as server-sent events.
 * A cheap check of the newest id overall skips the per-connection queries while nothing happens.
 */
@Component
public class QueueEvents {

	private static final Logger log = LoggerFactory.getLogger(QueueEvents.class);

	/** How long one connection stays open; the browser's EventSource reconnects by itself. */
	static final Duration CONNECTION = Duration.ofMinutes(30);

	/** A comment line every this many polls, so dead connections are noticed and proxies keep them open. */
	static final int HEARTBEAT_POLLS = 15;

	private final DemandNotifications notifications;

	private final MessageSource messages;

	private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	private int polls;

	/** One connected browser: whose notifications, and the last one it got. */
	static final class Subscription {

		final Actor actor;

		final java.util.Locale locale;

		volatile long lastId;

		/** The newest id overall when this connection was last checked: nothing to ask while it stands. */
		volatile long checkedUpTo = -1;

		Subscription(Actor actor, java.util.Locale locale, long lastId) {
			this.actor = actor;
			this.locale = locale;
			this.lastId = lastId;
		}
	}

	QueueEvents(DemandNotifications notifications, MessageSource messages,
			@Value("${jinlin.demands.live-poll:PT2S}") Duration interval) {
		this.notifications = notifications;
		this.messages = messages;
		this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "demand-queue-events");
			t.setDaemon(true);
			return t;
		});
		long millis = Math.max(100, interval.toMillis());
		poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a live connection for an actor (captured here, from the request: the poller thread has no
	 * security context). Starts after {@code lastId} if the browser says which notification it saw last,
	 * otherwise after the actor's newest notification now.
	 */
	SseEmitter subscribe(Actor actor, java.util.Locale locale, Long lastId) {
		long start = lastId != null && lastId >= 0 ? lastId : notifications.newestId(actor);
		SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
		Subscription s = new Subscription(actor, locale, start);
		emitter.onCompletion(() -> subscriptions.remove(emitter));
		emitter.onTimeout(() -> subscriptions.remove(emitter));
		emitter.onError(e -> subscriptions.remove(emitter));
		try {
			// Tells the browser the stream is open (and flushes the headers through proxies).
			emitter.send(SseEmitter.event().name("ready").id(Long.toString(start)).data(start).reconnectTime(3000));
		}
		catch (IOException e) {
			emitter.completeWithError(e);
			return emitter;
		}
		subscriptions.put(emitter, s);
		return emitter;
	}

	int connections() {
		return subscriptions.size();
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			log.warn("Polling demand notifications failed: {}", e.toString());
		}
	}

	void poll() {
		boolean heartbeat = ++polls % HEARTBEAT_POLLS == 0;
		if (subscriptions.isEmpty()) {
			return;
		}
		long newest = notifications.newestId();
		for (Map.Entry<SseEmitter, Subscription> e : subscriptions.entrySet()) {
			SseEmitter emitter = e.getKey();
			Subscription s = e.getValue();
			try {
				if (newest != s.checkedUpTo && newest > s.lastId) {
					List<Notification> fresh = notifications.after(s.actor, s.lastId);
					s.checkedUpTo = fresh.size() < 100 ? newest : -1;
					for (Notification n : fresh) {
						emitter.send(SseEmitter.event().name("notification").id(Long.toString(n.id()))
							.data(new LiveNotification(n.id(), n.demandId(), n.kind().name(), label(n, s)),
									MediaType.APPLICATION_JSON));
						s.lastId = n.id();
					}
				}
				if (heartbeat) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
				}
			}
			catch (IOException | IllegalStateException ex) {
				subscriptions.remove(emitter);
				emitter.completeWithError(ex);
			}
		}
	}

	private String label(Notification n, Subscription s) {
		String kind = messages.getMessage("demands.notification." + n.kind().name(), null, n.kind().name(), s.locale);
		return messages.getMessage("demands.desk.live.toast", new Object[] { kind, n.demandId() }, kind, s.locale);
	}

	/** What the browser gets for one notification. */
	record LiveNotification(long id, long demandId, String kind, String label) {
	}

	/**
	 * Ends the live connections as soon as the application starts closing (before the web server's graceful
	 * shutdown waits for open requests): the browsers reconnect to another instance.
	 */
	@EventListener(ContextClosedEvent.class)
	@PreDestroy
	void stop() {
		poller.shutdownNow();
		subscriptions.keySet().forEach(SseEmitter::complete);
		subscriptions.clear();
	}
}
