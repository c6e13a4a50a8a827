package org.jinlin.consultation.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ArrangementDraft;
import org.jinlin.consultation.internal.ConsultationAccess;
import org.jinlin.consultation.internal.ConsultationFigures;
import org.jinlin.consultation.internal.ConsultationForm;
import org.jinlin.consultation.internal.ConsultationQueries;
import org.jinlin.consultation.internal.FollowUp;
import org.jinlin.consultation.internal.FollowUpRating;
import org.jinlin.consultation.internal.ParticipantInvitations;
import org.jinlin.consultation.internal.RoomBooking;
import org.jinlin.consultation.internal.OnlineVoting;
import org.jinlin.consultation.internal.ConsultationParticipantKind;
import org.jinlin.consultation.internal.SittingDraft;
import org.jinlin.consultation.internal.StageRecording;
import org.jinlin.consultation.internal.Topic;
import org.jinlin.consultation.internal.TopicArrangement;
import org.jinlin.consultation.internal.TopicDraft;
import org.jinlin.consultation.internal.TopicIntake;
import org.jinlin.consultation.internal.TopicSource;
import org.jinlin.consultation.internal.TopicStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation pages: the topic list with filters and the figures (each figure links to the topics it counts),
 * a topic with its procedure and the actions the caller may take (staff fix, record, publish; residents support, vote,
 * rate), the link from a demand to its topic, and the community's public board of decisions and results (signed out).
 */
@Controller
@RequiredArgsConstructor
class ConsultationPages {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final TopicIntake intake;

	private final TopicArrangement arrangement;

	private final StageRecording stages;

	private final OnlineVoting voting;

	private final FollowUp followUp;

	private final ConsultationQueries queries;

	private final ConsultationFigures figures;

	private final RoomBooking rooms;

	private final ParticipantInvitations invitations;

	/** One action of a topic page: run it, then back to the page with a notice, or its field messages. */
	interface Action {
		void run();
	}

	@GetMapping("/consultation/topics")
	String list(@RequestParam(required = false) TopicSource source, @RequestParam(required = false) TopicStatus status,
			@RequestParam(defaultValue = "false") boolean quorumFailed, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = ConsultationAccess.reader();
		model.addAttribute("topics", queries.search(new ConsultationQueries.TopicQuery(source, status, quorumFailed, overdue,
				page, 20)));
		model.addAttribute("figures", figures.figures());
		model.addAttribute("sources", TopicSource.values());
		model.addAttribute("statuses", TopicStatus.values());
		model.addAttribute("source", source);
		model.addAttribute("status", status);
		model.addAttribute("quorumFailed", quorumFailed);
		model.addAttribute("overdue", overdue);
		model.addAttribute("canManage", ConsultationAccess.canManage(actor));
		model.addAttribute("canPropose", ConsultationAccess.canTakePart(actor));
		model.addAttribute("canReadFigures", ConsultationAccess.canReadFigures(actor));
		model.addAttribute("zone", ZONE);
		return "consultation/list";
	}

	@PostMapping("/consultation/topics")
	String propose(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String source, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String community, Model model, RedirectAttributes flash) {
		try {
			Topic t = intake.propose(new TopicDraft(title, description, source, unit, community));
			flash.addFlashAttribute("notice", "consultation.done");
			return "redirect:/consultation/topics/" + t.id();
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			model.addAttribute("title", title);
			model.addAttribute("description", description);
			return list(null, null, false, false, 0, model);
		}
	}

	@GetMapping("/consultation/topics/by-demand/{demandId}")
	String byDemand(@PathVariable long demandId) {
		return "redirect:/consultation/topics/" + queries.byDemand(demandId);
	}

