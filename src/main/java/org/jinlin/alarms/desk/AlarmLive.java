package org.jinlin.alarms.desk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.jinlin.alarms.AlarmDesk;
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
 * Live alarm events for connected desks and responders. Every instance polls the shared {@code alarm_feed} table
 * (one cheap MAX(id) query per poll while anybody is connected), so a desk connected to instance B hears of an
 * alarm raised on instance A within one poll interval; nothing depends on in-memory messages between instances.
 */
@Component
class AlarmLive {

	private static final Logger log = LoggerFactory.getLogger(AlarmLive.class);

	static final Duration CONNECTION = Duration.ofMinutes(30);

	static final int HEARTBEAT_POLLS = 30;

	private final AlarmDesk desk;

	private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller;

	private int polls;

	static final class Subscription {

		final Actor actor;

		volatile long lastId;

		Subscription(Actor actor, long lastId) {
			this.actor = actor;
			this.lastId = lastId;
		}
	}

	AlarmLive(AlarmDesk desk, @Value("${jinlin.alarms.live-poll:PT0.5S}") Duration interval) {
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
		long newest = desk.newestFeedId();
		for (Map.Entry<SseEmitter, Subscription> e : subscriptions.entrySet()) {
			SseEmitter emitter = e.getKey();
			Subscription s = e.getValue();
			try {
				while (newest > s.lastId) {
					List<AlarmDesk.FeedItem> fresh = desk.feed(s.actor, s.lastId);
					if (fresh.isEmpty()) {
						s.lastId = newest;
						break;
					}
					for (AlarmDesk.FeedItem item : fresh) {
						emitter.send(SseEmitter.event().name("alarm").id(Long.toString(item.id()))
							.data(item, MediaType.APPLICATION_JSON));
						s.lastId = item.id();
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
