package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A place's menu for a week (Monday {@code week}) and the time orders close the day before. */
public record MenuWeek(long placeId, LocalDate week, LocalTime cutoff, List<MenuRepository.MenuItem> items) {
}
