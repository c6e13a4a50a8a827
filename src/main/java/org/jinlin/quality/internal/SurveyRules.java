package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.jinlin.shared.web.FieldErrors.FieldError;

/**
 * The satisfaction surveys' rules (Spring-free): what makes a questionnaire valid, its states, how answers are scored
 * and how a sample is drawn.
 * <p>
 * <b>Scoring</b> follows GB/T 19038 (顾客满意测评模型和方法指南)'s approach: each item's answers are scored on a
 * 0–100 scale (a 5-point Likert answer x ∈ {1 很不满意 … 5 很满意} as {@code (x − 1) / (5 − 1) × 100}; a scored
 * multiple-choice option by the score the questionnaire gives it), an item's performance is the mean score of its
 * answers, x̄ᵢ, and the satisfaction index is the importance-weighted mean {@code CSI = Σ wᵢ·x̄ᵢ / Σ wᵢ} over the scored
 * items — by dimension over that dimension's items, overall over all. Every scored item must be answered, so the overall
 * index also equals the mean of the responses' own weighted scores.
 */
public final class SurveyRules {

	/** A questionnaire's states: built as a draft, answered while open, reported once closed. */
	public enum Status {
		DRAFT, OPEN, CLOSED
	}

	public enum ItemKind {
		LIKERT, CHOICE
	}

	/** Who is invited: the population the sample is drawn from (the survey's territory and period). */
	public enum SamplingRule {
		/** Residents who raised a demand closed in the survey's period. */
		DEMANDS_CLOSED,
		/** Elders who had a visit in the survey's period. */
		ELDERS_VISITED,
		/** Every active resident of the territory. */
		ALL_RESIDENTS
	}

	/** How an answer came in: the resident on the phone page, or staff after a phone call. */
	public enum Channel {
		ONLINE, PHONE
	}

	public static final int LIKERT_POINTS = 5;

	public static final int MAX_ITEMS = 40;

	public static final int MAX_OPTIONS = 10;

	public static final int MAX_SAMPLE = 5000;

	public static final int MAX_PERIOD_DAYS = 366;

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private SurveyRules() {
	}

	/** A questionnaire as submitted. */
	public record Draft(String title, String territory, LocalDate periodFrom, LocalDate periodTo, String samplingRule,
			Integer sampleSize, Long seed, List<ItemDraft> items) {
	}

	/**
	 * One item as submitted. {@code options} for multiple choice, each {@code text} or {@code text|score} (score 0–100):
	 * either every option has a score (a scored item) or none has (a descriptive item, weight 0).
	 */
	public record ItemDraft(String kind, String text, String dimension, BigDecimal weight, List<String> options) {
	}

	/** One option of a multiple-choice item; {@code score} null for a descriptive item. */
	public record Option(String text, Integer score) {
	}

	/** Whether a state change is allowed: draft → open → closed, nothing else. */
	public static boolean canMove(Status from, Status to) {
		return (from == Status.DRAFT && to == Status.OPEN) || (from == Status.OPEN && to == Status.CLOSED);
	}

