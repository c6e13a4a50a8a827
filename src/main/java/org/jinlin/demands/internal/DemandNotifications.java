package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications. They are rows in the database, written in the transaction of the change they
 * report, so every instance can show them and push them to the browsers connected to it (the live
 * queue polls {@link #after(Actor, long)}).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandNotifications {

	private final DemandNotificationRepository repository;

	@Transactional
	void toAccount(String username, long demandId, NotificationKind kind) {
		if (username != null) {
			repository.insert(username, null, demandId, kind, Instant.now());
		}
	}

	@Transactional
	void toNode(Long nodeId, long demandId, NotificationKind kind) {
		if (nodeId != null) {
			repository.insert(null, nodeId, demandId, kind, Instant.now());
		}
	}

	/** The current actor's latest notifications, newest first. */
	public List<Notification> latest(int limit) {
		return latest(CurrentActor.require(), limit);
	}

	public List<Notification> latest(Actor actor, int limit) {
		return repository.latest(actor, Math.max(1, Math.min(limit, 200)));
	}

	/** Notifications newer than {@code lastId}, oldest first: what a live connection has not seen yet. */
	public List<Notification> after(Actor actor, long lastId) {
		return repository.after(actor, lastId);
	}

	/** The newest notification id of all recipients (0 if none): a cheap check whether anything is new at all. */
	public long newestId() {
		return repository.newestId();
	}

	/** The newest notification id for this actor (0 if none): where a live connection starts. */
	public long newestId(Actor actor) {
		return latest(actor, 1).stream().mapToLong(Notification::id).findFirst().orElse(0L);
	}

	public long unread(Actor actor) {
		return repository.unread(actor);
	}

	/** Marks the current actor's notifications read. */
	@Transactional
	public void markAllRead() {
		repository.markAllRead(CurrentActor.require(), Instant.now());
	}
}
