package org.jinlin.quality.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.quality.internal.SurveyRepository.AnswerRow;
import org.jinlin.quality.internal.SurveyRepository.ItemRow;
import org.jinlin.quality.internal.SurveyRepository.ItemStats;
import org.jinlin.quality.internal.SurveyRepository.ResponseRow;
import org.jinlin.quality.internal.SurveyRepository.SurveyRow;
import org.jinlin.quality.internal.SurveyRules.Quadrant;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys of the caller's jurisdiction and their reports: response rate, the satisfaction index by dimension and
 * overall (GB/T 19038's weighted mean, see {@link SurveyRules}), the importance–performance matrix and the anonymous
 * answers each figure counts. No report reads who answered.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SurveyReports {

	private final SurveyRepository repository;

	private final ResidentRegister residents;

	private final Territories territories;

	/** The surveys whose territory lies in the caller's jurisdiction, newest period first. */
	public Paged<SurveyRow> list(int page, int size) {
		Actor actor = SurveyAccess.requireReader();
		int p = Math.max(page, 0);
		int s = Math.min(Math.max(size, 1), 100);
		return new Paged<>(repository.list(actor.territoryPath(), (long) p * s, s), p, s,
				repository.count(actor.territoryPath()));
	}

	/** A survey of the caller's jurisdiction with its items, else 404. */
	public record Detail(SurveyRow survey, List<ItemRow> items) {
	}

	public Detail detail(long id) {
		SurveyRow survey = survey(id);
		return new Detail(survey, repository.items(id));
	}

	/** One item's figures. {@code importance}: its share of the scored items' weights in percent (null: descriptive). */
	public record ItemFigure(ItemRow item, long answers, Double score, Double importance, Quadrant quadrant,
			Map<String, Long> choices) {
	}

	/** A dimension's index. */
	public record DimensionFigure(String dimension, Double index) {
	}

	/**
	 * A survey's report: who was invited (a count), how many answered (and how many by phone), the response rate, the
	 * index overall and by dimension, and every item's figures with its quadrant. Figures with nothing answered are
	 * null, never 0.
	 */
	public record Report(SurveyRow survey, long invited, long responses, Double responseRate, Double index,
			List<DimensionFigure> dimensions, List<ItemFigure> items, double meanImportance, Double meanPerformance) {
	}

	public Report report(long id) {
		SurveyRow survey = survey(id);
		List<ItemRow> items = repository.items(id);
		Map<Long, ItemStats> stats = repository.itemStats(id);
		long invited = repository.invitations(id);
		long responses = repository.responses(id);
		List<SurveyRules.Scored> scored = new ArrayList<>();
		Map<Long, Double> means = new LinkedHashMap<>();
		double weights = 0;
		for (ItemRow item : items) {
			if (item.scored()) {
				scored.add(new SurveyRules.Scored(item.id(), item.dimension(), item.weight().doubleValue()));
				weights += item.weight().doubleValue();
				ItemStats s = stats.get(item.id());
				if (s != null && s.meanScore() != null) {
					means.put(item.id(), s.meanScore());
				}
			}
		}
		double meanImportance = scored.isEmpty() ? 0 : 100.0 / scored.size();
		Double meanPerformance = means.isEmpty() ? null
				: SurveyRules.round1(means.values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
		List<ItemFigure> figures = new ArrayList<>();
		for (ItemRow item : items) {
			ItemStats s = stats.get(item.id());
			Map<String, Long> choices = new LinkedHashMap<>();
			if (item.kind() == SurveyRules.ItemKind.CHOICE) {
				List<SurveyRules.Option> options = item.parsedOptions();
				for (int i = 0; i < options.size(); i++) {
					choices.put(options.get(i).text(), s == null ? 0L : s.choices().getOrDefault(i, 0L));
				}
			}
			else {
				for (int i = SurveyRules.LIKERT_POINTS; i >= 1; i--) {
					choices.put(String.valueOf(i), s == null ? 0L : s.choices().getOrDefault(i, 0L));
				}
			}
			Double score = item.scored() ? means.get(item.id()) : null;
			Double importance = item.scored() && weights > 0
					? SurveyRules.round1(item.weight().doubleValue() * 100 / weights) : null;
			Quadrant quadrant = score == null || importance == null ? null
					: SurveyRules.quadrant(importance, score, meanImportance, meanPerformance);
			figures.add(new ItemFigure(item, s == null ? 0 : s.answers(), score == null ? null : SurveyRules.round1(score),
					importance, quadrant, choices));
		}
		List<DimensionFigure> dimensions = SurveyRules.indexByDimension(scored, means).entrySet().stream()
			.map(e -> new DimensionFigure(e.getKey(), e.getValue())).toList();
		return new Report(survey, invited, responses, SurveyRules.rate(responses, invited),
				SurveyRules.index(scored, means), dimensions, figures, SurveyRules.round1(meanImportance),
				meanPerformance);
	}

	/** One anonymous response with its answers by item id: no resident, no invitation. */
	public record AnonymousResponse(ResponseRow response, Map<Long, AnswerRow> answers) {
	}

	/** A page of a survey's anonymous responses, in the order they came; their total is the report's responses. */
	public Paged<AnonymousResponse> answers(long id, int page, int size) {
		survey(id);
		int p = Math.max(page, 0);
		int s = Math.min(Math.max(size, 1), 1000);
		List<ResponseRow> rows = repository.responses(id, (long) p * s, s);
		Map<Long, List<AnswerRow>> answers = repository.answers(rows.stream().map(ResponseRow::id).toList());
		List<AnonymousResponse> items = rows.stream().map(r -> {
			Map<Long, AnswerRow> byItem = new LinkedHashMap<>();
			answers.getOrDefault(r.id(), List.of()).forEach(a -> byItem.put(a.itemId(), a));
			return new AnonymousResponse(r, byItem);
		}).toList();
		return new Paged<>(items, p, s, repository.responses(id));
	}

	/** An invitation not answered yet, for staff to call: the resident's name masked and her community. */
	public record Pending(long invitationId, String name, String community) {
	}

	/** A page of the invitations still unanswered (staff enter answers after calling). */
	public List<Pending> pending(long id, int limit) {
		survey(id);
		var invitations = repository.pending(id, 0, Math.min(Math.max(limit, 1), 200));
		Map<Long, ResidentView> views = new LinkedHashMap<>();
		residents.lookupAll(invitations.stream().map(SurveyRepository.Invitation::residentId).toList())
			.forEach(v -> views.put(v.id(), v));
		Map<Long, String> communities = new LinkedHashMap<>();
		return invitations.stream().map(i -> {
			ResidentView v = views.get(i.residentId());
			String community = v == null ? null : communities.computeIfAbsent(v.communityId(),
					c -> territories.lookup(c).map(TerritoryNode::name).orElse(null));
			return new Pending(i.id(), v == null ? "—" : Masking.name(v.name()), community);
		}).toList();
	}

	/** A survey of the caller's jurisdiction, else 404. */
	private SurveyRow survey(long id) {
		Actor actor = SurveyAccess.requireReader();
		return repository.find(id).filter(s -> actor.covers(s.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No survey " + id));
	}
}
