/**
 * Service hours (服务时长): every hour a party member, co-building unit or volunteer serves, kept as a double-entry
 * ledger. Hours and points move between accounts (a person's service account, an organisation's issuing account,
 * a time-bank account, a donation pool) in transfers whose entries always sum to zero; entries are never updated
 * or deleted (the database refuses it), a correction is a reversing transfer with a reason, and every balance is
 * derived from the entries. An optional time bank keeps elderly-care hours to be spent from age 60 for oneself, a
 * spouse or a parent, or donated. The module also keeps the figures of service: registrations, person-times,
 * hours and problems solved per community, street, district and city.
 * <p>
 * Other modules report service by publishing {@link org.jinlin.servicehours.ServiceDelivered} (or many at once,
 * {@link org.jinlin.servicehours.ServicesDelivered}, from a {@link org.jinlin.servicehours.ServiceSource}) and
 * registrations by publishing {@link org.jinlin.servicehours.ParticipantRegistered} (of a
 * {@link org.jinlin.servicehours.ParticipantKind}); this module never calls them. It also credits demands handed
 * to a member or volunteer when they close, visits by volunteer buddies and alarm responses by volunteers.
 * <p>
 * The module publishes {@link org.jinlin.servicehours.HoursCredited} when a record's hours are credited and
 * {@link org.jinlin.servicehours.HoursReversed} when a transfer is corrected (the public log records both).
 * API: {@link org.jinlin.servicehours.ServiceHours} (a person's {@link org.jinlin.servicehours.ServiceBalance})
 * and the bulk load {@link org.jinlin.servicehours.TimeBankImport} (time-bank memberships of an earlier register);
 * {@link org.jinlin.servicehours.ServiceIndicators}, the quality cockpit's hours per 1,000 residents
 * ({@link org.jinlin.servicehours.HoursFigure}) and the service records it counts.
 * Inside: {@code internal} (the ledger's command and query services, rules, repositories and access rules),
 * {@code web} (API and page controllers, navigation), {@code ledger} (the database's append-only guard).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hours",
		allowedDependencies = { "accounts", "alarms", "demands", "eldercare", "people", "territory", "shared" })
package org.jinlin.servicehours;
