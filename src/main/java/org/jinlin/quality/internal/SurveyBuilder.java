package org.jinlin.quality.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandIndicators;
import org.jinlin.eldercare.ElderIndicators;
import org.jinlin.people.ResidentRegister;
import org.jinlin.quality.internal.SurveyRepository.ItemRow;
import org.jinlin.quality.internal.SurveyRepository.SurveyRow;
import org.jinlin.quality.internal.SurveyRules.Draft;
import org.jinlin.quality.internal.SurveyRules.ItemDraft;
import org.jinlin.quality.internal.SurveyRules.Status;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building a satisfaction survey (a draft questionnaire for a territory of the jurisdiction), opening and closing it,
 * and drawing its sample: the residents the sampling rule names, read through the owning modules' query services,
 * drawn at random with the survey's seed and invited in-app.
 */
@Service
@RequiredArgsConstructor
public class SurveyBuilder {

	private final SurveyRepository repository;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	private final DemandIndicators demands;

	private final ElderIndicators elders;

	private final ResidentRegister residents;

	/** Creates a draft questionnaire; all or nothing. */
	@Transactional
	public long create(Draft draft) {
		Actor actor = SurveyAccess.requireManager();
		List<FieldError> errors = new ArrayList<>(SurveyRules.validate(draft));
		TerritoryNode node = null;
		if (draft != null) {
			String code = FieldErrors.trim(draft.territory());
			node = code == null ? territories.lookup(actor.territoryId()).orElse(null)
					: territories.lookupByCode(code).filter(n -> actor.covers(n.path())).orElse(null);
			if (node == null) {
				errors.add(new FieldError("territory", "quality.survey.territory.unknown"));
			}
		}
		fieldErrors.failIfAny(errors);
		long seed = draft.seed() != null ? draft.seed() : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
		long id = repository.insert(new SurveyRow(0, draft.title().strip(), node.id(), node.code(), node.name(),
				node.path(), draft.periodFrom(), draft.periodTo(), Status.DRAFT, SurveyRules.rule(draft.samplingRule()),
				draft.sampleSize(), seed, actor.name(), Instant.now()));
		List<ItemRow> items = new ArrayList<>();
		for (int i = 0; i < draft.items().size(); i++) {
			ItemDraft d = draft.items().get(i);
			items.add(new ItemRow(0, i + 1, SurveyRules.kind(d.kind()), d.text().strip(), d.dimension().strip(),
					d.weight().setScale(2, java.math.RoundingMode.UNNECESSARY), SurveyRules.normalizedOptions(d.options())));
		}
		repository.insertItems(id, items);
		return id;
	}

	/** Draft → open → closed; another change is a conflict (409). */
	@Transactional
	public void move(long id, Status to) {
		SurveyAccess.requireManager();
		SurveyRow survey = survey(id);
		if (!SurveyRules.canMove(survey.status(), to) || !repository.move(id, survey.status(), to, Instant.now())) {
			throw fieldErrors.conflict("quality.survey.state.conflict", survey.status().name(), to.name());
		}
	}

	/**
	 * Draws the sample of an open survey and invites it (once: a second draw is a conflict). The population is the
	 * sampling rule's residents of the survey's territory and period; the draw is reproducible from the seed.
	 *
	 * @return how many residents were invited
	 */
	@Transactional
	public int invite(long id) {
		SurveyAccess.requireManager();
		SurveyRow survey = survey(id);
		if (survey.status() != Status.OPEN) {
			throw fieldErrors.conflict("quality.survey.invite.notOpen");
		}
		if (repository.invitations(id) > 0) {
			throw fieldErrors.conflict("quality.survey.invite.done");
		}
		List<Long> sample = SurveyRules.sample(population(survey), survey.sampleSize(), survey.seed());
		repository.insertInvitations(id, sample, Instant.now());
		return sample.size();
	}

	/** The residents the survey's rule names, before sampling. */
	public List<Long> population(SurveyRow s) {
		return switch (s.samplingRule()) {
			case DEMANDS_CLOSED -> demands.lookupResidentsWithDemandsClosed(s.territoryPath(), s.periodFrom(), s.periodTo());
			case ELDERS_VISITED -> elders.lookupResidentsVisited(s.territoryPath(), s.periodFrom(), s.periodTo());
			case ALL_RESIDENTS -> residents.lookupActiveIdsUnder(s.territoryPath());
		};
	}

	/** A survey of the caller's jurisdiction, else 404. */
	private SurveyRow survey(long id) {
		Actor actor = SurveyAccess.requireReader();
		return repository.find(id).filter(s -> actor.covers(s.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No survey " + id));
	}
}
