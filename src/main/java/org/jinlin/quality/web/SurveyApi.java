package org.jinlin.quality.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyAnswering;
import org.jinlin.quality.internal.SurveyBuilder;
import org.jinlin.quality.internal.SurveyReports;
import org.jinlin.quality.internal.SurveyRepository.MyInvitation;
import org.jinlin.quality.internal.SurveyRepository.SurveyRow;
import org.jinlin.quality.internal.SurveyRules;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the satisfaction surveys: build, open, close, draw the sample, answer, report (anonymous). */
@RestController
@RequestMapping("/api/v1/quality/surveys")
@Tag(name = "Quality surveys", description = "Satisfaction surveys: questionnaire, sample, answers, index (GB/T 19038)")
@RequiredArgsConstructor
class SurveyApi {

	private final SurveyBuilder builder;

	private final SurveyAnswering answering;

	private final SurveyReports reports;

	/** A created record's id. */
	record Created(long id) {
	}

	/** How many residents the draw invited. */
	record Invited(long invited) {
	}

	/** A resident's answers to her invitation (or staff's after a phone call). */
	record AnswerRequest(Long invitationId, Map<Long, Integer> answers) {
	}

	@GetMapping
	@Operation(summary = "The surveys of the caller's jurisdiction, newest period first")
	Paged<SurveyRow> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return reports.list(page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Community workers and officials build a draft questionnaire",
			description = """
					title; territory (a code inside the jurisdiction, default the caller's own); periodFrom, periodTo \
					(yyyy-MM-dd, the period the survey asks about and its population's); samplingRule DEMANDS_CLOSED \
					(residents whose demands closed in the period), ELDERS_VISITED (elders visited in the period) or \
					ALL_RESIDENTS; sampleSize 1–5000; seed (optional, makes the draw reproducible); items: kind LIKERT \
					(5 points, 很满意…很不满意) or CHOICE (options, each "text" or "text|score" 0–100), text, dimension \
					(e.g. 响应速度), weight (0–100; >0 for scored items, 0 for descriptive choices). 400 with field \
					errors; nothing is written then.""")
	Created create(@RequestBody(required = false) SurveyRules.Draft draft) {
		return new Created(builder.create(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A survey with its items")
	SurveyReports.Detail detail(@PathVariable long id) {
		return reports.detail(id);
	}

	@PostMapping("/{id}/open")
	@Operation(summary = "Open a draft survey for answers (409 unless a draft)")
	SurveyReports.Detail open(@PathVariable long id) {
		builder.move(id, SurveyRules.Status.OPEN);
		return reports.detail(id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close an open survey (409 unless open)")
	SurveyReports.Detail close(@PathVariable long id) {
		builder.move(id, SurveyRules.Status.CLOSED);
		return reports.detail(id);
	}

	@PostMapping("/{id}/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draw the sample of an open survey and invite it in-app (once; 409 otherwise)",
			description = "The population is the sampling rule's residents of the survey's territory and period; "
					+ "sampleSize of them are drawn at random with the survey's seed (the same draw every time).")
	Invited invite(@PathVariable long id) {
		return new Invited(builder.invite(id));
	}

	@GetMapping("/invitations")
	@Operation(summary = "The calling resident's own invitations (her \"my surveys\")")
	List<MyInvitation> mine() {
		return answering.mine();
	}

	@PostMapping("/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer an invitation, once: the invited resident, or staff after a phone call",
			description = """
					invitationId; answers: item id → Likert answer 1 (很不满意) … 5 (很满意), or a choice's option index \
					from 0. Every scored item is required. 409 when the invitation was answered or the survey is not \
					open; 404 for another resident's invitation or another jurisdiction's.""")
	Created answer(@PathVariable long id, @RequestBody(required = false) AnswerRequest body) {
		return new Created(answering.answer(id, body == null ? null : body.invitationId(),
				body == null ? null : body.answers()));
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "A survey's report: response rate, satisfaction index, importance–performance matrix",
			description = """
					invited, responses, responseRate (%, null when no one was invited); index: the importance-weighted \
					mean of the scored items' mean scores on 0–100 (GB/T 19038's approach: Likert x → (x−1)/4×100, CSI = \
					Σwᵢx̄ᵢ/Σwᵢ), overall and by dimension; items with answers, score (performance), importance (share \
					of the weights, %), quadrant (KEEP, IMPROVE, LOW_PRIORITY, POSSIBLE_OVERKILL against the means) and \
					the count of every answer. Anonymous: no resident.""")
	SurveyReports.Report report(@PathVariable long id) {
		return reports.report(id);
	}

	@GetMapping("/{id}/answers")
	@Operation(summary = "A survey's anonymous responses (what the report counts), in the order they came")
	Paged<SurveyReports.AnonymousResponse> answers(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return reports.answers(id, page, size);
	}
}