	/** The field errors of a questionnaire (none: valid). The territory is checked by the service. */
	public static List<FieldError> validate(Draft d) {
		List<FieldError> errors = new ArrayList<>();
		if (d == null) {
			errors.add(new FieldError("title", "quality.survey.title.required"));
			return errors;
		}
		if (blank(d.title())) {
			errors.add(new FieldError("title", "quality.survey.title.required"));
		}
		else if (d.title().strip().length() > 200) {
			errors.add(new FieldError("title", "quality.survey.title.length", 200));
		}
		if (d.periodFrom() == null) {
			errors.add(new FieldError("periodFrom", "quality.survey.period.required"));
		}
		if (d.periodTo() == null) {
			errors.add(new FieldError("periodTo", "quality.survey.period.required"));
		}
		for (var e : List.of(Map.entry("periodFrom", java.util.Optional.ofNullable(d.periodFrom())),
				Map.entry("periodTo", java.util.Optional.ofNullable(d.periodTo())))) {
			if (e.getValue().isPresent() && (e.getValue().get().getYear() < MIN_YEAR || e.getValue().get().getYear() > MAX_YEAR)) {
				errors.add(new FieldError(e.getKey(), "quality.survey.period.range", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
			}
		}
		if (d.periodFrom() != null && d.periodTo() != null && errors.stream().noneMatch(e -> e.field().startsWith("period"))) {
			if (d.periodTo().isBefore(d.periodFrom())) {
				errors.add(new FieldError("periodTo", "quality.survey.period.order"));
			}
			else if (ChronoUnit.DAYS.between(d.periodFrom(), d.periodTo()) >= MAX_PERIOD_DAYS) {
				errors.add(new FieldError("periodTo", "quality.survey.period.span", MAX_PERIOD_DAYS));
			}
		}
		if (rule(d.samplingRule()) == null) {
			errors.add(new FieldError("samplingRule", "quality.survey.sampling.required"));
		}
		if (d.sampleSize() == null || d.sampleSize() < 1 || d.sampleSize() > MAX_SAMPLE) {
			errors.add(new FieldError("sampleSize", "quality.survey.sample.range", MAX_SAMPLE));
		}
		List<ItemDraft> items = d.items() == null ? List.of() : d.items();
		if (items.isEmpty()) {
			errors.add(new FieldError("items", "quality.survey.items.required"));
		}
		else if (items.size() > MAX_ITEMS) {
			errors.add(new FieldError("items", "quality.survey.items.many", MAX_ITEMS));
		}
		else {
			boolean scored = false;
			for (int i = 0; i < items.size(); i++) {
				errors.addAll(validate(items.get(i), "items[" + i + "]."));
				scored |= items.get(i) != null && isScored(items.get(i));
			}
			if (!scored && errors.isEmpty()) {
				errors.add(new FieldError("items", "quality.survey.items.scored"));
			}
		}
		return errors;
	}

	/** One item's field errors, each field prefixed (e.g. {@code items[2].weight}). */
	public static List<FieldError> validate(ItemDraft item, String prefix) {
		List<FieldError> errors = new ArrayList<>();
		if (item == null) {
			errors.add(new FieldError(prefix + "text", "quality.survey.item.text.required"));
			return errors;
		}
		ItemKind kind = kind(item.kind());
		if (kind == null) {
			errors.add(new FieldError(prefix + "kind", "quality.survey.item.kind.required"));
		}
		if (blank(item.text())) {
			errors.add(new FieldError(prefix + "text", "quality.survey.item.text.required"));
		}
		else if (item.text().strip().length() > 300) {
			errors.add(new FieldError(prefix + "text", "quality.survey.item.text.length", 300));
		}
		if (blank(item.dimension())) {
			errors.add(new FieldError(prefix + "dimension", "quality.survey.item.dimension.required"));
		}
		else if (item.dimension().strip().length() > 40) {
			errors.add(new FieldError(prefix + "dimension", "quality.survey.item.dimension.length", 40));
		}
		boolean scored = kind != ItemKind.CHOICE || isScored(item);
		if (kind == ItemKind.CHOICE) {
			List<String> raw = options(item.options());
			if (raw.size() < 2 || raw.size() > MAX_OPTIONS) {
				errors.add(new FieldError(prefix + "options", "quality.survey.item.options.count", MAX_OPTIONS));
			}
			else {
				List<Option> parsed = new ArrayList<>();
				for (String o : raw) {
					Option option = option(o);
					if (option == null) {
						errors.add(new FieldError(prefix + "options", "quality.survey.item.options.invalid", o));
						break;
					}
					parsed.add(option);
				}
				long withScore = parsed.stream().filter(o -> o.score() != null).count();
				if (parsed.size() == raw.size() && withScore != 0 && withScore != parsed.size()) {
					errors.add(new FieldError(prefix + "options", "quality.survey.item.options.mixed"));
				}
			}
		}
		else if (kind == ItemKind.LIKERT && !options(item.options()).isEmpty()) {
			errors.add(new FieldError(prefix + "options", "quality.survey.item.options.likert"));
		}
		BigDecimal w = item.weight();
		if (w == null || w.signum() < 0 || w.compareTo(BigDecimal.valueOf(100)) > 0 || w.scale() > 2) {
			errors.add(new FieldError(prefix + "weight", "quality.survey.item.weight.range"));
		}
		else if (scored && w.signum() == 0) {
			errors.add(new FieldError(prefix + "weight", "quality.survey.item.weight.scored"));
		}
		else if (!scored && w.signum() != 0) {
			errors.add(new FieldError(prefix + "weight", "quality.survey.item.weight.descriptive"));
		}
		return errors;
	}

	/** Whether an item counts in the index: a Likert item, or a multiple-choice item whose options carry scores. */
	public static boolean isScored(ItemDraft item) {
		if (kind(item.kind()) == ItemKind.LIKERT) {
			return true;
		}
		return options(item.options()).stream().map(SurveyRules::option).anyMatch(o -> o != null && o.score() != null);
	}

	/** The option lines that are not blank, stripped. */
	public static List<String> options(List<String> options) {
		return options == null ? List.of()
				: options.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
	}

	/** An option line ({@code text} or {@code text|score}); null when its text is blank or longer than 100, or its score is not 0–100. */
	public static Option option(String line) {
		if (line == null) {
			return null;
		}
		int bar = line.lastIndexOf('|');
		String text = (bar < 0 ? line : line.substring(0, bar)).strip();
		if (text.isEmpty() || text.length() > 100 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return null;
		}
		if (bar < 0) {
			return new Option(text, null);
		}
		try {
			int score = Integer.parseInt(line.substring(bar + 1).strip());
			return score < 0 || score > 100 ? null : new Option(text, score);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** The option lines as stored: {@code text} or {@code text|score}, stripped and with the score as a plain number. */
	public static List<String> normalizedOptions(List<String> options) {
		return options(options).stream().map(SurveyRules::option)
			.map(o -> o.score() == null ? o.text() : o.text() + "|" + o.score()).toList();
	}

	public static ItemKind kind(String kind) {
		return parse(ItemKind.class, kind);
	}

	public static SamplingRule rule(String rule) {
		return parse(SamplingRule.class, rule);
	}

	/** A Likert answer (1 很不满意 … 5 很满意) on the 0–100 scale. */
	public static double likertScore(int answer) {
		if (answer < 1 || answer > LIKERT_POINTS) {
			throw new IllegalArgumentException("Likert answer out of range: " + answer);
		}
		return (answer - 1) * 100.0 / (LIKERT_POINTS - 1);
	}

	/** One scored item of a questionnaire, as the index weighs it. */
	public record Scored(long itemId, String dimension, double weight) {
	}

	/**
	 * One response's weighted score, {@code Σ wᵢ·sᵢ / Σ wᵢ} over the scored items (every one answered), 0–100.
	 *
	 * @param scores item id → the answer's score 0–100
	 */
	public static double responseScore(List<Scored> items, Map<Long, Double> scores) {
		double sum = 0;
		double weights = 0;
		for (Scored item : items) {
			Double s = scores.get(item.itemId());
			if (s == null) {
				throw new IllegalArgumentException("Item " + item.itemId() + " not answered");
			}
			sum += item.weight() * s;
			weights += item.weight();
		}
		return weights == 0 ? 0 : sum / weights;
	}

	/**
	 * The index of a set of items from their mean scores, {@code CSI = Σ wᵢ·x̄ᵢ / Σ wᵢ}; null when no item has a mean
	 * (nothing answered).
	 *
	 * @param means item id → the mean score 0–100 of its answers
	 */
	public static Double index(List<Scored> items, Map<Long, Double> means) {
		double sum = 0;
		double weights = 0;
		for (Scored item : items) {
			Double m = means.get(item.itemId());
			if (m != null) {
				sum += item.weight() * m;
				weights += item.weight();
			}
		}
		return weights == 0 ? null : round1(sum / weights);
	}

	/** The index by dimension, in the order the dimensions first appear. */
	public static Map<String, Double> indexByDimension(List<Scored> items, Map<Long, Double> means) {
		Map<String, List<Scored>> byDimension = new LinkedHashMap<>();
		for (Scored item : items) {
			byDimension.computeIfAbsent(item.dimension(), k -> new ArrayList<>()).add(item);
		}
		Map<String, Double> result = new LinkedHashMap<>();
		byDimension.forEach((dimension, list) -> result.put(dimension, index(list, means)));
		return result;
	}

	/** The importance–performance matrix's quadrants. */
	public enum Quadrant {
		/** Important and well done: keep it up. */
		KEEP,
		/** Important and poorly done: improve first. */
		IMPROVE,
		/** Less important and poorly done: improve later. */
		LOW_PRIORITY,
		/** Less important and well done: effort that could go elsewhere. */
		POSSIBLE_OVERKILL
	}

	/**
	 * An item's quadrant: importance against the mean importance of the scored items, performance against their mean
	 * performance (the crosshairs of the matrix); on a line counts as high.
	 */
	public static Quadrant quadrant(double importance, double performance, double meanImportance,
			double meanPerformance) {
		boolean important = importance >= meanImportance;
		boolean good = performance >= meanPerformance;
		if (important) {
			return good ? Quadrant.KEEP : Quadrant.IMPROVE;
		}
		return good ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY;
	}

	/** A share in percent (response rate); null when there is nothing to divide by. */
	public static Double rate(long part, long whole) {
		return whole == 0 ? null : round1(part * 100.0 / whole);
	}

	/**
	 * The sample: {@code size} distinct residents drawn at random from the population with a seeded generator, so the
	 * same population and seed give the same sample (the population is ordered first, whatever order it came in); the
	 * whole population when it is no larger. Returned in id order.
	 */
	public static List<Long> sample(Collection<Long> population, int size, long seed) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(population));
		if (ids.size() > size) {
			Collections.shuffle(ids, new Random(seed));
			ids = new ArrayList<>(ids.subList(0, size));
		}
		Collections.sort(ids);
		return ids;
	}

	public static double round1(double v) {
		return Math.round(v * 10) / 10.0;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
