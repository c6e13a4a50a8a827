/**
 * The resident register (居民登记): residents with name, gender, birth date, encrypted ID-card
 * number and phone, address down to building/unit/room, household and tags. Staff register
 * residents on their behalf; every change keeps who, when and why; records are voided with a
 * reason, never deleted.
 * <p>
 * API: {@link org.jinlin.people.ResidentRegister} (masked reads: scoped to the current actor, and unscoped
 * {@code lookup*} for other modules) answering {@link org.jinlin.people.ResidentView}
 * (and {@link org.jinlin.people.ResidentContact}, in clear, for another module's audited reveal),
 * pages ({@code Paged}) of {@link org.jinlin.people.ResidentRow} for a
 * {@link org.jinlin.people.ResidentQuery}, with the values {@link org.jinlin.people.Gender},
 * {@link org.jinlin.people.ResidentTag}, {@link org.jinlin.people.ResidentStatus} and
 * {@link org.jinlin.people.RegistrationChannel}; {@link org.jinlin.people.ResidentBulkLoad} registers many
 * {@link org.jinlin.people.RegisterResident}s (a {@link org.jinlin.people.ResidentDraft}) at once as a trusted
 * system load and answers an {@link org.jinlin.people.ImportResult}.
 * Publishes {@link org.jinlin.people.ResidentRegistered}, {@link org.jinlin.people.ResidentsRegistered},
 * {@link org.jinlin.people.ResidentUpdated}, {@link org.jinlin.people.ResidentVoided} (ids only),
 * {@link org.jinlin.people.ResidentPersonalDataViewed} (for the audit log) and
 * {@link org.jinlin.people.ResidentLinkedToAccount} (for the accounts).
 * <p>
 * Inside: registration, changes and the audited reveal as separate services, the field rules
 * ({@code ResidentDraftValidation}), the permission rules ({@code ResidentAccess}), all SQL in
 * {@code ResidentRepository}, the import and export ({@code internal}); pages and API ({@code web}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "People", allowedDependencies = { "territory", "shared" })
package org.jinlin.people;
