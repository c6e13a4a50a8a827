package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.MealTime;
import org.jinlin.meals.SamplesMissing;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * Food safety at the meal places: retained samples (留样) logged by the place's staff (rules in {@link SampleRules}),
 * disposed of after 48 hours; meals served without a sample of each dish flagged once (event {@link SamplesMissing});
 * daily kitchen checks (fridge temperatures, staff health). Staff read those of their jurisdiction, an operator those
 * of her places; another jurisdiction's sample is not found.
 */
@Service
@RequiredArgsConstructor
public class FoodSafety {

	static final BigDecimal MIN_TEMPERATURE = new BigDecimal("-40");

	static final BigDecimal MAX_TEMPERATURE = new BigDecimal("30");

	private final SafetyRepository repository;

	private final MealsRepository meals;

	private final DinerQueries diners;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	/** A kitchen check as entered: {@code kind} FRIDGE (fridge, temperature) or STAFF_HEALTH (staff name, ok, note). */
	public record CheckForm(String kind, String fridge, BigDecimal temperature, String staffName, Boolean ok, String note) {
	}

	/** What a meal of today still misses. */
	public record Missing(MealTime meal, List<String> dishes) {
	}

	@Transactional(readOnly = true)
	public List<SafetyRepository.Sample> samples(LocalDate from, LocalDate to) {
		Actor actor = MealsAccess.safetyReader();
		return repository.samples(diners.scope(actor), from, to);
	}

	@Transactional
	public SafetyRepository.Sample log(SampleRules.SampleInput in, SampleRules.Photo photo) {
		Actor actor = MealsAccess.sampleLogger();
		long place = place(actor);
		fieldErrors.failIfAny("meals.sample.error.invalid", SampleRules.problems(in, photo, today()));
		boolean withPhoto = photo != null && photo.present();
		long id = repository.insertSample(place, in.servedOn(), in.meal(), trim(in.dish()), in.weightGrams(),
				trim(in.fridge()), OffsetDateTime.now(ZoneOffset.UTC), actor.name(), withPhoto ? photo.contentType() : null,
				withPhoto ? photo.bytes() : null);
		return repository.sample(id).orElseThrow();
	}

	/** Records the disposal of a sample: refused (409) before it has been kept 48 hours, or if already disposed. */
	@Transactional
	public SafetyRepository.Sample dispose(long id) {
		Actor actor = MealsAccess.sampleLogger();
		SafetyRepository.Sample s = visible(actor, id);
		if (!meals.placesOfOperator(actor.name()).contains(s.placeId())) {
			throw new NotFoundException("No sample " + id);
		}
		if (s.disposedAt() != null) {
			throw fieldErrors.conflict("meals.sample.error.disposed");
		}
		Instant taken = s.takenAt().toInstant();
		if (!SampleRules.mayDispose(taken, Instant.now())) {
			throw fieldErrors.conflict("meals.sample.error.tooEarly",
					DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(SampleRules.disposableFrom(taken).atZone(CounterSales.ZONE)));
		}
		if (!repository.dispose(id, OffsetDateTime.now(ZoneOffset.UTC), actor.name())) {
			throw fieldErrors.conflict("meals.sample.error.disposed");
		}
		return repository.sample(id).orElseThrow();
	}

	/** A sample's photo, if the caller may see the sample. */
	@Transactional(readOnly = true)
	public SampleRules.Photo photo(long id) {
		visible(MealsAccess.safetyReader(), id);
		return repository.photo(id).orElseThrow(() -> new NotFoundException("No photo of sample " + id));
	}

	/** Today's meals at the operator's place and the dishes of their menu still without a sample. */
	@Transactional(readOnly = true)
	public List<Missing> missingToday() {
		Actor actor = MealsAccess.sampleLogger();
		long place = place(actor);
		LocalDate today = today();
		List<Missing> missing = new ArrayList<>();
		for (MealTime meal : MealTime.values()) {
			List<String> dishes = SampleRules.missing(repository.menuDishes(place, today, meal),
					repository.sampledDishes(place, today, meal));
			if (!dishes.isEmpty()) {
				missing.add(new Missing(meal, dishes));
			}
		}
		return missing;
	}

	/** The menu dishes of today at the operator's place, by meal (for the log form). */
	@Transactional(readOnly = true)
	public Map<MealTime, List<String>> dishesToday() {
		long place = place(MealsAccess.sampleLogger());
		Map<MealTime, List<String>> dishes = new LinkedHashMap<>();
		for (MealTime meal : MealTime.values()) {
			dishes.put(meal, repository.menuDishes(place, today(), meal));
		}
		return dishes;
	}

