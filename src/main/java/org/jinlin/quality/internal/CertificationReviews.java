package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.CertificationAwarded;
import org.jinlin.quality.internal.CertificationAssessments.Entry;
import org.jinlin.quality.internal.CertificationRepository.Assessment;
import org.jinlin.quality.internal.CertificationRepository.Criterion;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of a submitted self-assessment by a district or city official of its jurisdiction (never the one who
 * assessed or submitted it): a score and comment per criterion, the weighted total, and either approval (the level
 * the total earns, a certificate number and its validity) or return for rework with a comment.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CertificationReviews {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CertificationRepository repository;

	private final CertificationAssessments assessments;

	private final ApplicationEventPublisher events;

	private final FieldErrors fieldErrors;

	/** A review: decision APPROVE or RETURN, an overall comment (required to return), a score per criterion. */
	public record Review(String decision, String comment, List<Entry> scores) {
	}

	public CertificationAssessments.View review(long id, Review review) {
		Actor actor = QualityAccess.requireCertificationReviewer();
		Assessment a = assessments.load(actor, id);
		if (actor.name().equals(a.createdBy()) || actor.name().equals(a.submittedBy())) {
			throw new ForbiddenException("Nobody reviews an assessment they made");
		}
		if (!"SUBMITTED".equals(a.status())) {
			throw fieldErrors.conflict("quality.cert.review.notSubmitted");
		}
		List<Criterion> criteria = repository.criteria(a.checklistVersion());
		var weighted = criteria.stream().map(Criterion::weighted).toList();
		List<FieldError> p = new ArrayList<>();
		String decision = review == null || review.decision() == null ? "" : review.decision().strip();
		if (!decision.equals("APPROVE") && !decision.equals("RETURN")) {
			p.add(new FieldError("decision", "quality.cert.review.decision"));
		}
		String comment = review == null ? null : CertificationAssessments.trim(review.comment());
		if (comment != null && comment.length() > 2000) {
			p.add(new FieldError("comment", "quality.cert.note.long", 2000));
		}
		if ("RETURN".equals(decision) && comment == null) {
			p.add(new FieldError("comment", "quality.cert.review.commentRequired"));
		}
		Map<String, Integer> scores = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		for (Entry e : review == null || review.scores() == null ? List.<Entry>of() : review.scores()) {
			if (e == null || e.criterion() == null) {
				p.add(new FieldError("scores", "quality.cert.criterion.unknown", ""));
				continue;
			}
			scores.put(e.criterion(), e.score());
			notes.put(e.criterion(), e.note());
		}
		p.addAll(CertificationRules.scoreProblems(weighted, scores, notes));
		List<String> unscored = CertificationRules.unscored(weighted, scores);
		if (!unscored.isEmpty()) {
			p.add(new FieldError("scores", "quality.cert.unscored", String.join(", ", unscored)));
		}
		BigDecimal total = CertificationRules.total(weighted, scores);
		var level = CertificationRules.level(total, repository.levels());
		if (p.isEmpty() && "APPROVE".equals(decision) && level.isEmpty()) {
			p.add(new FieldError("decision", "quality.cert.review.belowLevels", total));
		}
		fieldErrors.failIfAny(p);
		scores.forEach((code, score) -> repository.saveReview(id, code, score, CertificationAssessments.trim(notes.get(code))));
		if ("APPROVE".equals(decision)) {
			LocalDate from = CertificationAssessments.today();
			LocalDate until = CertificationRules.validUntil(from, level.get().validYears());
			String number = number(from.getYear());
			if (!repository.certify(id, total, level.get().code(), comment, actor.name(), Instant.now(), number, from,
					until)) {
				throw fieldErrors.conflict("quality.cert.review.notSubmitted");
			}
			events.publishEvent(new CertificationAwarded(id, a.communityCode(), level.get().code(), number, until));
		}
		else if (!repository.returnForRework(id, total, comment, actor.name())) {
			throw fieldErrors.conflict("quality.cert.review.notSubmitted");
		}
		return assessments.view(repository.assessment(id).orElseThrow());
	}

	/** An unguessable certificate number: QC-, the year, a dash and ten letters or digits. */
	static String number(int year) {
		StringBuilder b = new StringBuilder("QC-").append(year).append('-');
		for (int i = 0; i < 10; i++) {
			b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return b.toString();
	}
}
