package org.jinlin.meals.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealTime;
import org.jinlin.meals.internal.FoodSafety;
import org.jinlin.meals.internal.MealsAccess;
import org.jinlin.meals.internal.PlaceNames;
import org.jinlin.meals.internal.SampleRules;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The food-safety page {@code /meals/samples}: the place's staff log a retained sample in a few taps, see which of
 * today's dishes still miss one, dispose of samples kept 48 hours and record the day's kitchen checks; staff of the
 * street see the samples, the flagged meals and the checks of their places.
 */
@Controller
@RequiredArgsConstructor
class SafetyPages {

	private final FoodSafety safety;

	private final PlaceNames placeNames;

	@GetMapping("/meals/samples")
	String samples(Model model) {
		return page(model, null, Map.of());
	}

	@PostMapping("/meals/samples")
	String log(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
			@RequestParam(required = false) MealTime meal, @RequestParam(required = false) String dish,
			@RequestParam(required = false) String weightGrams, @RequestParam(required = false) String fridge,
			@RequestParam(required = false) MultipartFile photo, Model model, RedirectAttributes flash) throws java.io.IOException {
		MealsAccess.sampleLogger();
		SampleRules.SampleInput input = new SampleRules.SampleInput(servedOn == null ? LocalDate.now(OrderPages.ZONE) : servedOn,
				meal, dish, number(weightGrams), fridge);
		SampleRules.Photo upload = photo == null || photo.isEmpty() ? null
				: new SampleRules.Photo(photo.getContentType(), photo.getBytes());
		try {
			safety.log(input, upload);
			flash.addFlashAttribute("notice", "meals.sample.logged");
			return "redirect:/meals/samples";
		}
		catch (ValidationFailedException e) {
			return page(model, input, FormErrors.of(e));
		}
	}

	@PostMapping("/meals/samples/{id:\\d+}/disposal")
	String dispose(@PathVariable long id, RedirectAttributes flash) {
		return MealsFlash.act(flash, "meals.sample.disposedNotice", () -> safety.dispose(id), "/meals/samples");
	}

	@GetMapping("/meals/samples/{id:\\d+}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		SampleRules.Photo p = safety.photo(id);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(p.bytes());
	}

	@PostMapping("/meals/checks")
	String check(@RequestParam(required = false) String kind, @RequestParam(required = false) String fridge,
			@RequestParam(required = false) String temperature, @RequestParam(required = false) String staffName,
			@RequestParam(required = false) Boolean ok, @RequestParam(required = false) String note, Model model,
			RedirectAttributes flash) {
		MealsAccess.sampleLogger();
		BigDecimal t = null;
		if (temperature != null && !temperature.isBlank()) {
			try {
				t = new BigDecimal(temperature.trim());
			}
			catch (NumberFormatException e) {
				t = new BigDecimal("999");
			}
		}
		try {
			safety.recordCheck(new FoodSafety.CheckForm(kind, fridge, t, staffName, ok, note));
			flash.addFlashAttribute("notice", "meals.check.recorded");
			return "redirect:/meals/samples";
		}
		catch (ValidationFailedException e) {
			return page(model, null, FormErrors.of(e));
		}
	}

	/** A whole number, or -1 (out of every range) when not one. */
	private static Integer number(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(s.trim());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private String page(Model model, SampleRules.SampleInput input, Map<String, List<String>> errors) {
		boolean operator = MealsAccess.isOperator(CurrentActor.require());
		LocalDate today = LocalDate.now(OrderPages.ZONE);
		model.addAttribute("samples", safety.samples(today.minusDays(3), today));
		var flags = safety.flags();
		model.addAttribute("flags", flags);
		model.addAttribute("placeNames", placeNames.of(flags.stream().map(f -> f.placeId()).toList()));
		model.addAttribute("checks", safety.checks(today));
		model.addAttribute("operator", operator);
		model.addAttribute("input", input);
		model.addAttribute("errors", errors);
		model.addAttribute("now", java.time.Instant.now());
		if (operator) {
			model.addAttribute("missing", safety.missingToday());
			model.addAttribute("dishes", safety.dishesToday());
		}
		return "meals/samples";
	}
}
