/**
 * The resident register (居民登记): residents with name, gender, birth date, encrypted ID-card
 * number and phone, address down to building/unit/room, household and tags. Staff register
 * residents on their behalf; every change keeps who, when and why; records are voided with a
 * reason, never deleted.
 * <p>
 * API: {@link org.jinlin.people.ResidentRegister} (jurisdiction-scoped service),
 * {@link org.jinlin.people.ResidentDraftValidation} (Spring-free field rules, reused by the importer).
 * Publishes {@link org.jinlin.people.ResidentRegistered}, {@link org.jinlin.people.ResidentsRegistered},
 * {@link org.jinlin.people.ResidentUpdated}, {@link org.jinlin.people.ResidentVoided} (ids only) and
 * {@link org.jinlin.people.ResidentPersonalDataViewed} (for the audit log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.jinlin.people;
