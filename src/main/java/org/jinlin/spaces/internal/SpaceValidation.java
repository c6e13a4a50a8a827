package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.spaces.ZoneKind;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.jinlin.spaces.internal.SpaceRules.Quota;

/** Spring-free checks of a space's and a zone's fields: each problem a field and a message code. */
public final class SpaceValidation {

	private SpaceValidation() {
	}

	/** The rules of a valid draft, or {@code null} with the problems added. */
	public static SpaceRules rules(SpaceDraft d, List<FieldError> problems) {
		int before = problems.size();
		if (d.name() == null || d.name().isBlank()) {
			problems.add(new FieldError("name", "spaces.error.name"));
		}
		else if (d.name().trim().length() > 100) {
			problems.add(new FieldError("name", "spaces.error.tooLongText"));
		}
		if (d.address() != null && d.address().length() > 200 || d.description() != null && d.description().length() > 1000) {
			problems.add(new FieldError("description", "spaces.error.tooLongText"));
		}
		Set<Booker> who = EnumSet.noneOf(Booker.class);
		for (String w : d.whoMayBook() == null ? List.<String>of() : d.whoMayBook()) {
			try {
				who.add(Booker.valueOf(w));
			}
			catch (IllegalArgumentException | NullPointerException e) {
				problems.add(new FieldError("whoMayBook", "spaces.error.whoMayBook"));
			}
		}
		if (who.isEmpty()) {
			problems.add(new FieldError("whoMayBook", "spaces.error.whoMayBook"));
		}
		int min = orDefault(d.minMinutes(), 30);
		int max = orDefault(d.maxMinutes(), 240);
		if (min <= 0 || min > 24 * 60) {
			problems.add(new FieldError("minMinutes", "spaces.error.minutes"));
		}
		if (max < 0 || max > 0 && max < min) {
			problems.add(new FieldError("maxMinutes", "spaces.error.maxMinutes"));
		}
		int notice = orDefault(d.noticeMinutes(), 0);
		int deadline = orDefault(d.cancelDeadlineMinutes(), 0);
		int buffer = orDefault(d.bufferMinutes(), 0);
		if (notice < 0 || notice > 60 * 24 * 90) {
			problems.add(new FieldError("noticeMinutes", "spaces.error.minutes"));
		}
		if (deadline < 0 || deadline > 60 * 24 * 90) {
			problems.add(new FieldError("cancelDeadlineMinutes", "spaces.error.minutes"));
		}
		if (buffer < 0 || buffer > 240) {
			problems.add(new FieldError("bufferMinutes", "spaces.error.buffer"));
		}
		Quota quota = null;
		boolean anyQuota = blank(d.quotaMeasure()) != null || blank(d.quotaPeriod()) != null || d.quotaLimit() != null;
		if (anyQuota) {
			try {
				quota = new Quota(SpaceRules.QuotaMeasure.valueOf(d.quotaMeasure()),
						SpaceRules.QuotaPeriod.valueOf(d.quotaPeriod()), d.quotaLimit());
				if (quota.limit() <= 0) {
					problems.add(new FieldError("quotaLimit", "spaces.error.quota.invalid"));
				}
			}
			catch (IllegalArgumentException | NullPointerException e) {
				problems.add(new FieldError("quotaLimit", "spaces.error.quota.invalid"));
			}
		}
		LocalTime opens = time(d.opens(), LocalTime.of(8, 0), "opens", problems);
		LocalTime closes = time(d.closes(), LocalTime.of(21, 0), "closes", problems);
		if (opens != null && closes != null && !opens.isBefore(closes)) {
			problems.add(new FieldError("closes", "spaces.error.hours"));
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (d.openDays() == null) {
			days = EnumSet.allOf(DayOfWeek.class);
		}
		else {
			for (Integer day : d.openDays()) {
				if (day == null || day < 1 || day > 7) {
					problems.add(new FieldError("openDays", "spaces.error.days"));
				}
				else {
					days.add(DayOfWeek.of(day));
				}
			}
			if (days.isEmpty()) {
				problems.add(new FieldError("openDays", "spaces.error.days"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new SpaceRules(who, Boolean.TRUE.equals(d.approvalRequired()), min, max, notice, deadline, buffer,
				quota, opens, closes, days, List.of());
	}

	/** The values of a valid zone draft, or {@code null} with the problems added. */
	public static SpaceRepository.ZoneValues zone(ZoneDraft d, List<FieldError> problems) {
		List<FieldError> mine = new ArrayList<>();
		if (d.name() == null || d.name().isBlank()) {
			mine.add(new FieldError("name", "spaces.error.name"));
		}
		else if (d.name().trim().length() > 100) {
			mine.add(new FieldError("name", "spaces.error.tooLongText"));
		}
		ZoneKind kind = null;
		try {
			kind = ZoneKind.valueOf(d.kind());
		}
		catch (IllegalArgumentException | NullPointerException e) {
			mine.add(new FieldError("kind", "spaces.error.kind"));
		}
		int capacity = orDefault(d.capacity(), 0);
		if (capacity < 0 || capacity > 10_000) {
			mine.add(new FieldError("capacity", "spaces.error.capacity"));
		}
		if (d.equipment() != null && d.equipment().length() > 500) {
			mine.add(new FieldError("equipment", "spaces.error.tooLongText"));
		}
		if (d.photoUrl() != null && !d.photoUrl().isBlank()
				&& (d.photoUrl().length() > 300 || !(d.photoUrl().startsWith("https://") || d.photoUrl().startsWith("/")))) {
			mine.add(new FieldError("photoUrl", "spaces.error.photoUrl"));
		}
		problems.addAll(mine);
		return mine.isEmpty() ? new SpaceRepository.ZoneValues(d.name().trim(), kind, capacity, blank(d.equipment()),
				blank(d.photoUrl()), orDefault(d.position(), 0)) : null;
	}

	private static LocalTime time(String s, LocalTime fallback, String field, List<FieldError> problems) {
		if (s == null || s.isBlank()) {
			return fallback;
		}
		try {
			return LocalTime.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldError(field, "spaces.error.time"));
			return null;
		}
	}

	private static int orDefault(Integer i, int d) {
		return i == null ? d : i;
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
