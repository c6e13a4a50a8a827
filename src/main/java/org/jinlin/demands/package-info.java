/**
 * Residents' demands by the five-matters method (五事工作法): raise (说事), deliberate (议事),
 * handle (理事) on the grid front line with deadlines and escalation, publicize (晒事) on a public
 * board, evaluate (评事) — the closed loop officials know from the 12345 hotline, with an Open311
 * GeoReport v2 adapter ({@code org.jinlin.demands.open311}).
 * <p>
 * API: {@link org.jinlin.demands.internal.DemandDesk} (commands and jurisdiction-scoped queries),
 * {@link org.jinlin.demands.internal.DemandCategories} (the catalogue), {@link org.jinlin.demands.internal.DemandMeasures}.
 * Publishes {@link org.jinlin.demands.DemandRaised}, {@link org.jinlin.demands.DemandDispatched},
 * {@link org.jinlin.demands.DemandSignedFor}, {@link org.jinlin.demands.DemandEscalated},
 * {@link org.jinlin.demands.DemandResolved}, {@link org.jinlin.demands.DemandRated} and
 * {@link org.jinlin.demands.DemandClosed}; they carry ids and territory paths, never personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demands")
package org.jinlin.demands;
