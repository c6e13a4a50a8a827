package org.jinlin.demands;

/**
 * The outcome of a public matter's deliberation held elsewhere (a consultation topic): the decision goes into the
 * demand's history and, while the demand is still deliberating, handling starts (the demand is dispatched by its
 * rule). Idempotent: a demand no longer deliberating only records the decision once. Called by the consultation
 * module's listener of its own decision event, so the two modules do not depend on each other both ways.
 */
public interface PublicMatterDecisions {

	void decidedByConsultation(long demandId, long topicId, String decision);
}
