package org.jinlin.spaces.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar feed (RFC 5545), written by hand (Spring-free): UTC times, escaped text, lines folded at 75 octets,
 * CRLF line ends. Calendar apps subscribe to it (also as {@code webcal://}).
 */
public final class CalendarFeed {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private CalendarFeed() {
	}

	/** One event: a busy slot. {@code description} may be {@code null}. */
	public record Event(String uid, OffsetDateTime start, OffsetDateTime end, String summary, String description,
			String location, boolean tentative) {
	}

	public static String write(String name, List<Event> events, OffsetDateTime stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Jinlin//Spaces//ZH");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(name));
		line(out, "X-WR-TIMEZONE:Asia/Shanghai");
		for (Event e : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(e.uid()));
			line(out, "DTSTAMP:" + utc(stamp));
			line(out, "DTSTART:" + utc(e.start()));
			line(out, "DTEND:" + utc(e.end()));
			line(out, "SUMMARY:" + text(e.summary()));
			if (e.description() != null) {
				line(out, "DESCRIPTION:" + text(e.description()));
			}
			if (e.location() != null) {
				line(out, "LOCATION:" + text(e.location()));
			}
			line(out, "STATUS:" + (e.tentative() ? "TENTATIVE" : "CONFIRMED"));
			line(out, "TRANSP:OPAQUE");
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	static String utc(OffsetDateTime t) {
		return t.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
	}

	/** TEXT value escaping (RFC 5545 3.3.11). */
	static String text(String s) {
		return s == null ? "" : s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n").replace("\r", "\\n");
	}

	/** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ending in CRLF. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + n > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += n;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
