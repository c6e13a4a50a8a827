package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationMaterialsSent;
import org.jinlin.consultation.internal.TopicDetail.Participant;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff fix a topic (确定议题): the form and its procedure (or 四议两公开), the venue and the participants; and send the
 * materials ahead. A topic can be re-arranged until its first stage is held.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class TopicArrangement {

	static final int MAX_PARTICIPANTS = 200;

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	public Topic arrange(long id, ArrangementDraft draft) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.ELIGIBLE && t.status() != TopicStatus.FIXED) {
			throw fieldErrors.conflict("consultation.topic.not-arrangeable");
		}
		if (repository.stages(id).stream().anyMatch(s -> !s.sittings().isEmpty())) {
			throw fieldErrors.conflict("consultation.topic.not-arrangeable");
		}
		List<FieldError> p = new ArrayList<>();
		ConsultationForm form = ConsultationChecks.choice(ConsultationForm.class, draft.form(), "form", true, p);
		String venue = ConsultationChecks.text(draft.venue(), "venue", form != ConsultationForm.ONLINE, 200, p);
		List<Participant> participants = new ArrayList<>();
		List<ArrangementDraft.ParticipantDraft> given = draft.participants() == null ? List.of() : draft.participants();
		if (given.size() > MAX_PARTICIPANTS) {
			p.add(new FieldError("participants", "consultation.error.too-many", MAX_PARTICIPANTS));
		}
		for (int i = 0; i < given.size() && i < MAX_PARTICIPANTS; i++) {
			ArrangementDraft.ParticipantDraft d = given.get(i);
			String at = "participants[" + i + "].";
			ConsultationParticipantKind kind = ConsultationChecks.choice(ConsultationParticipantKind.class, d.kind(), at + "kind", true, p);
			String name = ConsultationChecks.text(d.name(), at + "name", true, 100, p);
			String role = ConsultationChecks.text(d.role(), at + "role", false, 100, p);
			participants.add(new Participant(0, kind, name, role));
		}
		if (draft.roomBookingId() != null && draft.roomBookingId() <= 0) {
			p.add(new FieldError("roomBookingId", "consultation.error.choice"));
		}
		fieldErrors.failIfAny(p);
		repository.arrange(id, form, Procedure.of(form, Boolean.TRUE.equals(draft.fourTwo())), venue, draft.roomBookingId(), participants);
		return repository.find(id).orElseThrow();
	}

	/** The materials go ahead to the participants and the community's residents (an in-app notice, and an event). */
	public Topic sendMaterials(long id, String materials) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.FIXED) {
			throw fieldErrors.conflict("consultation.topic.not-fixed");
		}
		List<FieldError> p = new ArrayList<>();
		String text = ConsultationChecks.text(materials, "materials", true, 4000, p);
		fieldErrors.failIfAny(p);
		Instant now = Instant.now();
		repository.sendMaterials(id, text, now);
		events.publishEvent(new ConsultationMaterialsSent(id, t.communityId(), t.territoryPath(), t.title(),
				repository.participants(id).size(), now));
		return repository.find(id).orElseThrow();
	}
}
