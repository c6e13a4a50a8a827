package org.jinlin.quality.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.quality.internal.CertificationRepository.Assessment;
import org.jinlin.quality.internal.CertificationRepository.Criterion;
import org.jinlin.quality.internal.CertificationRepository.Evidence;
import org.jinlin.quality.internal.CertificationRepository.Score;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's self-assessment: its workers start one against the current checklist version (one open at a time),
 * score each criterion with a note, add evidence (a file kept in the database, or a link to records of the
 * platform) and submit it; a returned assessment is edited and submitted again. Staff read the assessments of their
 * jurisdiction (another jurisdiction's is not found).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CertificationAssessments {

	/** The kinds of link to records of the platform. */
	public static final Set<String> LINK_KINDS = Set.of("INDICATOR", "DEMAND", "FACILITY");

	private final CertificationRepository repository;

	private final Territories territories;

	private final CareFacilities facilities;

	private final FieldErrors fieldErrors;

	/** A score, note (self) or comment (review) for a criterion. */
	public record Entry(String criterion, Integer score, String note) {
	}

	/** A new self-assessment: the community (blank: the caller's own) and any first scores. */
	public record Start(String community, List<Entry> scores) {
	}

	/** A link to records of the platform: kind INDICATOR (an indicator code), DEMAND or FACILITY (an id). */
	public record Link(String criterion, String kind, String ref) {
	}

	/** An assessment with everything shown about it. */
	public record View(Assessment assessment, String communityName, List<Criterion> criteria, Map<String, Score> scores,
			List<Evidence> evidence, CertificationRules.Standing standing) {

		public List<Evidence> evidenceOf(String criterion) {
			return evidence.stream().filter(e -> e.criterionCode().equals(criterion)).toList();
		}

		public boolean editable() {
			return "DRAFT".equals(assessment.status()) || "RETURNED".equals(assessment.status());
		}
	}

	/** An assessment in a list: its community's name and, once certified, where its certificate stands today. */
	public record Row(Assessment assessment, String communityName, CertificationRules.Standing standing) {
	}

	@Transactional(readOnly = true)
	public List<Row> list() {
		Actor actor = QualityAccess.requireReader();
		List<Assessment> list = repository.under(actor.territoryPath());
		Map<Long, String> names = new HashMap<>();
		territories.lookupAll(list.stream().map(Assessment::communityId).distinct().toList())
			.forEach(n -> names.put(n.id(), n.name()));
		LocalDate today = today();
		return list.stream()
			.map(a -> new Row(a, names.getOrDefault(a.communityId(), a.communityCode()),
					a.validUntil() == null ? null : CertificationRules.standing(a.validUntil(), today)))
			.toList();
	}

	@Transactional(readOnly = true)
	public View view(long id) {
		Actor actor = QualityAccess.requireReader();
		return view(load(actor, id));
	}

	public View start(Start start) {
		Actor actor = QualityAccess.requireSelfAssessor();
		TerritoryNode community = community(actor, start == null ? null : start.community());
		int version = repository.currentVersion();
		List<Entry> entries = start == null || start.scores() == null ? List.of() : start.scores();
		validate(repository.criteria(version), entries);
		if (repository.open(community.code()).isPresent()) {
			throw fieldErrors.conflict("quality.cert.assessment.open", community.name());
		}
		long id = repository.insertAssessment(community.id(), community.code(), community.path(), version, actor.name());
		entries.forEach(e -> repository.saveSelf(id, e.criterion(), e.score(), trim(e.note())));
		return view(repository.assessment(id).orElseThrow());
	}

	public View saveSelf(long id, List<Entry> entries) {
		Actor actor = QualityAccess.requireSelfAssessor();
		Assessment a = editable(actor, id);
		List<Entry> list = entries == null ? List.of() : entries;
		validate(repository.criteria(a.checklistVersion()), list);
		list.forEach(e -> repository.saveSelf(id, e.criterion(), e.score(), trim(e.note())));
		return view(a);
	}

	public Evidence addFile(long id, String criterion, String fileName, String contentType, byte[] bytes) {
		Actor actor = QualityAccess.requireSelfAssessor();
		Assessment a = editable(actor, id);
		List<FieldError> p = new ArrayList<>();
		criterion(a, criterion, p);
		String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
		if (bytes == null || bytes.length == 0) {
			p.add(new FieldError("file", "quality.cert.file.missing"));
		}
		else if (bytes.length > CertificationRules.FILE_MAX_BYTES) {
			p.add(new FieldError("file", "quality.cert.file.size", CertificationRules.FILE_MAX_BYTES / 1024 / 1024));
		}
		else if (!CertificationRules.fileTypeMatches(contentType, bytes)) {
			p.add(new FieldError("file", "quality.cert.file.type"));
		}
		if (name.isEmpty() || name.length() > 200) {
			name = name.isEmpty() ? "evidence" : name.substring(name.length() - 200);
		}
		fieldErrors.failIfAny(p);
		long evidence = repository.addFile(id, criterion.strip(), name, contentType, bytes, actor.name());
		return repository.evidence(id).stream().filter(e -> e.id() == evidence).findFirst().orElseThrow();
	}

	public Evidence addLink(long id, Link link) {
		Actor actor = QualityAccess.requireSelfAssessor();
		Assessment a = editable(actor, id);
		List<FieldError> p = new ArrayList<>();
		criterion(a, link == null ? null : link.criterion(), p);
		String kind = link == null || link.kind() == null ? "" : link.kind().strip();
		String ref = link == null || link.ref() == null ? "" : link.ref().strip();
		if (!LINK_KINDS.contains(kind)) {
			p.add(new FieldError("kind", "quality.cert.link.kind"));
		}
		else if ("INDICATOR".equals(kind) ? IndicatorCatalogue.find(ref).isEmpty()
				: !ref.matches("[1-9][0-9]{0,17}")
						|| ("FACILITY".equals(kind) && facilities.find(Long.parseLong(ref)).isEmpty())) {
			p.add(new FieldError("ref", "quality.cert.link.ref"));
		}
		fieldErrors.failIfAny(p);
		long evidence = repository.addLink(id, link.criterion().strip(), kind, ref, actor.name());
		return repository.evidence(id).stream().filter(e -> e.id() == evidence).findFirst().orElseThrow();
	}

	public View submit(long id) {
		Actor actor = QualityAccess.requireSelfAssessor();
		Assessment a = editable(actor, id);
		var criteria = repository.criteria(a.checklistVersion());
		Map<String, Integer> scores = selfScores(id);
		List<String> unscored = CertificationRules.unscored(criteria.stream().map(Criterion::weighted).toList(), scores);
		if (!unscored.isEmpty()) {
			throw fieldErrors.invalid("scores", "quality.cert.unscored", String.join(", ", unscored));
		}
		if (!repository.submit(id, CertificationRules.total(criteria.stream().map(Criterion::weighted).toList(), scores),
				actor.name())) {
			throw fieldErrors.conflict("quality.cert.assessment.notEditable");
		}
		return view(repository.assessment(id).orElseThrow());
	}

	@Transactional(readOnly = true)
	public CertificationRepository.EvidenceFile file(long id, long evidenceId) {
		Actor actor = QualityAccess.requireReader();
		load(actor, id);
		return repository.file(id, evidenceId).orElseThrow(() -> new NotFoundException("No such evidence"));
	}

	View view(Assessment a) {
		var criteria = repository.criteria(a.checklistVersion());
		Map<String, Score> scores = new LinkedHashMap<>();
		repository.scores(a.id()).forEach(s -> scores.put(s.criterionCode(), s));
		String name = territories.lookup(a.communityId()).map(TerritoryNode::name).orElse(a.communityCode());
		return new View(a, name, criteria, scores, repository.evidence(a.id()),
				a.validUntil() == null ? null : CertificationRules.standing(a.validUntil(), today()));
	}

	Assessment load(Actor actor, long id) {
		return repository.assessment(id).filter(a -> actor.covers(a.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No assessment " + id));
	}

	Map<String, Integer> selfScores(long id) {
		Map<String, Integer> m = new HashMap<>();
		repository.scores(id).forEach(s -> m.put(s.criterionCode(), s.selfScore()));
		return m;
	}

	static LocalDate today() {
		return LocalDate.now(QualityIndicators.ZONE);
	}

	private Assessment editable(Actor actor, long id) {
		Assessment a = load(actor, id);
		if (!"DRAFT".equals(a.status()) && !"RETURNED".equals(a.status())) {
			throw fieldErrors.conflict("quality.cert.assessment.notEditable");
		}
		return a;
	}

	private void criterion(Assessment a, String criterion, List<FieldError> p) {
		if (criterion == null
				|| repository.criteria(a.checklistVersion()).stream().noneMatch(c -> c.code().equals(criterion.strip()))) {
			p.add(new FieldError("criterion", "quality.cert.criterion.unknown", criterion == null ? "" : criterion));
		}
	}

	private void validate(List<Criterion> criteria, List<Entry> entries) {
		Map<String, Integer> scores = new HashMap<>();
		Map<String, String> notes = new HashMap<>();
		List<FieldError> p = new ArrayList<>();
		for (Entry e : entries) {
			if (e == null || e.criterion() == null) {
				p.add(new FieldError("scores", "quality.cert.criterion.unknown", ""));
				continue;
			}
			scores.put(e.criterion(), e.score());
			notes.put(e.criterion(), e.note());
		}
		p.addAll(CertificationRules.scoreProblems(criteria.stream().map(Criterion::weighted).toList(), scores, notes));
		fieldErrors.failIfAny(p);
	}

	private TerritoryNode community(Actor actor, String code) {
		TerritoryNode node = code == null || code.isBlank() ? territories.lookup(actor.territoryId()).orElse(null)
				: territories.lookupByCode(code.strip()).filter(n -> actor.covers(n.path())).orElse(null);
		if (node == null) {
			throw new NotFoundException("No territory " + code);
		}
		if (node.level() != TerritoryLevel.COMMUNITY) {
			throw fieldErrors.invalid("community", "quality.cert.community.level");
		}
		return node;
	}

	static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
