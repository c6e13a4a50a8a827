package org.jinlin.quality.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.CertificationAssessments;
import org.jinlin.quality.internal.CertificationChecklists;
import org.jinlin.quality.internal.CertificationPublic;
import org.jinlin.quality.internal.CertificationReviews;
import org.jinlin.quality.internal.CertificationRules;
import org.jinlin.quality.internal.QualityAccess;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.http.ContentDisposition;
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

/**
 * The certification pages of staff: the overview of the jurisdiction's assessments and certificates (lapsing and
 * expired ones first), the checklist with its editing, and an assessment with its self-scoring, evidence, submission
 * and review.
 */
@Controller
@RequiredArgsConstructor
class CertificationPages {

	private final CertificationChecklists checklists;

	private final CertificationAssessments assessments;

	private final CertificationReviews reviews;

	@GetMapping("/quality/certification")
	String overview(Model model) {
		var rows = assessments.list();
		var actor = CurrentActor.require();
		model.addAttribute("rows", rows);
		model.addAttribute("attention", rows.stream()
			.filter(r -> r.standing() == CertificationRules.Standing.LAPSING
					|| r.standing() == CertificationRules.Standing.EXPIRED)
			.toList());
		model.addAttribute("checklist", checklists.current());
		model.addAttribute("canSelfAssess", QualityAccess.canSelfAssess(actor));
		return "quality/certification";
	}

	@PostMapping("/quality/certification/assessments")
	String start(@RequestParam(required = false) String community, Model model) {
		try {
			long id = assessments.start(new CertificationAssessments.Start(community, List.of())).assessment().id();
			return "redirect:/quality/certification/assessments/" + id;
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return overview(model);
		}
	}

	@GetMapping("/quality/certification/checklist")
	String checklist(Model model) {
		model.addAttribute("checklist", checklists.current());
		model.addAttribute("canEdit", QualityAccess.canReviewCertification(CurrentActor.require()));
		return "quality/certification-checklist";
	}

	@PostMapping("/quality/certification/checklist/{code}")
	String reviseCriterion(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
		try {
			checklists.reviseCriterion(new CertificationRules.Draft(code, form.get("section"), form.get("sectionZh"),
					form.get("sectionEn"), form.get("nameZh"), form.get("nameEn"), form.get("evidenceZh"),
					form.get("evidenceEn"), number(form.get("weight")), number(form.get("maxScore"))), form.get("note"));
			return "redirect:/quality/certification/checklist";
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			model.addAttribute("editing", code);
			return checklist(model);
		}
	}

	@GetMapping("/quality/certification/assessments/{id:\\d+}")
	String assessment(@PathVariable long id, Model model) {
		var view = assessments.view(id);
		var actor = CurrentActor.require();
		var a = view.assessment();
		model.addAttribute("v", view);
		model.addAttribute("selfMode", view.editable() && QualityAccess.canSelfAssess(actor));
		model.addAttribute("reviewMode", "SUBMITTED".equals(a.status()) && QualityAccess.canReviewCertification(actor)
				&& !actor.name().equals(a.createdBy()) && !actor.name().equals(a.submittedBy()));
		model.addAttribute("linkKinds", List.of("INDICATOR", "DEMAND", "FACILITY"));
		model.addAttribute("verificationPath",
				a.certificateNumber() == null ? null : CertificationPublic.verificationPath(a.certificateNumber()));
		return "quality/certification-assessment";
	}

	@PostMapping("/quality/certification/assessments/{id:\\d+}/scores")
	String saveScores(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		return act(id, model, () -> assessments.saveSelf(id, entries(form, "score_", "note_")));
	}

	@PostMapping("/quality/certification/assessments/{id:\\d+}/evidence")
	String upload(@PathVariable long id, @RequestParam(required = false) String criterion,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		byte[] bytes = file == null ? null : file.getBytes();
		return act(id, model, () -> assessments.addFile(id, criterion, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), bytes));
	}

	@PostMapping("/quality/certification/assessments/{id:\\d+}/links")
	String link(@PathVariable long id, @RequestParam(required = false) String criterion,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String ref, Model model) {
		return act(id, model, () -> assessments.addLink(id, new CertificationAssessments.Link(criterion, kind, ref)));
	}

	@PostMapping("/quality/certification/assessments/{id:\\d+}/submission")
	String submit(@PathVariable long id, Model model) {
		return act(id, model, () -> assessments.submit(id));
	}

	@PostMapping("/quality/certification/assessments/{id:\\d+}/review")
	String review(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
		return act(id, model, () -> reviews.review(id, new CertificationReviews.Review(form.get("decision"),
				form.get("comment"), entries(form, "review_", "rcomment_"))));
	}

	@GetMapping("/quality/certification/assessments/{id:\\d+}/evidence/{evidence:\\d+}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long evidence) {
		var f = assessments.file(id, evidence);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(f.bytes());
	}

	private String act(long id, Model model, Runnable action) {
		try {
			action.run();
			return "redirect:/quality/certification/assessments/" + id;
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return assessment(id, model);
		}
	}

	/** The entries of a form with fields {@code <scorePrefix><code>} and {@code <notePrefix><code>}. */
	private static List<CertificationAssessments.Entry> entries(Map<String, String> form, String scorePrefix,
			String notePrefix) {
		java.util.Set<String> codes = new java.util.TreeSet<>();
		for (String key : form.keySet()) {
			if (key.startsWith(scorePrefix)) {
				codes.add(key.substring(scorePrefix.length()));
			}
			else if (key.startsWith(notePrefix)) {
				codes.add(key.substring(notePrefix.length()));
			}
		}
		List<CertificationAssessments.Entry> list = new ArrayList<>();
		for (String code : codes) {
			list.add(new CertificationAssessments.Entry(code, number(form.get(scorePrefix + code)),
					form.get(notePrefix + code)));
		}
		return list;
	}

	/** A whole number from a form field; blank is none, anything else not a number is -1 (out of every range). */
	private static Integer number(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		return s.strip().matches("-?\\d{1,6}") ? Integer.valueOf(s.strip()) : -1;
	}
}
