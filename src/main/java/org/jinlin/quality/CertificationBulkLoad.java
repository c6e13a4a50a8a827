package org.jinlin.quality;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.CertificationRepository;
import org.jinlin.quality.internal.CertificationRules;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads certification states at once (a seeded city's history) against the current checklist: a community
 * certified on a given day with the reviewer's scores (the level and validity follow from the rules), or a
 * self-assessment in progress. No events: the caller announces the load in its own way.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CertificationBulkLoad {

	private final CertificationRepository repository;

	/**
	 * A community certified on {@code reviewedOn} by {@code reviewer} with these scores (also its self-scores),
	 * under the given certificate number.
	 *
	 * @return the assessment's id
	 */
	public long certified(TerritoryNode community, LocalDate reviewedOn, Map<String, Integer> scores, String number,
			String assessor, String reviewer) {
		int version = repository.currentVersion();
		var weighted = repository.criteria(version).stream().map(CertificationRepository.Criterion::weighted).toList();
		var total = CertificationRules.total(weighted, scores);
		var level = CertificationRules.level(total, repository.levels())
			.orElseThrow(() -> new IllegalArgumentException("A total of " + total + " earns no level"));
		long id = repository.insertAssessment(community.id(), community.code(), community.path(), version, assessor);
		scores.forEach((code, s) -> {
			repository.saveSelf(id, code, s, null);
			repository.saveReview(id, code, s, null);
		});
		repository.submit(id, total, assessor);
		repository.certify(id, total, level.code(), null, reviewer,
				reviewedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), number, reviewedOn,
				CertificationRules.validUntil(reviewedOn, level.validYears()));
		return id;
	}

	/** A self-assessment in progress: these self-scores and notes so far. */
	public long inProgress(TerritoryNode community, Map<String, Integer> scores, Map<String, String> notes,
			String assessor) {
		long id = repository.insertAssessment(community.id(), community.code(), community.path(),
				repository.currentVersion(), assessor);
		scores.forEach((code, s) -> repository.saveSelf(id, code, s, notes.get(code)));
		return id;
	}
}