	@GetMapping("/consultation/topics/{id}")
	String topic(@PathVariable long id, Model model) {
		Actor actor = ConsultationAccess.reader();
		var detail = queries.detail(id);
		model.addAttribute("d", detail);
		int current = org.jinlin.consultation.internal.ProcedureRules
			.current(detail.stages().stream().map(org.jinlin.consultation.internal.TopicDetail.Stage::status).toList());
		model.addAttribute("current", current < 0 ? null : detail.stages().get(current));
		model.addAttribute("arrangeable", detail.stages().stream().allMatch(st -> st.sittings().isEmpty()));
		model.addAttribute("canManage", ConsultationAccess.canManage(actor));
		model.addAttribute("canTakePart", ConsultationAccess.canTakePart(actor));
		model.addAttribute("forms", ConsultationForm.values());
		model.addAttribute("participantKinds", ConsultationParticipantKind.values());
		model.addAttribute("ratings", FollowUpRating.values());
		model.addAttribute("zone", ZONE);
		model.addAttribute("now", LocalDateTime.now(ZONE).withSecond(0).withNano(0));
		boolean roomOpen = ConsultationAccess.canManage(actor)
				&& (detail.topic().status() == TopicStatus.ELIGIBLE || detail.topic().status() == TopicStatus.FIXED)
				&& (detail.topic().room() == null || !detail.topic().room().pending());
		model.addAttribute("roomChoices", roomOpen ? rooms.choices(id) : List.of());
		model.addAttribute("roomOpen", roomOpen);
		model.asMap().putIfAbsent("errors", java.util.Map.of());
		return "consultation/topic";
	}

	@PostMapping("/consultation/topics/{id}/support")
	String support(@PathVariable long id, Model model, RedirectAttributes flash) {
		return act(id, model, flash, () -> intake.support(id));
	}

	@PostMapping("/consultation/topics/{id}/arrangement")
	String arrange(@PathVariable long id, @RequestParam(required = false) String form,
			@RequestParam(defaultValue = "false") boolean fourTwo, @RequestParam(required = false) String venue,
			@RequestParam(required = false) List<String> participantKind,
			@RequestParam(required = false) List<String> participantName,
			@RequestParam(required = false) List<String> participantRole,
			@RequestParam(required = false) List<String> participantAccount, Model model, RedirectAttributes flash) {
		List<ArrangementDraft.ParticipantDraft> participants = new java.util.ArrayList<>();
		int n = participantName == null ? 0 : participantName.size();
		for (int i = 0; i < n; i++) {
			String name = participantName.get(i);
			if (name == null || name.isBlank()) {
				continue;
			}
			participants.add(new ArrangementDraft.ParticipantDraft(at(participantKind, i), name, at(participantRole, i),
					at(participantAccount, i)));
		}
		return act(id, model, flash,
				() -> arrangement.arrange(id, new ArrangementDraft(form, fourTwo, venue, participants)));
	}

	/**
	 * Staff ask spaces for one of the community's consultation rooms: {@code slot} is "zoneId|start" of a free hour
	 * offered on the page, {@code hours} the sitting's length.
	 */
	@PostMapping("/consultation/topics/{id}/room")
	String room(@PathVariable long id, @RequestParam(required = false) String slot,
			@RequestParam(defaultValue = "2") int hours, Model model, RedirectAttributes flash) {
		Long zoneId = null;
		java.time.OffsetDateTime start = null;
		if (slot != null && slot.matches("\\d{1,18}\\|.+")) {
			try {
				start = java.time.OffsetDateTime.parse(slot.substring(slot.indexOf('|') + 1));
				zoneId = Long.parseLong(slot.substring(0, slot.indexOf('|')));
			}
			catch (java.time.format.DateTimeParseException e) {
				start = null;
			}
		}
		Long zone = zoneId;
		java.time.OffsetDateTime from = start;
		java.time.OffsetDateTime to = start == null ? null : start.plusHours(Math.max(1, Math.min(hours, 4)));
		return act(id, model, flash, () -> rooms.request(id, zone, from, to));
	}

