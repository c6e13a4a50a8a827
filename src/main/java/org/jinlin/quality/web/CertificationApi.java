package org.jinlin.quality.web;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.CertificationAssessments;
import org.jinlin.quality.internal.CertificationChecklists;
import org.jinlin.quality.internal.CertificationPublic;
import org.jinlin.quality.internal.CertificationRepository;
import org.jinlin.quality.internal.CertificationReviews;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of service-quality certification: the checklist, self-assessments, reviews and public certificates. */
@RestController
@RequestMapping("/api/v1/quality/certification")
@Tag(name = "Quality certification", description = "Checklist, self-assessment with evidence, review, certificates")
@RequiredArgsConstructor
class CertificationApi {

	private final CertificationChecklists checklists;

	private final CertificationAssessments assessments;

	private final CertificationReviews reviews;

	private final CertificationPublic certificates;

	/** The criteria of an assessment, scores of a self-assessment or review. */
	record Scores(List<CertificationAssessments.Entry> scores) {
	}

	@GetMapping("/checklist")
	@Operation(summary = "The current checklist (staff)", description = "Its version, the criteria by section with "
			+ "weights, maximum scores and the evidence expected (Chinese and English), and the levels' thresholds.")
	CertificationChecklists.Checklist checklist() {
		return checklists.current();
	}

	@PutMapping("/checklist")
	@Operation(summary = "Revise the checklist: a new version (district and city officials)",
			description = "{note, criteria: [{code, section, sectionZh, sectionEn, nameZh, nameEn, evidenceZh, evidenceEn, "
					+ "weight 1-100, maxScore 1-10}]}: the whole new version. Assessments keep their version. 400 with "
					+ "field errors.")
	CertificationChecklists.Checklist revise(@RequestBody CertificationChecklists.Revision body) {
		return checklists.revise(body);
	}

	@GetMapping("/assessments")
	@Operation(summary = "The assessments of the caller's jurisdiction, newest first (staff)")
	Paged<CertificationAssessments.Row> assessments() {
		List<CertificationAssessments.Row> list = assessments.list();
		return new Paged<>(list, 0, list.size(), list.size());
	}

	@PostMapping("/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a community's self-assessment (its community workers)",
			description = "{community (blank: the caller's own), scores: [{criterion, score, note}]}. One open assessment "
					+ "per community (409 otherwise); scores from 0 to the criterion's maximum (400).")
	CertificationAssessments.View start(@RequestBody CertificationAssessments.Start body) {
		return assessments.start(body);
	}

	@GetMapping("/assessments/{id}")
	@Operation(summary = "An assessment with its criteria, scores and evidence (staff of its jurisdiction)")
	CertificationAssessments.View assessment(@PathVariable long id) {
		return assessments.view(id);
	}

	@PutMapping("/assessments/{id}/scores")
	@Operation(summary = "Save self-scores and notes of a draft or returned assessment",
			description = "{scores: [{criterion, score, note}]}; 409 once submitted or certified.")
	CertificationAssessments.View saveScores(@PathVariable long id, @RequestBody Scores body) {
		return assessments.saveSelf(id, body == null ? null : body.scores());
	}

	@PostMapping("/assessments/{id}/evidence")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a file as evidence for a criterion",
			description = "multipart/form-data: criterion, file: PDF, JPEG or PNG (checked against its first bytes), at most 5 MB.")
	CertificationRepository.Evidence upload(@PathVariable long id, @RequestParam(required = false) String criterion,
			@RequestPart(required = false) MultipartFile file) throws IOException {
		return assessments.addFile(id, criterion, file == null ? null : file.getOriginalFilename(),
				file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
	}

	@PostMapping("/assessments/{id}/links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Link records of the platform as evidence for a criterion",
			description = "{criterion, kind: INDICATOR (ref an indicator code, of the community) | DEMAND | FACILITY "
					+ "(ref an id)}.")
	CertificationRepository.Evidence link(@PathVariable long id, @RequestBody CertificationAssessments.Link body) {
		return assessments.addLink(id, body);
	}

	@PostMapping("/assessments/{id}/submission")
	@Operation(summary = "Submit the self-assessment for review (every criterion scored)",
			description = "400 when a criterion has no score; 409 when it is not a draft or returned.")
	CertificationAssessments.View submit(@PathVariable long id) {
		return assessments.submit(id);
	}

	@PostMapping("/assessments/{id}/review")
	@Operation(summary = "Review a submitted assessment (district and city officials, not its own assessor)",
			description = "{decision: APPROVE | RETURN, comment (required to return), scores: [{criterion, score, note}]} "
					+ "with every criterion scored. Approval gives the level the weighted total earns (400 below the "
					+ "lowest), a certificate number and its validity; 409 when it is not submitted.")
	CertificationAssessments.View review(@PathVariable long id, @RequestBody CertificationReviews.Review body) {
		return reviews.review(id, body);
	}

	@GetMapping("/communities/{code}")
	@Operation(summary = "A community's certificate (public, signed in or not)",
			description = "Its level, number, validity and standing: VALID, LAPSING (its last 90 days), EXPIRED, or NONE "
					+ "when the community was never certified; 404 for an unknown community.")
	CertificationPublic.PublicCertificate community(@PathVariable String code) {
		return certificates.ofCommunity(code);
	}
}
