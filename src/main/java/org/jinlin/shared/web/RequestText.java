package org.jinlin.shared.web;

/**
 * Text as it may be stored and shown: lone UTF-16 surrogates (which no encoder can write, so a stored one would break
 * every XML or JSON feed showing it) and control characters other than tab, line feed and carriage return are
 * removed. Applied to every request parameter ({@link RequestTextFilter}) and every JSON string
 * ({@link WebConfig#cleanJsonStrings}), so no stored record can hold them.
 */
public final class RequestText {

	private RequestText() {
	}

	public static String clean(String s) {
		if (s == null) {
			return null;
		}
		int n = s.length();
		int i = 0;
		while (i < n && allowed(s, i)) {
			i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
		}
		if (i >= n) {
			return s;
		}
		StringBuilder sb = new StringBuilder(n).append(s, 0, i);
		while (i < n) {
			char c = s.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
			if (pair) {
				sb.append(c).append(s.charAt(i + 1));
				i += 2;
				continue;
			}
			if (allowed(s, i)) {
				sb.append(c);
			}
			i++;
		}
		return sb.toString();
	}

	private static boolean allowed(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		if (Character.isLowSurrogate(c)) {
			return false;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			return true;
		}
		return !(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF');
	}
}
