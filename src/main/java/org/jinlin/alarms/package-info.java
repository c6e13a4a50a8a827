/**
 * Emergency alarms (紧急呼叫): an elder's one-tap help button, a staff member logging a phone call, or a
 * device (pendant, wristband, fall or smoke detector, door inactivity) raises an alarm; the nearest on-duty
 * responders are asked in turn, then the community head, then the street duty officer, each with a persistent
 * acknowledgement timer; the responder confirms arrival within the arrival deadline or the alarm escalates again.
 * Nothing lives only in memory: alarms, the dispatch chain, the timeline, the live feed and the timers are rows,
 * so an instance may die at any moment and another carries on.
 * <p>
 * API: {@link org.jinlin.alarms.AlarmDesk} (commands and jurisdiction-scoped queries),
 * {@link org.jinlin.alarms.DutyRoster} (responders, on-duty status, the rota), {@link org.jinlin.alarms.AlarmReport}
 * (monthly figures against the telecare targets). Publishes {@link org.jinlin.alarms.AlarmRaised},
 * {@link org.jinlin.alarms.AlarmAcknowledged}, {@link org.jinlin.alarms.AlarmEscalated},
 * {@link org.jinlin.alarms.ResponderArrived} and {@link org.jinlin.alarms.AlarmResolved}: ids, territory paths and
 * user names, never health data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency alarms")
package org.jinlin.alarms;
