/**
 * Emergency alarms (紧急呼叫): an elder's one-tap help button, a staff member logging a phone call, or a
 * device (pendant, wristband, fall or smoke detector, door inactivity) raises an alarm; the nearest on-duty
 * responders are asked in turn, then the community head, then the street duty officer, each with a persistent
 * acknowledgement timer; the responder confirms arrival within the arrival deadline or the alarm escalates again.
 * Nothing lives only in memory: alarms, the dispatch chain, the timeline, the live feed and the timers are rows,
 * so an instance may die at any moment and another carries on.
 * <p>
 * API: publishes {@link org.jinlin.alarms.AlarmRaised}, {@link org.jinlin.alarms.AlarmAcknowledged},
 * {@link org.jinlin.alarms.AlarmEscalated}, {@link org.jinlin.alarms.ResponderArrived} and
 * {@link org.jinlin.alarms.AlarmResolved} (ids, territory paths and user names, never health data), with the value
 * types of their fields {@link org.jinlin.alarms.AlarmKind}, {@link org.jinlin.alarms.AlarmChannel} and
 * {@link org.jinlin.alarms.AlarmOutcome}. {@link org.jinlin.alarms.AlarmImport} bulk-loads responders
 * ({@link org.jinlin.alarms.DutyRole}, {@link org.jinlin.alarms.DutyStatus}), their shifts and past alarms.
 * {@link org.jinlin.alarms.AlarmFigures} counts the open alarms of an account's jurisdiction (the officials' home);
 * {@link org.jinlin.alarms.AlarmIndicators} gives the tally of each {@link org.jinlin.alarms.AlarmIndicator} and the
 * alarms it counts (the quality cockpit).
 * <p>
 * Listens to {@link org.jinlin.demands.UrgentDemandRaised}: an urgent demand of a registered elder raises an
 * alarm on the desk; and to {@link org.jinlin.meals.WelfareCheckNeeded}: nobody home when a meal came to an elder
 * living alone raises a welfare-check alarm (channel {@code MEAL_DELIVERY}).
 * <p>
 * Inside: {@code internal} holds the use cases (raising, dispatch and escalation, the responder's steps, the desk's
 * queries, the duty roster, the monthly report), the rules and the repositories; {@code web} the API and the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency alarms",
		allowedDependencies = { "eldercare", "demands", "meals", "territory", "accounts", "shared" })
package org.jinlin.alarms;
