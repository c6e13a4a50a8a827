/**
 * Home-based elderly care (居家养老): the elderly register of residents aged 60 and over with their care
 * profiles (living situation, emergency contacts, mobility, encrypted health data and door-access notes,
 * devices), ability assessments per GB/T 42195-2022 with a derived risk level, care circles, visit plans
 * and records, and birthday-visit tasks.
 * <p>
 * API: {@link org.jinlin.eldercare.ElderRegister} (system queries for other modules such as the alarm desk, the
 * audited emergency protocol and a name search for the desk), answering {@link org.jinlin.eldercare.ElderLocation},
 * {@link org.jinlin.eldercare.EmergencyContact}, {@link org.jinlin.eldercare.CareCircleMember},
 * {@link org.jinlin.eldercare.ElderProtocol} and {@link org.jinlin.eldercare.ElderMatch};
 * {@link org.jinlin.eldercare.ElderCareImport} bulk-loads profiles and their records, with the value types
 * {@link org.jinlin.eldercare.LivingSituation}, {@link org.jinlin.eldercare.Mobility},
 * {@link org.jinlin.eldercare.DeviceKind} and {@link org.jinlin.eldercare.CarerRole};
 * {@link org.jinlin.eldercare.ElderIndicators} gives the tally of each {@link org.jinlin.eldercare.ElderIndicator}
 * and the elders it counts (the quality cockpit).
 * Publishes {@link org.jinlin.eldercare.ElderCareDataViewed} (for the audit log) and
 * {@link org.jinlin.eldercare.VisitRecorded} (with {@link org.jinlin.eldercare.VisitKind}); listens to people's
 * resident events to keep profiles in step with the resident register.
 * <p>
 * Inside: {@code internal} holds the use cases (profiles, assessments, visits, birthdays, health data), the
 * queries, the rules and the repositories; {@code web} the API and the pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elderly care",
		allowedDependencies = { "people", "territory", "accounts", "shared" })
package org.jinlin.eldercare;
