package org.jinlin.volunteers.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Times, texts and secrets as the volunteers module reads and stores them (Fuzhou time, UTC in the database). */
public final class VolunteerTimes {

	/** The time zone the module works and shows times in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Sign-in opens this long before the activity starts and closes this long after it ends. */
	static final Duration CHECK_IN_MARGIN = Duration.ofHours(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private VolunteerTimes() {
	}

	/** A new check-in secret for an activity's QR code. */
	public static String newToken() {
		byte[] b = new byte[18];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	/** A local date-time of Fuzhou ({@code 2026-12-01T09:00}) or an ISO instant; {@code null} when unreadable. */
	static Instant time(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(s.trim()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(s.trim()).toInstant();
			}
			catch (DateTimeParseException e2) {
				return null;
			}
		}
	}

	/** An ISO date ({@code 2026-12-01}); {@code null} when blank or unreadable. */
	static LocalDate date(String s) {
		try {
			return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** Trims; blank becomes null. */
	static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