	/** The meals flagged in the last 30 days at the places the caller may see. */
	@Transactional(readOnly = true)
	public List<SafetyRepository.Flag> flags() {
		Actor actor = MealsAccess.safetyReader();
		return repository.flags(diners.scope(actor), today().minusDays(30));
	}

	/**
	 * The timer's check: every meal served in the last three days that is over and misses a sample of a dish of its
	 * menu is flagged once; the call that flags it publishes {@link SamplesMissing}. Returns how many it flagged.
	 */
	@Transactional
	public int flagMissing(LocalDateTime now) {
		return flagMissing(now, 2, true);
	}

	/** The check over the last {@code days} days before {@code now}'s, publishing the event or not (a seeded city). */
	@Transactional
	public int flagMissing(LocalDateTime now, int days, boolean publish) {
		int flagged = 0;
		for (SafetyRepository.Served m : repository.served(now.toLocalDate().minusDays(days), now.toLocalDate())) {
			if (!SampleRules.over(m.day(), m.meal(), now)) {
				continue;
			}
			List<String> dishes = SampleRules.missing(repository.menuDishes(m.placeId(), m.day(), m.meal()),
					repository.sampledDishes(m.placeId(), m.day(), m.meal()));
			if (!dishes.isEmpty() && repository.flag(m.placeId(), m.day(), m.meal(), dishes)) {
				String path = meals.place(m.placeId()).map(MealsRepository.Place::territoryPath).orElse("");
				if (publish) {
					events.publishEvent(new SamplesMissing(m.placeId(), path, m.day(), m.meal(), dishes));
				}
				flagged++;
			}
		}
		return flagged;
	}

	@Transactional(readOnly = true)
	public List<SafetyRepository.Check> checks(LocalDate day) {
		Actor actor = MealsAccess.safetyReader();
		return repository.checks(diners.scope(actor), day == null ? today() : day);
	}

	@Transactional
	public SafetyRepository.Check recordCheck(CheckForm form) {
		Actor actor = MealsAccess.sampleLogger();
		long place = place(actor);
		List<FieldError> p = new ArrayList<>();
		String kind = trim(form.kind());
		String fridge = trim(form.fridge());
		String staff = trim(form.staffName());
		String note = trim(form.note());
		boolean ok;
		if ("FRIDGE".equals(kind)) {
			length(fridge, "fridge", 50, true, p);
			if (form.temperature() == null) {
				p.add(new FieldError("temperature", "meals.error.required"));
			}
			else if (form.temperature().compareTo(MIN_TEMPERATURE) < 0 || form.temperature().compareTo(MAX_TEMPERATURE) > 0
					|| form.temperature().stripTrailingZeros().scale() > 1) {
				p.add(new FieldError("temperature", "meals.check.error.temperature", MIN_TEMPERATURE, MAX_TEMPERATURE));
			}
			ok = form.temperature() != null && form.ok() == null ? SampleRules.refrigerated(form.temperature())
					: Boolean.TRUE.equals(form.ok());
			staff = null;
		}
		else if ("STAFF_HEALTH".equals(kind)) {
			length(staff, "staffName", 50, true, p);
			if (form.ok() == null) {
				p.add(new FieldError("ok", "meals.error.required"));
			}
			ok = Boolean.TRUE.equals(form.ok());
			fridge = null;
		}
		else {
			p.add(new FieldError("kind", "meals.check.error.kind"));
			ok = false;
		}
		length(note, "note", 200, false, p);
		fieldErrors.failIfAny("meals.check.error.invalid", p);
		long id = repository.insertCheck(place, today(), kind, fridge, "FRIDGE".equals(kind) ? form.temperature() : null,
				staff, ok, note, actor.name());
		return repository.checks(diners.scope(actor), today()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/** A sample the caller may see; 404 otherwise. */
	private SafetyRepository.Sample visible(Actor actor, long id) {
		MealsRepository.DinerScope scope = diners.scope(actor);
		return repository.sample(id)
			.filter(s -> s.placePath().startsWith(scope.pathPrefix()))
			.filter(s -> scope.places() == null || scope.places().contains(s.placeId()))
			.orElseThrow(() -> new NotFoundException("No sample " + id));
	}

	private long place(Actor actor) {
		List<Long> places = meals.placesOfOperator(actor.name());
		if (places.isEmpty()) {
			throw new org.jinlin.shared.ForbiddenException("This account operates no place");
		}
		return places.get(0);
	}

	private static void length(String v, String field, int max, boolean required, List<FieldError> p) {
		if (v == null) {
			if (required) {
				p.add(new FieldError(field, "meals.error.required"));
			}
		}
		else if (v.codePointCount(0, v.length()) > max) {
			p.add(new FieldError(field, "meals.error.tooLong", max));
		}
	}

	static LocalDate today() {
		return LocalDate.now(CounterSales.ZONE);
	}
}
