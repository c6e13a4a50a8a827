package org.jinlin.meals;

import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.MealFigures;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meal indicators for other modules (the quality cockpit): for a territory inside the current staff member's
 * jurisdiction (its own node when {@code null}) and a month (this month when {@code null}), the {@link MealFigure} of
 * a {@link MealIndicator} (the same figures as {@code /api/v1/meals/figures}) and the records it counts, whose total
 * is the figure's {@code count}. The meals of a day are those of the month's last day, or today in this month. Staff
 * only (403 otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MealIndicators {

	private final MealFigures figures;

	/** The indicator's figure for the territory and month. */
	public MealFigure figure(MealIndicator indicator, String territoryCode, YearMonth month) {
		return figures.figure(indicator, figures.scope(territoryCode, month == null ? null : month.toString(), null));
	}

	/** The records the figure counts, a page at a time (at most 100). */
	public Paged<CountedRecord> records(MealIndicator indicator, String territoryCode, YearMonth month, int page, int size) {
		return figures.records(indicator, figures.scope(territoryCode, month == null ? null : month.toString(), null), page,
				size);
	}
}
