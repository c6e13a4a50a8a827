/**
 * Honest figures (issue 18): the indicator catalogue, computed from the records of the other modules through their
 * query services only ({@link org.jinlin.demands.DemandIndicators}, {@link org.jinlin.alarms.AlarmIndicators},
 * {@link org.jinlin.eldercare.ElderIndicators}, {@link org.jinlin.carefacilities.FacilityIndicators},
 * {@link org.jinlin.party.PartyIndicators}, {@link org.jinlin.memberservice.MemberIndicators},
 * {@link org.jinlin.servicehours.ServiceIndicators}, {@link org.jinlin.meals.MealIndicators},
 * {@link org.jinlin.circle.CircleFigures}), targets
 * per territory and year inherited down the tree, and for every figure the records it counts.
 * <p>
 * API: the event {@link org.jinlin.quality.IndicatorSnapshotFrozen}, published when a closed month's figure is frozen
 * (the public log records it). Service-quality certification: the events
 * {@link org.jinlin.quality.CertificationAwarded}, {@link org.jinlin.quality.CertificationLapsingNoticed} and
 * {@link org.jinlin.quality.CertificationExpired}, and {@link org.jinlin.quality.CertificationBulkLoad} (the demo city's
 * certificates); and {@link org.jinlin.quality.SurveyBulkLoad}, which loads a satisfaction survey with its sample and
 * answers (the demo city). Inside, {@code quality.internal} holds the Spring-free catalogue and
 * target rules, the indicator query service, the target repository and the permission rule; {@code quality.web} the
 * API ({@code /api/v1/quality/indicators}) and the cockpit page ({@code /quality}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality and indicators",
		allowedDependencies = { "shared", "territory", "demands", "alarms", "eldercare", "circle",
				"carefacilities", "party", "memberservice", "servicehours", "meals", "people" })
package org.jinlin.quality;
