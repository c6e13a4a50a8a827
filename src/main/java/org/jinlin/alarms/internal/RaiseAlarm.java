package org.jinlin.alarms.internal;

import java.time.Instant;

/**
 * The device-facing contract of {@code POST /api/v1/alarms}: the elder (or a registered device), what happened,
 * when, and an idempotency key so a retried request returns the same alarm. {@code kind} is a name of
 * {@link AlarmKind}; unknown names are a field error. {@code note} is what staff heard on a phone call.
 */
public record RaiseAlarm(Long elderId, String deviceId, String kind, Instant occurredAt, String idempotencyKey,
		String note) {
}
