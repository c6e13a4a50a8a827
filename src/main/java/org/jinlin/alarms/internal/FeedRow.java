package org.jinlin.alarms.internal;

import java.time.Instant;

import org.jinlin.shared.Actor;

/** One row of the live feed, before deciding who may see it. */
public record FeedRow(long id, long alarmId, String kind, String recipient, String territoryPath, Instant createdAt) {

	/** Whether this actor sees the row: it is addressed to them, or it is a desk row of their jurisdiction. */
	public boolean visibleTo(Actor actor) {
		return recipient != null ? recipient.equals(actor.name()) : actor.isStaff() && actor.covers(territoryPath);
	}

	public FeedItem forActor(Actor actor) {
		return new FeedItem(id, alarmId, kind, recipient != null && recipient.equals(actor.name()));
	}
}
