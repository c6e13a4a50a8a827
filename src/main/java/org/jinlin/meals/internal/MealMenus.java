package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * Weekly menus per kitchen or canteen: any signed-in account reads them (an elder orders from them); the staff of the
 * place's jurisdiction and its operators replace a week at once. Also answers a place's order cut-off: its own, or
 * the setting {@code jinlin.meals.order-cutoff} (16:00).
 */
@Service
@RequiredArgsConstructor
public class MealMenus {

	private final MealsRepository places;

	private final MenuRepository repository;

	private final FieldErrors fieldErrors;

	@Value("${jinlin.meals.order-cutoff:16:00}")
	private final String defaultCutoff;

	@Transactional(readOnly = true)
	public MenuWeek week(long placeId, LocalDate anyDay) {
		MealsAccess.menuReader();
		places.place(placeId).orElseThrow(() -> new NotFoundException("No place " + placeId));
		return read(placeId, anyDay == null ? LocalDate.now(CounterSales.ZONE) : anyDay);
	}

	/** Replaces the menu of the week {@code anyDay} falls in; 400 with field errors, nothing written. */
	@Transactional
	public MenuWeek replaceWeek(long placeId, LocalDate anyDay, List<MenuItemInput> items) {
		Actor actor = MealsAccess.menuReader();
		MealsRepository.Place place = places.place(placeId).orElseThrow(() -> new NotFoundException("No place " + placeId));
		requireEditor(actor, place);
		if (anyDay == null) {
			throw fieldErrors.invalid("meals.menu.error.invalid", List.of(new FieldErrors.FieldError("week", "meals.error.required")));
		}
		LocalDate week = MenuRules.monday(anyDay);
		fieldErrors.failIfAny("meals.menu.error.invalid", MenuRules.check(week, items));
		repository.deleteItems(placeId, week, week.plusDays(6));
		int[] lines = new int[14];
		for (MenuItemInput i : items) {
			int slot = (int) (i.day().toEpochDay() - week.toEpochDay()) * 2 + i.meal().ordinal();
			repository.insertItem(placeId, i.day(), i.meal(), lines[slot]++, trim(i.name()), Boolean.TRUE.equals(i.setMeal()),
					OrderRules.encode(i.diets() == null ? List.of() : i.diets()), MenuRules.yuan(i.price()));
		}
		return read(placeId, week);
	}

	/** May the actor edit this place's menu: staff of its jurisdiction or its operators (others of staff: 404). */
	void requireEditor(Actor actor, MealsRepository.Place place) {
		if (MealsAccess.isOperator(actor) && places.placesOfOperator(actor.name()).contains(place.id())) {
			return;
		}
		if (MealsAccess.canEnrolOthers(actor)) {
			if (!actor.covers(place.territoryPath())) {
				throw new NotFoundException("No place " + place.id());
			}
			return;
		}
		throw new ForbiddenException("Only the place's staff and operators edit its menu");
	}

	/** The current account if she may edit the place's menu: 404 for another jurisdiction's staff, else 403. */
	@Transactional(readOnly = true)
	public Actor editor(long placeId) {
		Actor actor = MealsAccess.menuReader();
		requireEditor(actor, places.place(placeId).orElseThrow(() -> new NotFoundException("No place " + placeId)));
		return actor;
	}

	/** Can the current account edit the place's menu (the page shows the editor). */
	@Transactional(readOnly = true)
	public boolean canEdit(long placeId) {
		Actor actor = MealsAccess.menuReader();
		MealsRepository.Place place = places.place(placeId).orElse(null);
		try {
			requireEditor(actor, place);
			return true;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/** The place's cut-off time. */
	public LocalTime cutoff(long placeId) {
		return repository.cutoff(placeId).orElseGet(() -> LocalTime.parse(defaultCutoff));
	}

	private MenuWeek read(long placeId, LocalDate anyDay) {
		LocalDate week = MenuRules.monday(anyDay);
		return new MenuWeek(placeId, week, cutoff(placeId), repository.items(placeId, week, week.plusDays(6)));
	}
}
