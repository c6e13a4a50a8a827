package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the decision: staff record the implementation's progress with evidence; once the result is published the
 * residents of the community rate it (满意/基本满意/不满意), one rating each (changing it replaces it).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class FollowUp {

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final FieldErrors fieldErrors;

	public Topic addProgress(long id, String note, String evidence) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.PUBLISHED && t.status() != TopicStatus.COMPLETED) {
			throw fieldErrors.conflict("consultation.topic.not-published");
		}
		List<FieldError> p = new ArrayList<>();
		String n = ConsultationChecks.text(note, "note", true, 2000, p);
		String e = ConsultationChecks.text(evidence, "evidence", false, 500, p);
		fieldErrors.failIfAny(p);
		repository.addProgress(id, n, e, CurrentActor.require().name(), Instant.now());
		return repository.find(id).orElseThrow();
	}

	public Topic rate(long id, String rating) {
		Topic t = scope.takingPart(id);
		List<FieldError> p = new ArrayList<>();
		FollowUpRating r = ConsultationChecks.choice(FollowUpRating.class, rating, "rating", true, p);
		fieldErrors.failIfAny(p);
		if (t.status() != TopicStatus.COMPLETED) {
			throw fieldErrors.conflict("consultation.rating.not-yet");
		}
		repository.rate(id, CurrentActor.require().name(), r, Instant.now());
		return repository.find(id).orElseThrow();
	}
}
