package org.jinlin.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.SurveyAnswering;
import org.jinlin.quality.internal.SurveyBuilder;
import org.jinlin.quality.internal.SurveyRepository;
import org.jinlin.quality.internal.SurveyRepository.ItemRow;
import org.jinlin.quality.internal.SurveyRepository.SurveyRow;
import org.jinlin.quality.internal.SurveyRules;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a satisfaction survey with its sample and answers in one go (the demo city): the questionnaire is checked by
 * the same rules as the builder's, the sample drawn by its rule and seed, each answer scored as an answer is.
 */
@Service
@RequiredArgsConstructor
public class SurveyBulkLoad {

	private final SurveyRepository repository;

	private final SurveyBuilder builder;

	private final SurveyAnswering answering;

	/** An item: kind LIKERT or CHOICE, options "text" or "text|score". */
	public record NewItem(String kind, String text, String dimension, BigDecimal weight, List<String> options) {
	}

	/** A response: answers by item position (from 1), Likert 1–5 or an option index; by phone or online. */
	public record NewResponse(boolean byPhone, LocalDate on, Map<Integer, Integer> byPosition) {
	}

	/**
	 * A survey of a territory and period; the first responses go to the first invitations drawn (as many as were
	 * drawn); closed afterwards when {@code closed}.
	 *
	 * @return the survey's id
	 */
	@Transactional
	public long load(TerritoryNode territory, String title, LocalDate from, LocalDate to, String samplingRule,
			int sampleSize, long seed, List<NewItem> items, List<NewResponse> responses, boolean closed, String by) {
		List<SurveyRules.ItemDraft> drafts = items.stream()
			.map(i -> new SurveyRules.ItemDraft(i.kind(), i.text(), i.dimension(), i.weight(), i.options())).toList();
		var errors = SurveyRules.validate(new SurveyRules.Draft(title, territory.code(), from, to, samplingRule,
				sampleSize, seed, drafts));
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("Invalid demo survey: " + errors);
		}
		Instant now = Instant.now();
		SurveyRow row = new SurveyRow(0, title, territory.id(), territory.code(), territory.name(), territory.path(),
				from, to, SurveyRules.Status.DRAFT, SurveyRules.rule(samplingRule), sampleSize, seed, by, now);
		long id = repository.insert(row);
		for (int i = 0; i < drafts.size(); i++) {
			var d = drafts.get(i);
			repository.insertItems(id, List.of(new ItemRow(0, i + 1, SurveyRules.kind(d.kind()), d.text(), d.dimension(),
					d.weight().setScale(2), SurveyRules.normalizedOptions(d.options()))));
		}
		repository.move(id, SurveyRules.Status.DRAFT, SurveyRules.Status.OPEN, now);
		List<Long> sample = SurveyRules.sample(builder.population(repository.find(id).orElseThrow()), sampleSize, seed);
		repository.insertInvitations(id, sample, now);
		List<ItemRow> stored = repository.items(id);
		List<SurveyRepository.Invitation> invitations = repository.pending(id, 0, sample.size());
		for (int i = 0; i < Math.min(invitations.size(), responses.size()); i++) {
			NewResponse r = responses.get(i);
			Map<Long, Integer> answers = new HashMap<>();
			r.byPosition().forEach((position, choice) -> answers.put(stored.get(position - 1).id(), choice));
			answering.recordLoaded(stored, id, invitations.get(i).id(),
					r.byPhone() ? SurveyRules.Channel.PHONE : SurveyRules.Channel.ONLINE, r.byPhone() ? by : null, r.on(),
					answers);
		}
		if (closed) {
			repository.move(id, SurveyRules.Status.OPEN, SurveyRules.Status.CLOSED, now);
		}
		return id;
	}
}