	/** The signed-in account's invitations to consultations, with the materials and the sitting's place and time. */
	@GetMapping("/consultation/mine")
	String mine(Model model) {
		model.addAttribute("invitations", invitations.mine());
		model.addAttribute("zone", ZONE);
		return "consultation/mine";
	}

	@PostMapping("/consultation/mine/read")
	String read(RedirectAttributes flash) {
		invitations.markRead();
		flash.addFlashAttribute("notice", "consultation.done");
		return "redirect:/consultation/mine";
	}

	@PostMapping("/consultation/topics/{id}/materials")
	String materials(@PathVariable long id, @RequestParam(required = false) String materials, Model model,
			RedirectAttributes flash) {
		return act(id, model, flash, () -> arrangement.sendMaterials(id, materials));
	}

	@PostMapping("/consultation/topics/{id}/stages/{seq}/sittings")
	String sitting(@PathVariable long id, @PathVariable int seq, @RequestParam(required = false) LocalDateTime heldAt,
			@RequestParam(required = false) Integer expected, @RequestParam(required = false) Integer present,
			@RequestParam(required = false) Integer votesFor, @RequestParam(required = false) Integer votesAgainst,
			@RequestParam(required = false) Integer votesAbstain, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String decision, Model model, RedirectAttributes flash) {
		Instant held = heldAt == null ? null : heldAt.atZone(ZONE).toInstant();
		return act(id, model, flash, () -> stages.recordSitting(id, seq,
				new SittingDraft(held, expected, present, votesFor, votesAgainst, votesAbstain, minutes, decision)));
	}

	@PostMapping("/consultation/topics/{id}/vote/open")
	String openVote(@PathVariable long id, Model model, RedirectAttributes flash) {
		return act(id, model, flash, () -> voting.open(id));
	}

	@PostMapping("/consultation/topics/{id}/ballot")
	String ballot(@PathVariable long id, @RequestParam(required = false) String choice, Model model,
			RedirectAttributes flash) {
		return act(id, model, flash, () -> voting.cast(id, choice));
	}

	@PostMapping("/consultation/topics/{id}/vote/close")
	String closeVote(@PathVariable long id, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String decision, Model model, RedirectAttributes flash) {
		return act(id, model, flash, () -> voting.close(id, minutes, decision));
	}

	@PostMapping("/consultation/topics/{id}/decision/publication")
	String publishDecision(@PathVariable long id, Model model, RedirectAttributes flash) {
		return act(id, model, flash, () -> stages.publishDecision(id));
	}

	@PostMapping("/consultation/topics/{id}/result")
	String publishResult(@PathVariable long id, @RequestParam(required = false) String result, Model model,
			RedirectAttributes flash) {
		return act(id, model, flash, () -> stages.publishResult(id, result));
	}

	@PostMapping("/consultation/topics/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String evidence, Model model, RedirectAttributes flash) {
		return act(id, model, flash, () -> followUp.addProgress(id, note, evidence));
	}

	@PostMapping("/consultation/topics/{id}/rating")
	String rate(@PathVariable long id, @RequestParam(required = false) String rating, Model model,
			RedirectAttributes flash) {
		return act(id, model, flash, () -> followUp.rate(id, rating));
	}

	@GetMapping("/public/consultation/{communityCode}")
	String board(@PathVariable String communityCode, Locale locale, Model model) {
		model.addAttribute("board", queries.publicBoard(communityCode, locale));
		model.addAttribute("zone", ZONE);
		return "consultation/public";
	}

	private String act(long id, Model model, RedirectAttributes flash, Action action) {
		CurrentActor.require();
		try {
			action.run();
			flash.addFlashAttribute("notice", "consultation.done");
			return "redirect:/consultation/topics/" + id;
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return topic(id, model);
		}
		catch (ConflictException e) {
			model.addAttribute("errors", FormErrors.global(e.getMessage()));
			return topic(id, model);
		}
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() ? null : values.get(i);
	}
}
