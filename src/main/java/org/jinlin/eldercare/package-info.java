/**
 * Home-based elderly care (居家养老): the elderly register of residents aged 60 and over with their care
 * profiles (living situation, emergency contacts, mobility, encrypted health data and door-access notes,
 * devices), ability assessments per GB/T 42195-2022 with a derived risk level, care circles, visit plans
 * and records, and birthday-visit tasks.
 * <p>
 * API: {@link org.jinlin.eldercare.ElderRegister} (system queries for other modules such as the alarm desk,
 * and the audited {@link org.jinlin.eldercare.ElderRegister#protocol protocol}),
 * {@link org.jinlin.eldercare.ElderCare} (jurisdiction-scoped staff service).
 * Publishes {@link org.jinlin.eldercare.ElderCareDataViewed} (for the audit log); listens to people's
 * resident events to keep profiles in step with the resident register.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elderly care")
package org.jinlin.eldercare;
