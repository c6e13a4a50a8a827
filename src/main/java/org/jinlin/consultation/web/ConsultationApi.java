package org.jinlin.consultation.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ArrangementDraft;
import org.jinlin.consultation.internal.ConsultationFigures;
import org.jinlin.consultation.internal.ConsultationQueries;
import org.jinlin.consultation.internal.FollowUp;
import org.jinlin.consultation.internal.ParticipantInvitations;
import org.jinlin.consultation.internal.RoomBooking;
import org.jinlin.consultation.internal.OnlineVoting;
import org.jinlin.consultation.internal.SittingDraft;
import org.jinlin.consultation.internal.StageRecording;
import org.jinlin.consultation.internal.Topic;
import org.jinlin.consultation.internal.TopicArrangement;
import org.jinlin.consultation.internal.TopicDetail;
import org.jinlin.consultation.internal.TopicDraft;
import org.jinlin.consultation.internal.TopicIntake;
import org.jinlin.consultation.internal.TopicSource;
import org.jinlin.consultation.internal.TopicStatus;
import org.jinlin.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of community consultation; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/consultation")
@Tag(name = "Consultation", description = "Consultation topics, their procedure (四议两公开), votes, publication and follow-up")
@RequiredArgsConstructor
class ConsultationApi {

	private final TopicIntake intake;

	private final TopicArrangement arrangement;

	private final StageRecording stages;

	private final OnlineVoting voting;

	private final FollowUp followUp;

	private final ConsultationQueries queries;

	private final ConsultationFigures figures;

	private final RoomBooking rooms;

	private final ParticipantInvitations invitations;

	/** The room asked for a sitting: one of the community's consultation rooms, ISO-8601 times with offset. */
	record RoomBody(Long zoneId, java.time.OffsetDateTime start, java.time.OffsetDateTime end) {
	}

	/** Free text sent with an action. */
	record TextRequest(String text) {
	}

	/** Text of a vote's close: minutes and the decision. */
	record CloseRequest(String minutes, String decision) {
	}

	/** A resident's choice: a ballot (FOR, AGAINST, ABSTAIN) or a rating. */
	record ChoiceRequest(String choice) {
	}

	/** A progress entry with its evidence. */
	record ProgressRequest(String note, String evidence) {
	}

	@GetMapping("/topics")
	@Operation(summary = "Topics of the caller's jurisdiction (staff) or community (residents), newest first")
	Paged<Topic> topics(@RequestParam(required = false) TopicSource source, @RequestParam(required = false) TopicStatus status,
			@RequestParam(defaultValue = "false") boolean quorumFailed, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.search(new ConsultationQueries.TopicQuery(source, status, quorumFailed, overdue, page, size));
	}

	@GetMapping("/topics/{id}")
	@Operation(summary = "One topic with participants, stages, sittings, progress, ratings and the caller's part")
	TopicDetail topic(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/topics")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@Operation(summary = "A resident proposes a topic in her community; staff enter a unit's or the committees' topic",
			description = "Residents send title and description. Staff also send source (UNIT or COMMITTEE), unit (for UNIT) "
					+ "and community (code). 400 with field errors; nothing is written.")
	ResponseEntity<Topic> propose(@RequestBody TopicDraft draft) {
		Topic t = intake.propose(draft);
		return ResponseEntity.created(URI.create("/api/v1/consultation/topics/" + t.id())).body(t);
	}

	@PostMapping("/topics/{id}/support")
	@Operation(summary = "A resident of the community supports a proposal (once)")
	Topic support(@PathVariable long id) {
		return intake.support(id);
	}

	@PutMapping("/topics/{id}/arrangement")
	@Operation(summary = "Staff fix form, procedure (fourTwo: 四议两公开), venue, room booking id and participants")
	Topic arrange(@PathVariable long id, @RequestBody ArrangementDraft draft) {
		return arrangement.arrange(id, draft);
	}

