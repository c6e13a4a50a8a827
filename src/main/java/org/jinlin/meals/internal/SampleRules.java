package org.jinlin.meals.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jinlin.meals.MealTime;
import org.jinlin.shared.web.FieldErrors.FieldError;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The food-safety rules of retained samples (留样), plain Java: a sample of every dish of every meal served, at least
 * 125 g, kept refrigerated at least 48 hours before it may be disposed of; an optional photo, a JPEG or PNG (by its
 * declared type and its first bytes) of at most 2 MB; which dishes of a meal still miss a sample; when a meal is over
 * (lunch at 14:00, dinner at 20:00) and which meal a sale belongs to (before 15:00: lunch).
 */
public final class SampleRules {

	public static final int MIN_GRAMS = 125;

	static final int MAX_GRAMS = 5000;

	public static final Duration KEEP = Duration.ofHours(48);

	public static final int PHOTO_MAX_BYTES = 2 * 1024 * 1024;

	static final LocalTime LUNCH_OVER = LocalTime.of(14, 0);

	static final LocalTime DINNER_OVER = LocalTime.of(20, 0);

	static final LocalTime DINNER_FROM = LocalTime.of(15, 0);

	private SampleRules() {
	}

	/** What the canteen logs. */
	public record SampleInput(LocalDate servedOn, MealTime meal, String dish, Integer weightGrams, String fridge) {
	}

	/** An uploaded photo: its declared content type and bytes. */
	public record Photo(String contentType, byte[] bytes) {

		public boolean present() {
			return bytes != null && bytes.length > 0;
		}
	}

	/** The problems of a sample, as field errors; {@code today} bounds the meal's day (from two days ago to today). */
	public static List<FieldError> problems(SampleInput in, Photo photo, LocalDate today) {
		List<FieldError> p = new ArrayList<>();
		if (in.servedOn() == null) {
			p.add(new FieldError("servedOn", "meals.error.required"));
		}
		else if (in.servedOn().isAfter(today) || in.servedOn().isBefore(today.minusDays(2))) {
			p.add(new FieldError("servedOn", "meals.sample.error.day"));
		}
		if (in.meal() == null) {
			p.add(new FieldError("meal", "meals.error.required"));
		}
		text(in.dish(), "dish", 50, p);
		text(in.fridge(), "fridge", 50, p);
		if (in.weightGrams() == null) {
			p.add(new FieldError("weightGrams", "meals.error.required"));
		}
		else if (in.weightGrams() < MIN_GRAMS || in.weightGrams() > MAX_GRAMS) {
			p.add(new FieldError("weightGrams", "meals.sample.error.weight", MIN_GRAMS, MAX_GRAMS));
		}
		if (photo != null && photo.present()) {
			if (photo.bytes().length > PHOTO_MAX_BYTES) {
				p.add(new FieldError("photo", "meals.sample.error.photoSize", PHOTO_MAX_BYTES / 1024 / 1024));
			}
			else if (!imageType(photo)) {
				p.add(new FieldError("photo", "meals.sample.error.photoType"));
			}
		}
		return p;
	}

	/** A JPEG or PNG by declared type AND by its first bytes (a renamed file is refused). */
	static boolean imageType(Photo photo) {
		byte[] b = photo.bytes();
		boolean jpeg = b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
		boolean png = b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A;
		return ("image/jpeg".equals(photo.contentType()) && jpeg) || ("image/png".equals(photo.contentType()) && png);
	}

	/** The first instant a sample taken at {@code takenAt} may be disposed of. */
	public static Instant disposableFrom(Instant takenAt) {
		return takenAt.plus(KEEP);
	}

	/** Whether a sample taken at {@code takenAt} may be disposed of at {@code now} (kept 48 hours). */
	public static boolean mayDispose(Instant takenAt, Instant now) {
		return !now.isBefore(disposableFrom(takenAt));
	}

	/** The dishes of a meal's menu without a sample, in menu order (names compared trimmed). */
	public static List<String> missing(Collection<String> menuDishes, Collection<String> sampledDishes) {
		Set<String> sampled = new LinkedHashSet<>();
		sampledDishes.forEach(d -> sampled.add(d == null ? "" : d.trim()));
		Set<String> missing = new LinkedHashSet<>();
		for (String dish : menuDishes) {
			String d = dish == null ? "" : dish.trim();
			if (!d.isEmpty() && !sampled.contains(d)) {
				missing.add(d);
			}
		}
		return List.copyOf(missing);
	}

	/** Whether a meal of a day is over at {@code now} (its samples should all be there). */
	public static boolean over(LocalDate day, MealTime meal, LocalDateTime now) {
		return !now.isBefore(day.atTime(meal == MealTime.LUNCH ? LUNCH_OVER : DINNER_OVER));
	}

	/** A refrigerator's temperature within 0 to 8 °C. */
	public static boolean refrigerated(java.math.BigDecimal celsius) {
		return celsius.signum() >= 0 && celsius.compareTo(java.math.BigDecimal.valueOf(8)) <= 0;
	}

	/** The meal a sale at this time of day belongs to. */
	public static MealTime mealAt(LocalTime time) {
		return time.isBefore(DINNER_FROM) ? MealTime.LUNCH : MealTime.DINNER;
	}

	private static void text(String value, String field, int max, List<FieldError> p) {
		String v = trim(value);
		if (v == null) {
			p.add(new FieldError(field, "meals.error.required"));
		}
		else if (v.codePointCount(0, v.length()) > max) {
			p.add(new FieldError(field, "meals.error.tooLong", max));
		}
	}
}
