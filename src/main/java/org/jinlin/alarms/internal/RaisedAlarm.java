package org.jinlin.alarms.internal;

/**
 * What raising returns: the alarm, and whether it is new ({@code CREATED}), the same request again
 * ({@code REPLAYED}, same idempotency key) or another press joining an open alarm ({@code JOINED}).
 */
public record RaisedAlarm(AlarmView alarm, Outcome outcome) {

	public enum Outcome {
		CREATED, REPLAYED, JOINED
	}
}
