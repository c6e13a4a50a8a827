package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.blankToNull;
import static org.jinlin.demands.internal.DemandChecks.conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandMadePublicMatter;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.PublicMatterDecisions;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliberating a public matter (议事): community staff make a demand a public matter, residents of the community
 * take a stance and comment, staff record a consultation meeting and publish its decision, which dispatches the
 * demand by its rule. Making a demand a public matter publishes {@link DemandMadePublicMatter}: the consultation
 * module opens a topic for it, and its published decision comes back through {@link PublicMatterDecisions}.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandDeliberating implements PublicMatterDecisions {

	/** The actor named in a demand's history for steps the consultation module caused. */
	static final String CONSULTATION = "consultation";

	private final DemandRepository repository;

	private final DemandDeliberationRepository deliberations;

	private final DemandRouting routing;

	private final DemandAccess access;

	private final DemandChecks checks;

	private final DemandPublicText publicText;

	private final ApplicationEventPublisher events;

	/** Community staff make a demand a public matter of its community: handling waits for deliberation. */
	public DemandView markPublicMatter(long id, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		int seq = repository.deadlineSeq(id);
		routing.move(d, EnumSet.of(DemandStatus.DISPATCHED, DemandStatus.IN_PROGRESS), seq,
				Map.of("status", DemandStatus.DELIBERATING, "public_matter", true, "deadline_seq", seq + 1));
		repository.addStep(id, StepKind.MARKED_PUBLIC_MATTER, actor.name(), d.status(), DemandStatus.DELIBERATING,
				checks.trim(note, "note"), null, null);
		String summary = publicText.scrub(d.description(), publicText.knownParts(List.of(d)).getOrDefault(id, List.of()));
		events.publishEvent(new DemandMadePublicMatter(id, d.communityId(), d.territoryPath(), d.categoryName(), summary,
				Instant.now()));
		return repository.find(id).orElseThrow();
	}

	/**
	 * A consultation topic's decision on a public matter was published: it goes into the demand's history once, and a
	 * demand still deliberating moves on to handling (dispatched by its rule).
	 */
	@Override
	public void decidedByConsultation(long demandId, long topicId, String decision) {
		DemandView d = repository.find(demandId).orElse(null);
		if (d == null || repository.firstStep(demandId, StepKind.DECISION_PUBLISHED).isPresent()) {
			return;
		}
		String note = "#" + topicId + " " + (decision == null ? "" : decision.strip());
		repository.addStep(demandId, StepKind.DECISION_PUBLISHED, CONSULTATION, null, null,
				note.length() > 2000 ? note.substring(0, 2000) : note, null, null);
		if (d.status() == DemandStatus.DELIBERATING) {
			routing.routeByRule(d, CONSULTATION, EnumSet.of(DemandStatus.DELIBERATING));
		}
	}

	/** A resident of the community supports or opposes a public matter (again to change her mind). */
	public Deliberation takeStance(long id, Deliberation.Stance stance) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireCommunityResident(actor, d);
		if (stance == null) {
			throw checks.invalid("stance", "demands.stance.required");
		}
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		deliberations.stance(id, actor.name(), stance, Instant.now());
		return deliberation(id);
	}

	/** A resident of the community, or staff, comments on a public matter. */
	public Deliberation comment(long id, String text) {
		return comment(id, text, false);
	}

	/**
	 * A comment on a public matter. A resident's name is shown (masked, as on the public board) only when she chooses
	 * to show it; otherwise the comment reads as from a resident of the community. Staff comment under their account.
	 */
	public Deliberation comment(long id, String text, boolean showName) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		if (!actor.isStaff()) {
			access.requireCommunityResident(actor, d);
		}
		if (!d.publicMatter()) {
			throw conflict(id);
		}
		String body = checks.required(text, "text");
		if (body.length() > 1000) {
			throw checks.invalid("text", "demands.note.too-long", 1000);
		}
		// "" is a resident who did not choose to show her name
		String display = actor.isStaff() ? actor.name()
				: showName ? access.residentName(actor).map(Masking::name).orElse("") : "";
		deliberations.comment(id, actor.name(), display, body, Instant.now());
		return deliberation(id);
	}

	/** Community staff record a consultation meeting on a public matter. */
	public Meeting recordMeeting(long id, MeetingDraft m) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		List<FieldError> problems = new ArrayList<>();
		if (m.heldAt() == null) {
			problems.add(new FieldError("heldAt", "demands.meeting.held-at"));
		}
		if (m.agenda() == null || m.agenda().isBlank() || m.agenda().length() > 2000) {
			problems.add(new FieldError("agenda", "demands.meeting.agenda"));
		}
		if (m.decision() == null || m.decision().isBlank() || m.decision().length() > 2000) {
			problems.add(new FieldError("decision", "demands.meeting.decision"));
		}
		int expected = nonNegative(m.expectedParticipants(), "expectedParticipants", problems);
		int present = nonNegative(m.presentParticipants(), "presentParticipants", problems);
		int yes = nonNegative(m.votesFor(), "votesFor", problems);
		int no = nonNegative(m.votesAgainst(), "votesAgainst", problems);
		int abstain = nonNegative(m.votesAbstain(), "votesAbstain", problems);
		if (problems.isEmpty() && yes + no + abstain > present) {
			problems.add(new FieldError("votesFor", "demands.meeting.votes-exceed-present"));
		}
		if (problems.isEmpty() && expected == 0) {
			problems.add(new FieldError("expectedParticipants", "demands.meeting.expected"));
		}
		if (m.place() != null && m.place().length() > 200) {
			problems.add(new FieldError("place", "demands.note.too-long", 200));
		}
		checks.failIfAny(problems);
		long meetingId = deliberations.insertMeeting(id, m, blankToNull(m.place()), expected, present, yes, no, abstain,
				actor.name());
		repository.addStep(id, StepKind.MEETING_RECORDED, actor.name(), null, null, null, null, null);
		return deliberations.meetings(id).stream().filter(x -> x.id() == meetingId).findFirst().orElseThrow();
	}

	private static int nonNegative(Integer v, String field, List<FieldError> problems) {
		if (v == null || v < 0 || v > 100000) {
			problems.add(new FieldError(field, "demands.meeting.count"));
			return 0;
		}
		return v;
	}

	/** The meeting's decision is published and handling starts: the demand is dispatched by its rule. */
	public DemandView publishDecision(long id, long meetingId) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		Meeting meeting = deliberations.meetings(id).stream().filter(x -> x.id() == meetingId).findFirst()
			.orElseThrow(() -> new NotFoundException("No meeting " + meetingId + " for demand " + id));
		deliberations.publishMeeting(meetingId, Instant.now());
		repository.addStep(id, StepKind.DECISION_PUBLISHED, actor.name(), null, null,
				meeting.decision() + " (" + meeting.votesFor() + "/" + meeting.votesAgainst() + "/" + meeting.votesAbstain() + ")",
				null, null);
		routing.routeByRule(d, actor.name(), EnumSet.of(DemandStatus.DELIBERATING));
		return repository.find(id).orElseThrow();
	}

	/** The deliberation as the caller may see it: residents see residents' masked names, staff comments unnamed. */
	@Transactional(readOnly = true)
	public Deliberation deliberation(long id) {
		Actor actor = CurrentActor.require();
		access.visible(actor, id);
		Deliberation all = deliberations.deliberation(id, actor.name());
		if (actor.isStaff()) {
			return all;
		}
		Set<Long> staffComments = deliberations.staffComments(id);
		return new Deliberation(all.demandId(), all.support(), all.oppose(), all.myStance(), all.comments().stream()
			.map(c -> staffComments.contains(c.id()) ? new Deliberation.Comment(c.id(), null, c.text(), c.at()) : c)
			.toList(), all.meetings());
	}
}