	@PostMapping("/topics/{id}/materials")
	@Operation(summary = "Staff send the materials ahead to the participants and residents")
	Topic materials(@PathVariable long id, @RequestBody TextRequest body) {
		return arrangement.sendMaterials(id, body.text());
	}

	@PostMapping("/topics/{id}/stages/{seq}/sittings")
	@Operation(summary = "Staff record a sitting of a stage (应到/实到, paper ballots, minutes, decision)",
			description = "Stages go in order; a stage whose quorum fails may be held again; 409 out of order; 400 when "
					+ "present exceeds expected or votes exceed those present.")
	Topic sitting(@PathVariable long id, @PathVariable int seq, @RequestBody SittingDraft draft) {
		return stages.recordSitting(id, seq, draft);
	}

	@PostMapping("/topics/{id}/vote/open")
	@Operation(summary = "Staff open the online vote on the current deciding stage")
	Topic openVote(@PathVariable long id) {
		return voting.open(id);
	}

	@PutMapping("/topics/{id}/ballot")
	@Operation(summary = "A resident of the community votes (FOR, AGAINST, ABSTAIN); changeable until close unless secret")
	Topic ballot(@PathVariable long id, @RequestBody ChoiceRequest body) {
		return voting.cast(id, body.choice());
	}

	@PostMapping("/topics/{id}/vote/close")
	@Operation(summary = "Staff close the online vote: the ballots become the stage's sitting")
	Topic closeVote(@PathVariable long id, @RequestBody(required = false) CloseRequest body) {
		return voting.close(id, body == null ? null : body.minutes(), body == null ? null : body.decision());
	}

	@PostMapping("/topics/{id}/decision/publication")
	@Operation(summary = "Staff publish the decision on the community's public board (决议公开)")
	Topic publishDecision(@PathVariable long id) {
		return stages.publishDecision(id);
	}

	@PostMapping("/topics/{id}/result")
	@Operation(summary = "Staff publish the result of the implementation (实施结果公开)")
	Topic publishResult(@PathVariable long id, @RequestBody TextRequest body) {
		return stages.publishResult(id, body.text());
	}

	@PostMapping("/topics/{id}/progress")
	@Operation(summary = "Staff record implementation progress with evidence")
	Topic progress(@PathVariable long id, @RequestBody ProgressRequest body) {
		return followUp.addProgress(id, body.note(), body.evidence());
	}

	@PutMapping("/topics/{id}/rating")
	@Operation(summary = "A resident of the community rates the published result (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)")
	Topic rate(@PathVariable long id, @RequestBody ChoiceRequest body) {
		return followUp.rate(id, body.choice());
	}

	@GetMapping("/topics/{id}/room/choices")
	@Operation(summary = "Staff: the community's consultation rooms with their free hours in the next two weeks")
	java.util.List<RoomBooking.RoomChoice> roomChoices(@PathVariable long id) {
		return rooms.choices(id);
	}

	@PostMapping("/topics/{id}/room")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@Operation(summary = "Staff ask the spaces module to book a consultation room for the sitting",
			description = "202: the request is sent; the topic's room.status turns BOOKED (room.bookingId) or REFUSED "
					+ "(room.refusal, a message code) when spaces answers. 400 with field errors; 409 while a request "
					+ "is pending or once the topic is decided.")
	Topic room(@PathVariable long id, @RequestBody RoomBody body) {
		return rooms.request(id, body.zoneId(), body.start(), body.end());
	}

	@GetMapping("/invitations")
	@Operation(summary = "The caller's invitations to consultations (materials sent ahead), newest first")
	java.util.List<ParticipantInvitations.Entry> invitations() {
		return invitations.mine();
	}

	@GetMapping("/figures")
	@Operation(summary = "Topics by source and status, quorum failures, days to result, satisfaction")
	ConsultationFigures.Figures figures() {
		return figures.figures();
	}
}
