package org.jinlin.alarms.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.FeedRow;
import org.jinlin.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live alarm events for connected desks and responders. Every instance polls the shared {@code alarm_feed} table —
 * one query per poll for all its connections, whatever their number — so a desk connected to instance B hears of
 * an alarm raised on instance A within one poll interval; nothing depends on in-memory messages between instances.
 * <p>
 * The poll reads a sliding window of recent rows ({@link #WINDOW}) and remembers which it has sent to whom, rather
 * than keeping a cursor on the last id: ids are handed out at insert but rows become visible at commit, and under a
 * burst a row with a smaller id often commits after one with a larger id. A cursor would skip it for good; the
 * window sends it on the next poll after its commit.
 */
@Component
class AlarmLive {

	private static final Logger log = LoggerFactory.getLogger(AlarmLive.class);

	static final Duration CONNECTION = Duration.ofMinutes(30);

	static final int HEARTBEAT_POLLS = 30;

	/** How far back each poll looks: longer than any raising transaction takes to commit. */
	static final Duration WINDOW = Duration.ofSeconds(60);

	private final AlarmQueries desk;

	private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	private int polls;

	static final class Subscription {

		final Actor actor;

		/** Rows of the window already sent (or older than the connection), so each is sent once. */
		final java.util.Set<Long> sent = ConcurrentHashMap.newKeySet();

		/** Rows up to this id existed before the connection opened and are not sent (unless reconnecting). */
		final long startId;

		Subscription(Actor actor, long startId) {
			this.actor = actor;
			this.startId = startId;
		}
	}

	AlarmLive(AlarmQueries desk, @Value("${jinlin.alarms.live-poll:PT0.5S}") Duration interval) {
		this.desk = desk;
		this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "alarm-live");
			t.setDaemon(true);
			return t;
		});
		long millis = Math.max(100, interval.toMillis());
		poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
	}

	SseEmitter subscribe(Actor actor, Long lastId) {
		// A reconnecting browser says the last event it had; a new one starts from now.
		long start = lastId != null && lastId >= 0 ? lastId : desk.newestFeedId();
		SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
		emitter.onCompletion(() -> subscriptions.remove(emitter));
		emitter.onTimeout(() -> subscriptions.remove(emitter));
		emitter.onError(e -> subscriptions.remove(emitter));
		try {
			emitter.send(SseEmitter.event().name("ready").id(Long.toString(start)).data(start).reconnectTime(2000));
		}
		catch (IOException e) {
			emitter.completeWithError(e);
			return emitter;
		}
		subscriptions.put(emitter, new Subscription(actor, start));
		return emitter;
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			log.warn("Polling the alarm feed failed: {}", e.toString());
		}
	}

	void poll() {
		boolean heartbeat = ++polls % HEARTBEAT_POLLS == 0;
		if (subscriptions.isEmpty()) {
			return;
		}
		java.time.Instant now = java.time.Instant.now();
		List<FeedRow> window = desk.feedSince(now.minus(WINDOW));
		java.util.Set<Long> inWindow = new java.util.HashSet<>();
		window.forEach(r -> inWindow.add(r.id()));
		for (Map.Entry<SseEmitter, Subscription> e : subscriptions.entrySet()) {
			SseEmitter emitter = e.getKey();
			Subscription s = e.getValue();
			try {
				for (FeedRow row : due(s, window)) {
					emitter.send(SseEmitter.event().name("alarm").id(Long.toString(row.id()))
						.data(row.forActor(s.actor), MediaType.APPLICATION_JSON));
					s.sent.add(row.id());
				}
				// Forget what has left the window: it will not come back.
				s.sent.retainAll(inWindow);
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

	/** The rows of the window this connection should get now: visible to it, newer than it, not sent yet. */
	static List<FeedRow> due(Subscription s, List<FeedRow> window) {
		return window.stream()
			.filter(row -> row.id() > s.startId && !s.sent.contains(row.id()) && row.visibleTo(s.actor))
			.toList();
	}

	int connections() {
		return subscriptions.size();
	}

	@EventListener(ContextClosedEvent.class)
	@PreDestroy
	void stop() {
		poller.shutdownNow();
		subscriptions.keySet().forEach(SseEmitter::complete);
		subscriptions.clear();
	}
}
