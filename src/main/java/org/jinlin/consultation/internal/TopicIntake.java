package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * Collecting topics (收集议题): residents propose and support (a proposal becomes eligible with
 * {@code jinlin.consultation.supporters-needed} supporters, the proposer included), staff enter the topics of
 * alliance units and the community committees, and a demand made a public matter opens a topic of its own once.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class TopicIntake {

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final FieldErrors fieldErrors;

	@Value("${jinlin.consultation.supporters-needed:5}")
	private final int supportersNeeded;

	/** A resident's proposal in her community, or staff's entry of a unit's or the committees' topic. */
	public Topic propose(TopicDraft draft) {
		Actor actor = ConsultationAccess.reader();
		List<FieldError> p = new ArrayList<>();
		String title = ConsultationChecks.text(draft.title(), "title", true, 200, p);
		String description = ConsultationChecks.text(draft.description(), "description", false, 4000, p);
		Instant now = Instant.now();
		if (ConsultationAccess.canTakePart(actor)) {
			fieldErrors.failIfAny(p);
			TerritoryNode community = scope.residentCommunity(actor)
				.orElseThrow(() -> new ForbiddenException("Only residents with a record propose topics"));
			long id = repository.insert(new ConsultationRepository.NewTopic(community.id(), community.path(), title,
					description, TopicSource.RESIDENT, null, actor.name(), null,
					supportersNeeded <= 1 ? TopicStatus.ELIGIBLE : TopicStatus.PROPOSED), now);
			repository.support(id, actor.name(), now);
			return repository.find(id).orElseThrow();
		}
		ConsultationAccess.manager();
		TopicSource source = ConsultationChecks.choice(TopicSource.class, draft.source(), "source", true, p);
		if (source == TopicSource.RESIDENT || source == TopicSource.DEMAND) {
			p.add(new FieldError("source", "consultation.topic.staff-source"));
		}
		String unit = ConsultationChecks.text(draft.unit(), "unit", source == TopicSource.UNIT, 200, p);
		if (FieldErrors.trim(draft.community()) == null) {
			p.add(new FieldError("community", "consultation.error.required"));
		}
		fieldErrors.failIfAny(p);
		TerritoryNode community = scope.community(actor, draft.community());
		long id = repository.insert(new ConsultationRepository.NewTopic(community.id(), community.path(), title,
				description, source, null, actor.name(), unit, TopicStatus.ELIGIBLE), now);
		return repository.find(id).orElseThrow();
	}

	/** A resident of the community supports a proposal (once); enough supporters make it eligible. */
	public Topic support(long id) {
		Actor actor = CurrentActor.require();
		Topic t = scope.takingPart(id);
		if (t.status() != TopicStatus.PROPOSED && t.status() != TopicStatus.ELIGIBLE) {
			throw fieldErrors.conflict("consultation.topic.not-open-for-support");
		}
		if (t.source() != TopicSource.RESIDENT) {
			throw fieldErrors.conflict("consultation.topic.not-open-for-support");
		}
		repository.support(id, actor.name(), Instant.now());
		Topic after = repository.find(id).orElseThrow();
		if (after.status() == TopicStatus.PROPOSED && after.supporters() >= supportersNeeded) {
			repository.moveStatus(id, TopicStatus.ELIGIBLE, TopicStatus.PROPOSED);
			after = repository.find(id).orElseThrow();
		}
		return after;
	}

	/**
	 * A demand made a public matter opens a topic of its community, once per demand (a redelivered event finds the
	 * topic there and changes nothing).
	 */
	public long openForDemand(long demandId, Long communityId, String territoryPath, String categoryName,
			String summary) {
		return repository.findByDemand(demandId).map(Topic::id).orElseGet(() -> {
			if (communityId == null) {
				throw new ConflictException("Demand " + demandId + " has no community");
			}
			String community = communityPath(territoryPath, communityId);
			String title = categoryName == null ? "#" + demandId : categoryName + " #" + demandId;
			String description = summary == null ? null
					: summary.length() > 4000 ? summary.substring(0, 4000) : summary;
			return repository.insert(new ConsultationRepository.NewTopic(communityId, community, title, description,
					TopicSource.DEMAND, demandId, "demands", null, TopicStatus.ELIGIBLE), Instant.now());
		});
	}

	/** The community's path: the prefix of the demand's path up to the community's id. */
	static String communityPath(String territoryPath, long communityId) {
		String marker = "/" + communityId + "/";
		int at = territoryPath.indexOf(marker);
		return at < 0 ? territoryPath : territoryPath.substring(0, at + marker.length());
	}

	/** Whether a topic is open to supporters: a resident's proposal not yet fixed. */
	static boolean open(Topic t) {
		return t.source() == TopicSource.RESIDENT
				&& (t.status() == TopicStatus.PROPOSED || t.status() == TopicStatus.ELIGIBLE);
	}
}
