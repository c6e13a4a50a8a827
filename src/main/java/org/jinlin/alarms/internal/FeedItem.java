package org.jinlin.alarms.internal;

/** One live-feed item: an alarm changed ({@code forMe} when the actor is being asked to respond). */
public record FeedItem(long id, long alarmId, String kind, boolean forMe) {
}
