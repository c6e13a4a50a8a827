/**
 * Volunteers (志愿服务): registration with the fields of the Volunteer Service Regulations (志愿服务条例) — identity
 * (ID number encrypted at rest with a blind index, masked everywhere), skills, service intentions, available time,
 * contact; activities in the five-helps categories and others ({@link org.jinlin.volunteers.ServiceIntention}),
 * published before they start, with shifts and capacity and sign-up; sign-in and sign-out by QR code at the venue
 * (at most three pairs per person per day, a sign-out needs a sign-in, back-dated records count only once the
 * organiser approved them); hours confirmed by the organiser as service records carrying what the Volunteer Service
 * Record and Certificate Measures (志愿服务记录与证明出具办法) require; and service certificates (PDF) with an
 * unguessable number verifiable on the public page {@code /certificates/{number}}.
 * <p>
 * API for other modules: {@link org.jinlin.volunteers.ServiceIntention} (what a volunteer wants to do and what an
 * activity is about) and {@link org.jinlin.volunteers.VolunteerImport} (bulk loading of registrations, activities,
 * confirmed service and certificates, for a city loaded in one go). Inside: command services per use case, query services,
 * the check-in rules and the repositories in {@code internal}; pages and the JSON API in {@code web}.
 * <p>
 * Publishes {@link org.jinlin.servicehours.ParticipantRegistered} on registration and
 * {@link org.jinlin.servicehours.ServiceDelivered} on each confirmed record and
 * {@link org.jinlin.volunteers.CertificateIssued} when a certificate is issued; reads balances from
 * {@link org.jinlin.servicehours.ServiceHours}. Never calls party or member-service.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers",
		allowedDependencies = { "servicehours", "territory", "shared" })
package org.jinlin.volunteers;
