/**
 * Residents' demands by the five-matters method (五事工作法): raise (说事), deliberate (议事),
 * handle (理事) on the grid front line with deadlines and escalation, publicize (晒事) on a public
 * board, evaluate (评事) — the closed loop officials know from the 12345 hotline, with an Open311
 * GeoReport v2 adapter ({@code org.jinlin.demands.web.open311}).
 * <p>
 * The API other modules may use is this package:
 * <ul>
 * <li>the events the module publishes, carrying ids and territory paths, never personal data:
 * {@link org.jinlin.demands.DemandRaised}, {@link org.jinlin.demands.DemandDispatched},
 * {@link org.jinlin.demands.DemandSignedFor}, {@link org.jinlin.demands.DemandEscalated},
 * {@link org.jinlin.demands.DemandResolved}, {@link org.jinlin.demands.DemandRated},
 * {@link org.jinlin.demands.DemandClosed}, {@link org.jinlin.demands.DemandMadePublicMatter} (the consultation
 * module opens a topic), {@link org.jinlin.demands.DemandContactViewed} (for the audit
 * log) and {@link org.jinlin.demands.UrgentDemandRaised} (an answer put life or safety at risk; the alarm desk
 * listens);</li>
 * <li>the value types in them: {@link org.jinlin.demands.DemandStatus}, {@link org.jinlin.demands.Urgency},
 * {@link org.jinlin.demands.RaiseChannel}, {@link org.jinlin.demands.HandlingLevel},
 * {@link org.jinlin.demands.Outcome} and {@link org.jinlin.demands.Rating};</li>
 * <li>{@link org.jinlin.demands.PublicMatterDecisions}: a public matter's decision reached in a consultation topic
 * enters the demand's history and starts its handling;</li>
 * <li>{@link org.jinlin.demands.DemandHistoryImport}, the bulk load of past demands with their history
 * (a city's past demands, benchmarks);</li>
 * <li>{@link org.jinlin.demands.DemandFigures}, the overdue demands of an account's jurisdiction (the officials'
 * home page), and {@link org.jinlin.demands.DemandIndicators}, the tally of each
 * {@link org.jinlin.demands.DemandIndicator} and the demands it counts (the quality cockpit).</li>
 * </ul>
 * Inside, {@code org.jinlin.demands.internal} holds a command service per use case (raising, handling,
 * supervising and escalation, deliberating, evaluating), the query services, the public board, the permission
 * rules ({@code DemandAccess}) and the repositories; {@code org.jinlin.demands.web} the API and page controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demands",
		allowedDependencies = { "shared", "territory", "accounts", "people" })
package org.jinlin.demands;
