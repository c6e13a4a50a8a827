package org.jinlin.demands.internal;

import java.time.Instant;

/** An in-app notification about a demand, for one account or for the staff of one territory node. */
public record Notification(long id, long demandId, NotificationKind kind, Instant createdAt, Instant readAt) {
}
