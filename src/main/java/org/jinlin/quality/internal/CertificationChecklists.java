package org.jinlin.quality.internal;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certification checklist: staff read it; district and city officials revise it, and every revision is a new
 * version (assessments keep the version they were made against).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CertificationChecklists {

	private final CertificationRepository repository;

	private final FieldErrors fieldErrors;

	/** A version of the checklist with its criteria, and the levels with their thresholds. */
	public record Checklist(CertificationRepository.Version version, List<CertificationRepository.Criterion> criteria,
			List<CertificationRules.Level> levels) {
	}

	/** A new version: all its criteria, in order, and a note on what changed. */
	public record Revision(String note, List<CertificationRules.Draft> criteria) {
	}

	@Transactional(readOnly = true)
	public Checklist current() {
		QualityAccess.requireReader();
		return of(repository.currentVersion());
	}

	@Transactional(readOnly = true)
	public Checklist version(int version) {
		QualityAccess.requireReader();
		return of(version);
	}

	Checklist of(int version) {
		var v = repository.version(version).orElseThrow(() -> new NotFoundException("No checklist version " + version));
		return new Checklist(v, repository.criteria(version), repository.levels());
	}

	public Checklist revise(Revision revision) {
		var actor = QualityAccess.requireCertificationReviewer();
		List<CertificationRules.Draft> criteria = revision == null || revision.criteria() == null ? List.of()
				: revision.criteria();
		List<FieldError> problems = new ArrayList<>(CertificationRules.checklistProblems(criteria));
		String note = revision == null || revision.note() == null || revision.note().isBlank() ? null
				: revision.note().strip();
		if (note != null && note.length() > 300) {
			problems.add(new FieldError("note", "quality.cert.checklist.note"));
		}
		fieldErrors.failIfAny(problems);
		int next = repository.currentVersion() + 1;
		try {
			repository.insertVersion(next, note, actor.name(), criteria);
		}
		catch (DuplicateKeyException e) {
			throw fieldErrors.conflict("quality.cert.checklist.concurrent");
		}
		return of(next);
	}

	/** A new version with one criterion changed (or added, when its code is new). */
	public Checklist reviseCriterion(CertificationRules.Draft changed, String note) {
		QualityAccess.requireCertificationReviewer();
		List<CertificationRules.Draft> criteria = new ArrayList<>();
		boolean replaced = false;
		for (var c : repository.criteria(repository.currentVersion())) {
			if (changed != null && c.code().equals(changed.code())) {
				criteria.add(changed);
				replaced = true;
			}
			else {
				criteria.add(new CertificationRules.Draft(c.code(), c.section(), c.sectionZh(), c.sectionEn(), c.nameZh(),
						c.nameEn(), c.evidenceZh(), c.evidenceEn(), c.weight(), c.maxScore()));
			}
		}
		if (!replaced) {
			criteria.add(changed);
		}
		return revise(new Revision(note, criteria));
	}
}
