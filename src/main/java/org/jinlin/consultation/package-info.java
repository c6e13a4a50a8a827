/**
 * Community consultation (社区协商): topics (议题) collected from residents' proposals with supporters, from demands
 * made public matters, from alliance units and community committees; a procedure per form (议事会, hearing,
 * residents' representatives' meeting, online consultation) with 四议两公开 as the built-in template; stages with
 * 应到/实到, quorum and votes (paper ballots entered by staff or cast online, secret where the form says so); the
 * decision and the result published on the community's public board with deadlines; implementation progress and a
 * follow-up rating by residents.
 * <p>
 * API (this package): the events {@link org.jinlin.consultation.ConsultationDecided} (a topic's decision was
 * published; the demands module records it on the demand) and {@link org.jinlin.consultation.ConsultationMaterialsSent}
 * (materials sent ahead to the participants, with the accounts invited and the sitting's place and time),
 * {@link org.jinlin.consultation.ConsultationRoomRequested} (staff asked for a consultation room: it implements
 * {@code spaces.RoomRequest}, so the spaces module books it and answers with {@code BookingMade} or
 * {@code BookingRefused}, recorded on the topic), {@link org.jinlin.consultation.ConsultationInvitations} (an
 * account's unread invitations, for the home page), {@link org.jinlin.consultation.ConsultationIndicators} (the
 * {@link org.jinlin.consultation.ConsultationFigure} of a {@link org.jinlin.consultation.ConsultationIndicator} and
 * the records it counts, for the quality cockpit) and {@link org.jinlin.consultation.ConsultationBulkLoad}, which
 * writes whole consultations at once (a seeded city's history). A demand made a public matter ({@code DemandMadePublicMatter}) opens a
 * topic with source DEMAND; the decision goes back through {@code demands.PublicMatterDecisions}, called by this
 * module's own listener, so demands does not depend on consultation.
 * <p>
 * {@code internal}: the Spring-free {@code ProcedureRules}, {@code Procedure} and {@code Threshold}, the command and
 * query services, the repository and the permission rules. {@code web}: the API, the pages, the navigation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation",
		allowedDependencies = { "shared", "territory", "people", "demands", "accounts", "spaces" })
package org.jinlin.consultation;
