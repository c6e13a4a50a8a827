package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
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

	private final AccountManagement accounts;

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
			String account = account(d.account(), t.territoryPath(), at + "account", p);
			participants.add(new Participant(0, kind, name, role, account));
		}
		fieldErrors.failIfAny(p);
		repository.arrange(id, form, Procedure.of(form, Boolean.TRUE.equals(draft.fourTwo())), venue, participants);
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
		List<Participant> participants = repository.participants(id);
		TopicRoom room = t.room() != null && t.room().booked() ? t.room() : null;
		events.publishEvent(new ConsultationMaterialsSent(id, t.communityId(), t.territoryPath(), t.title(),
				participants.size(), participants.stream().map(Participant::account).filter(a -> a != null).distinct().toList(),
				room != null ? room.name() : t.venue(), room == null ? null : room.start(), room == null ? null : room.end(),
				now));
		return repository.find(id).orElseThrow();
	}

	/**
	 * A participant's account, if given: it must exist and belong to the topic's community (a resident or worker of
	 * it) or cover it (staff over it).
	 */
	private String account(String given, String communityPath, String field, List<FieldError> p) {
		String name = given == null || given.isBlank() ? null : given.strip();
		if (name == null) {
			return null;
		}
		AccountManagement.AccountReference a = accounts.lookup(name).orElse(null);
		if (a == null || !(a.territoryPath().startsWith(communityPath) || communityPath.startsWith(a.territoryPath()))) {
			p.add(new FieldError(field, "consultation.participant.account-unknown"));
			return null;
		}
		return a.username();
	}
}
