/**
 * Service hours (服务时长): every hour a party member, co-building unit or volunteer serves, kept as a double-entry
 * ledger. Hours and points move between accounts (a person's service account, an organisation's issuing account,
 * a time-bank account, a donation pool) in transfers whose entries always sum to zero; entries are never updated
 * or deleted (the database refuses it), a correction is a reversing transfer with a reason, and every balance is
 * derived from the entries. An optional time bank keeps elderly-care hours to be spent from age 60 for oneself, a
 * spouse or a parent, or donated. The module also keeps the figures of service: registrations, person-times,
 * hours and problems solved per community, street, district and city.
 * <p>
 * Other modules report service by publishing {@link org.jinlin.servicehours.ServiceDelivered} and registrations by
 * publishing {@link org.jinlin.servicehours.ParticipantRegistered}; this module never calls them. It also credits
 * demands handed to a member or volunteer when they close, visits by volunteer buddies and alarm responses by
 * volunteers. API: {@link org.jinlin.servicehours.ServiceHours} (balances, statements, time bank, corrections) and
 * {@link org.jinlin.servicehours.ServiceFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hours")
package org.jinlin.servicehours;
