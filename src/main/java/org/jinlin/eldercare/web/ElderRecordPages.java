package org.jinlin.eldercare.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.internal.ElderAssessments;
import org.jinlin.eldercare.internal.ElderQueries;
import org.jinlin.eldercare.internal.ElderViews.PhotoUpload;
import org.jinlin.eldercare.internal.ElderViews.RecordAssessment;
import org.jinlin.eldercare.internal.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.internal.ElderViews.RecordVisit;
import org.jinlin.eldercare.internal.ElderViews;
import org.jinlin.eldercare.internal.ElderVisits;
import org.jinlin.eldercare.internal.RiskEventKind;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What is recorded on a profile: care-risk events, assessments (with the live preview), visits and their photos. */
@Controller
@RequiredArgsConstructor
class ElderRecordPages {

	private final ElderQueries queries;

	private final ElderAssessments assessments;

	private final ElderVisits visits;

	private final ElderPageSupport pages;

	@PostMapping("/eldercare/elders/{id}/risk-events")
	String riskEvent(@PathVariable long id, @RequestParam(required = false) RiskEventKind kind,
			@RequestParam(required = false) String occurredOn, @RequestParam(required = false) String note, Model model,
			RedirectAttributes flash) {
		try {
			assessments.recordRiskEvent(id, new RecordRiskEvent(kind, pages.date(occurredOn, "occurredOn"), note));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), null);
		}
	}

	/** The 26-item form's live result (no record is written): domain sums, total and level. */
	@PostMapping("/eldercare/elders/{id}/assessments/preview")
	String preview(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		int events = assessments.riskEventsBefore(id, CareRules.today());
		int[] scores = new int[CareRules.ITEM_COUNT];
		boolean complete = true;
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			Integer v = ElderPageSupport.integer(params.get("score" + i));
			if (v == null || v < 0 || v > CareRules.ITEMS.get(i).max()) {
				complete = false;
			}
			else {
				scores[i] = v;
			}
		}
		model.addAttribute("preview", complete ? CareRules.assess(scores, params.containsKey("dementia"),
				params.containsKey("mentalDisorder"), events) : null);
		return "eldercare/elder :: preview";
	}

	@PostMapping("/eldercare/elders/{id}/assessments")
	String assess(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
		List<Integer> scores = new ArrayList<>();
		for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
			scores.add(ElderPageSupport.integer(params.get("score" + i)));
		}
		try {
			ElderViews.AssessmentView a = assessments.recordAssessment(id, new RecordAssessment(scores,
					params.containsKey("dementia"), params.containsKey("mentalDisorder"),
					pages.date(params.get("assessedOn"), "assessedOn"), params.get("note")));
			flash.addFlashAttribute("notice", "eldercare.pages.assessed");
			flash.addFlashAttribute("assessedLevel", a.level());
			return "redirect:/eldercare/elders/" + id + "#assessments";
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), params);
		}
	}

	@PostMapping("/eldercare/elders/{id}/visits")
	String visit(@PathVariable long id, @RequestParam(required = false) VisitKind kind,
			@RequestParam(required = false) String visitedAt, @RequestParam(required = false) String findings,
			@RequestParam(required = false) String followUp, @RequestParam(required = false) MultipartFile photo,
			Model model, RedirectAttributes flash) throws IOException {
		try {
			Instant at = null;
			if (visitedAt != null && !visitedAt.isBlank()) {
				try {
					at = LocalDateTime.parse(visitedAt.strip()).atZone(CareRules.ZONE).toInstant();
				}
				catch (java.time.format.DateTimeParseException e) {
					throw new ValidationFailedException("bad date", List.of(Map.of("field", "visitedAt", "message",
							pages.msg("eldercare.pages.error.date"))));
				}
			}
			PhotoUpload upload = photo == null || photo.isEmpty() ? null
					: new PhotoUpload(photo.getContentType(), photo.getBytes());
			visits.recordVisit(id, new RecordVisit(kind, at, findings, followUp != null), upload);
			flash.addFlashAttribute("notice", "eldercare.pages.visited");
			return "redirect:/eldercare/elders/" + id + "#visits";
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), Map.of("findings", findings == null ? "" : findings));
		}
	}

	@GetMapping("/eldercare/visit-photos/{visitId}")
	ResponseEntity<byte[]> photo(@PathVariable long visitId) {
		PhotoUpload p = queries.visitPhoto(visitId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(p.bytes());
	}
}
