package org.jinlin.quality.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyRepository.Invitation;
import org.jinlin.quality.internal.SurveyRepository.ItemRow;
import org.jinlin.quality.internal.SurveyRepository.SurveyRow;
import org.jinlin.quality.internal.SurveyRules.Channel;
import org.jinlin.quality.internal.SurveyRules.ItemKind;
import org.jinlin.quality.internal.SurveyRules.Status;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering an invitation, once: the invited resident on her phone, or staff of the survey's jurisdiction after a
 * phone call (recorded as {@link Channel#PHONE}). The response keeps the invitation it answers so that it answers
 * once, and nothing else about who answered; its day, not its time, is kept.
 */
@Service
@RequiredArgsConstructor
public class SurveyAnswering {

	private final SurveyRepository repository;

	private final FieldErrors fieldErrors;

	/** An invitation with its questionnaire, as the answer page shows it. */
	public record Questionnaire(Invitation invitation, SurveyRow survey, List<ItemRow> items, Channel channel) {
	}

	/** The invitation the caller may answer (her own; staff: one of their jurisdiction), else 404. */
	@Transactional(readOnly = true)
	public Questionnaire questionnaire(long invitationId) {
		Actor actor = CurrentActor.require();
		if (!SurveyAccess.canAnswer(actor) && !SurveyAccess.canRead(actor)) {
			throw new ForbiddenException("Only the invited resident or staff answer a survey");
		}
		Invitation invitation = repository.invitation(invitationId).orElseThrow(() -> notFound(invitationId));
		SurveyRow survey = repository.find(invitation.surveyId()).orElseThrow(() -> notFound(invitationId));
		Channel channel;
		if (SurveyAccess.canAnswer(actor) && actor.residentId().equals(invitation.residentId())) {
			channel = Channel.ONLINE;
		}
		else if (SurveyAccess.canRead(actor)) {
			if (!actor.covers(survey.territoryPath())) {
				throw notFound(invitationId);
			}
			channel = Channel.PHONE;
		}
		else if (SurveyAccess.canAnswer(actor)) {
			throw notFound(invitationId);
		}
		else {
			throw new ForbiddenException("Only the invited resident or staff answer a survey");
		}
		if (survey.status() == Status.DRAFT) {
			throw notFound(invitationId);
		}
		return new Questionnaire(invitation, survey, repository.items(survey.id()), channel);
	}

	/**
	 * Records the answers to an invitation: every scored item answered (Likert 1–5, a choice by its option's index),
	 * descriptive choices optional; all or nothing. An answered invitation or a survey no longer open is a conflict.
	 *
	 * @param answers item id → Likert answer (1 很不满意 … 5 很满意) or option index (from 0)
	 * @return the response's id
	 */
	@Transactional
	public long answer(Long surveyId, Long invitationId, Map<Long, Integer> answers) {
		Actor caller = CurrentActor.require();
		if (!SurveyAccess.canAnswer(caller) && !SurveyAccess.canRead(caller)) {
			throw new ForbiddenException("Only the invited resident or staff answer a survey");
		}
		if (invitationId == null) {
			throw fieldErrors.invalid("invitationId", "quality.survey.answer.invitation");
		}
		Questionnaire q = questionnaire(invitationId);
		if (surveyId != null && q.survey().id() != surveyId) {
			throw notFound(invitationId);
		}
		if (q.survey().status() != Status.OPEN) {
			throw fieldErrors.conflict("quality.survey.answer.notOpen");
		}
		if (q.invitation().answered()) {
			throw fieldErrors.conflict("quality.survey.answer.done");
		}
		Actor actor = CurrentActor.require();
		return record(q.items(), q.survey().id(), invitationId, q.channel(),
				q.channel() == Channel.PHONE ? actor.name() : null, LocalDate.now(QualityIndicators.ZONE), answers);
	}

	/**
	 * Checks and stores one response to an invitation (the caller has checked who answers and that the survey is
	 * open): field errors for a missing scored answer or an answer out of range; a conflict when already answered.
	 */
	long record(List<ItemRow> items, long surveyId, long invitationId, Channel channel, String enteredBy, LocalDate on,
			Map<Long, Integer> answers) {
		Map<Long, Integer> given = answers == null ? Map.of() : answers;
		List<FieldError> errors = new ArrayList<>();
		List<SurveyRules.Scored> scored = new ArrayList<>();
		Map<Long, Double> scores = new HashMap<>();
		for (ItemRow item : items) {
			Integer a = given.get(item.id());
			String field = "item" + item.id();
			if (a == null) {
				if (item.scored()) {
					errors.add(new FieldError(field, "quality.survey.answer.required"));
				}
				continue;
			}
			if (item.kind() == ItemKind.LIKERT) {
				if (a < 1 || a > SurveyRules.LIKERT_POINTS) {
					errors.add(new FieldError(field, "quality.survey.answer.invalid"));
					continue;
				}
				scores.put(item.id(), SurveyRules.likertScore(a));
			}
			else {
				List<SurveyRules.Option> options = item.parsedOptions();
				if (a < 0 || a >= options.size()) {
					errors.add(new FieldError(field, "quality.survey.answer.invalid"));
					continue;
				}
				Integer score = options.get(a).score();
				if (score != null) {
					scores.put(item.id(), score.doubleValue());
				}
			}
			if (item.scored()) {
				scored.add(new SurveyRules.Scored(item.id(), item.dimension(), item.weight().doubleValue()));
			}
		}
		for (Long itemId : given.keySet()) {
			if (items.stream().noneMatch(i -> i.id() == itemId)) {
				errors.add(new FieldError("item" + itemId, "quality.survey.answer.unknownItem"));
			}
		}
		fieldErrors.failIfAny(errors);
		if (!repository.markAnswered(invitationId)) {
			throw fieldErrors.conflict("quality.survey.answer.done");
		}
		double score = SurveyRules.responseScore(scored, scores);
		long responseId = repository.insertResponse(surveyId, invitationId, channel, enteredBy, on, score);
		for (ItemRow item : items) {
			Integer a = given.get(item.id());
			if (a != null) {
				repository.insertAnswer(responseId, item.id(), a, scores.get(item.id()));
			}
		}
		return responseId;
	}

	/** {@link #record} for a bulk load (the demo city), in its transaction. */
	public long recordLoaded(List<ItemRow> items, long surveyId, long invitationId, Channel channel, String enteredBy,
			LocalDate on, Map<Long, Integer> answers) {
		return record(items, surveyId, invitationId, channel, enteredBy, on, answers);
	}

	/** The caller's own invitations (a resident's "my surveys"); none for an account without a register record. */
	@Transactional(readOnly = true)
	public List<SurveyRepository.MyInvitation> mine() {
		Actor actor = CurrentActor.require();
		if (!SurveyAccess.canAnswer(actor)) {
			throw new ForbiddenException("Only residents have survey invitations");
		}
		return repository.invitationsOf(actor.residentId());
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("No invitation " + id);
	}
}
