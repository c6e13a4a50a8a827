package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.jinlin.meals.MealTime;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of retained samples as plain Java, table-driven: weight, the 48 hours, which dishes miss a sample. */
class SampleRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 };

	static List<String> fields(SampleRules.SampleInput in, SampleRules.Photo photo) {
		return SampleRules.problems(in, photo, TODAY).stream().map(FieldError::field).toList();
	}

	static SampleRules.SampleInput sample(Integer grams) {
		return new SampleRules.SampleInput(TODAY, MealTime.LUNCH, "红烧肉套餐", grams, "1号留样冰箱");
	}

	@ParameterizedTest(name = "{0} g → valid: {1}")
	@CsvSource({ "124, false", "125, true", "126, true", "5000, true", "5001, false", "0, false", "-1, false" })
	void aSampleWeighsAtLeast125Grams(int grams, boolean valid) {
		assertThat(fields(sample(grams), null).isEmpty()).isEqualTo(valid);
	}

	@ParameterizedTest(name = "kept {0} minutes → may dispose: {1}")
	@CsvSource({ "0, false", "60, false", "2879, false", "2880, true", "4000, true" })
	void aSampleIsKept48HoursBeforeItMayBeDisposedOf(long minutes, boolean may) {
		Instant taken = Instant.parse("2026-12-01T03:00:00Z");
		assertThat(SampleRules.mayDispose(taken, taken.plusSeconds(minutes * 60))).isEqualTo(may);
		assertThat(SampleRules.disposableFrom(taken)).isEqualTo(Instant.parse("2026-12-03T03:00:00Z"));
	}

	@ParameterizedTest(name = "menu {0}, sampled {1} → missing {2}")
	@CsvSource(delimiter = ';', value = { "红烧肉套餐,控糖杂粮餐,清淡粥点; ; 红烧肉套餐,控糖杂粮餐,清淡粥点",
			"红烧肉套餐,控糖杂粮餐; 控糖杂粮餐; 红烧肉套餐", "红烧肉套餐,控糖杂粮餐; 红烧肉套餐, 控糖杂粮餐 ; ",
			"红烧肉套餐; 红烧肉套餐,红烧肉套餐,另一道; ", " ; 红烧肉套餐; ", "红烧肉套餐,红烧肉套餐; ; 红烧肉套餐" })
	void theDishesOfTheMenuWithoutASampleInMenuOrder(String menu, String sampled, String missing) {
		assertThat(SampleRules.missing(list(menu), list(sampled))).containsExactlyElementsOf(list(missing));
	}

	static List<String> list(String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
	}

	@Test
	void everyBadFieldAtOnce() {
		assertThat(fields(new SampleRules.SampleInput(null, null, " ", null, "x".repeat(51)), null))
			.containsExactly("servedOn", "meal", "dish", "fridge", "weightGrams");
		assertThat(fields(new SampleRules.SampleInput(TODAY.plusDays(1), MealTime.LUNCH, "汤", 150, "冰箱"), null))
			.containsExactly("servedOn");
		assertThat(fields(new SampleRules.SampleInput(TODAY.minusDays(3), MealTime.LUNCH, "汤", 150, "冰箱"), null))
			.containsExactly("servedOn");
		assertThat(fields(new SampleRules.SampleInput(TODAY.minusDays(2), MealTime.DINNER, "汤", 150, "冰箱"), null)).isEmpty();
	}

	@ParameterizedTest(name = "{0} with {1} bytes → valid: {2}")
	@CsvSource({ "image/png, png, true", "image/jpeg, jpeg, true", "image/jpeg, png, false", "image/png, text, false",
			"image/gif, png, false", "application/pdf, jpeg, false", ", png, false" })
	void aPhotoIsAJpegOrPngByTypeAndByItsFirstBytes(String type, String bytes, boolean valid) {
		byte[] b = switch (bytes) {
			case "png" -> PNG;
			case "jpeg" -> JPEG;
			default -> "not an image".getBytes();
		};
		assertThat(fields(sample(150), new SampleRules.Photo(type, b)).isEmpty()).isEqualTo(valid);
	}

	@Test
	void aPhotoOver2MegabytesIsRefused() {
		byte[] big = new byte[SampleRules.PHOTO_MAX_BYTES + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		assertThat(fields(sample(150), new SampleRules.Photo("image/png", big))).containsExactly("photo");
		assertThat(fields(sample(150), new SampleRules.Photo("image/png", new byte[0]))).as("no photo").isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} at {2} → over: {3}")
	@CsvSource({ "2026-12-07, LUNCH, 2026-12-07T13:59, false", "2026-12-07, LUNCH, 2026-12-07T14:00, true",
			"2026-12-07, DINNER, 2026-12-07T19:59, false", "2026-12-07, DINNER, 2026-12-07T20:00, true",
			"2026-12-06, DINNER, 2026-12-07T08:00, true", "2026-12-08, LUNCH, 2026-12-07T23:00, false" })
	void aMealIsOverAfterItsServingTime(LocalDate day, MealTime meal, LocalDateTime now, boolean over) {
		assertThat(SampleRules.over(day, meal, now)).isEqualTo(over);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "06:00, LUNCH", "11:30, LUNCH", "14:59, LUNCH", "15:00, DINNER", "18:00, DINNER" })
	void aSaleBelongsToTheMealOfItsTime(LocalTime time, MealTime meal) {
		assertThat(SampleRules.mealAt(time)).isEqualTo(meal);
	}

	@ParameterizedTest(name = "{0} °C → refrigerated: {1}")
	@CsvSource({ "-0.1, false", "0, true", "4.5, true", "8, true", "8.1, false" })
	void aRefrigeratorKeeps0To8Degrees(BigDecimal celsius, boolean ok) {
		assertThat(SampleRules.refrigerated(celsius)).isEqualTo(ok);
	}
}
