package org.jinlin.consultation.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationDecided;
import org.jinlin.demands.DemandMadePublicMatter;
import org.jinlin.demands.PublicMatterDecisions;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The demands made public matters, deliberated here: each opens a topic with source DEMAND (once), and the
 * published decision of such a topic goes back into the demand's history, moving it on to handling.
 */
@Component
@RequiredArgsConstructor
class DemandTopics {

	private final TopicIntake intake;

	private final PublicMatterDecisions decisions;

	@ApplicationModuleListener
	void on(DemandMadePublicMatter e) {
		intake.openForDemand(e.demandId(), e.communityId(), e.territoryPath(), e.categoryName(), e.summary());
	}

	@ApplicationModuleListener
	void on(ConsultationDecided e) {
		if (e.demandId() != null) {
			decisions.decidedByConsultation(e.demandId(), e.topicId(), e.decision());
		}
	}
}
