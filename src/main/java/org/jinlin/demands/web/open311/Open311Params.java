package org.jinlin.demands.web.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.internal.RaiseDemand;

/** Reads GeoReport v2 request parameters; anything malformed is a 400 naming the parameter. */
public final class Open311Params {

	/** {@code attribute[code]} and, for multiple choices, {@code attribute[code][]}. */
	static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private Open311Params() {
	}

	/** The demand a POST Service Request asks to raise. */
	static RaiseDemand raise(HttpServletRequest request) {
		Double lat = decimal(request, "lat");
		Double lon = decimal(request, "long");
		if ((lat == null) != (lon == null)) {
			throw Open311Exception.badRequest("lat and long: give both or neither");
		}
		Long addressId = null;
		String address = blankToNull(request.getParameter("address_id"));
		if (address != null) {
			addressId = parseId(address);
			if (addressId == null) {
				throw Open311Exception.badRequest("address_id: not a valid address id: " + address);
			}
		}
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
			Matcher m = ATTRIBUTE.matcher(p.getKey());
			if (m.matches()) {
				answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(Arrays.asList(p.getValue()));
			}
		}
		return new RaiseDemand(blankToNull(request.getParameter("service_code")), request.getParameter("description"),
				addressId, lat, lon, blankToNull(request.getParameter("address_string")), RaiseChannel.OPEN311, null,
				name(request.getParameter("first_name"), request.getParameter("last_name")),
				blankToNull(request.getParameter("phone")), Boolean.FALSE, answers,
				blankToNull(request.getParameter("media_url")));
	}

	/** A contact's name: family name first when it is written in Chinese characters. */
	static String name(String first, String last) {
		String f = blankToNull(first);
		String l = blankToNull(last);
		if (f == null || l == null) {
			return f != null ? f : l;
		}
		return CJK.matcher(f + l).find() ? l + f : f + " " + l;
	}

	static Double decimal(HttpServletRequest request, String name) {
		String v = blankToNull(request.getParameter(name));
		if (v == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(v);
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new NumberFormatException(v);
			}
			return d;
		}
		catch (NumberFormatException e) {
			throw Open311Exception.badRequest(name + ": not a number: " + v);
		}
	}

	static int integer(HttpServletRequest request, String name, int defaultValue, int min, int max) {
		String v = blankToNull(request.getParameter(name));
		if (v == null) {
			return defaultValue;
		}
		try {
			int i = Integer.parseInt(v);
			if (i < min || i > max) {
				throw new NumberFormatException(v);
			}
			return i;
		}
		catch (NumberFormatException e) {
			throw Open311Exception.badRequest(name + ": a whole number from " + min + " to " + max + " is expected");
		}
	}

	/** A positive numeric id, or {@code null}. */
	static Long parseId(String s) {
		if (s == null || !s.strip().matches("[0-9]{1,18}")) {
			return null;
		}
		long id = Long.parseLong(s.strip());
		return id > 0 ? id : null;
	}

	static List<Long> ids(String commaSeparated) {
		List<Long> ids = new ArrayList<>();
		for (String s : list(commaSeparated)) {
			Long id = parseId(s);
			if (id == null) {
				throw Open311Exception.badRequest("service_request_id: not a valid id: " + s);
			}
			ids.add(id);
		}
		if (ids.size() > Open311Controller.MAX_PAGE_SIZE) {
			throw Open311Exception.badRequest("service_request_id: at most " + Open311Controller.MAX_PAGE_SIZE + " ids");
		}
		return ids;
	}

	static List<String> list(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** {@code open}, {@code closed} or both: {@code true}, {@code false} or {@code null}. */
	static Boolean status(String commaSeparated) {
		boolean open = false;
		boolean closed = false;
		for (String s : list(commaSeparated)) {
			switch (s.toLowerCase(java.util.Locale.ROOT)) {
				case "open" -> open = true;
				case "closed" -> closed = true;
				default -> throw Open311Exception.badRequest("status: open or closed expected, not " + s);
			}
		}
		return open == closed ? null : open;
	}

	/**
	 * A W3C (ISO 8601) date and time. Without an offset, or a date alone, is read in the city's time zone.
	 * A {@code +} left unencoded in a query string arrives as a space, and is read as {@code +}.
	 */
	static Instant datetime(HttpServletRequest request, String name) {
		String v = blankToNull(request.getParameter(name));
		if (v == null) {
			return null;
		}
		String s = v.replace(' ', '+');
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			// try the shorter forms
		}
		try {
			return LocalDateTime.parse(s).atZone(Open311Documents.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			// try a date alone
		}
		try {
			return LocalDate.parse(s).atStartOfDay(Open311Documents.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Open311Exception.badRequest(name + ": a W3C date and time is expected, e.g. 2026-11-26T09:30:00+08:00");
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
