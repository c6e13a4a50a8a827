/**
 * Member service (在职党员报到, "双报到"): party members in service, and whole units' party organisations, register
 * with the community where they live; communities publish a needs list (需求清单) and service posts (服务岗位) with
 * headcounts; residents post micro-wishes (微心愿) that registered members, units and volunteers claim, deliver and
 * the resident or the community confirms; each quarter a service report per member goes to the member's employer
 * unit (Excel and PDF).
 * <p>
 * API: the bulk load {@link org.jinlin.memberservice.MemberServiceImport} (registrations, needs, wishes, posts and
 * sign-ups of an earlier register) and the value type {@link org.jinlin.memberservice.ServiceCategory} (the five
 * helps and other service categories) it takes; {@link org.jinlin.memberservice.MemberIndicators}, the quality
 * cockpit's members' registrations per 1,000 residents ({@link org.jinlin.memberservice.RegistrationFigure}) and the
 * registrations it counts.
 * <p>
 * Publishes {@link org.jinlin.servicehours.ParticipantRegistered} on registration and
 * {@link org.jinlin.servicehours.ServiceDelivered} when a micro-wish is confirmed; reads balances from
 * {@link org.jinlin.servicehours.ServiceHours}. Depends on territory, accounts and people for look-ups.
 * Inside: {@code internal} (the use cases — registrations, posts, micro-wishes, figures — their rules, access
 * rules and repositories), {@code web} (API and page controllers, documents, navigation).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member service",
		allowedDependencies = { "accounts", "people", "servicehours", "territory", "shared" })
package org.jinlin.memberservice;
