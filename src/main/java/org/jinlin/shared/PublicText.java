package org.jinlin.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one scrubber for free text that goes public (the public board, Open311, public exports): every part that
 * looks like personal data is replaced by a marker, {@code [已隐藏]} in Chinese, {@code [hidden]} in English.
 * <p>
 * What it finds ({@link Kind}): mobile numbers in every common form ({@code 13812345678}, {@code 138-1234-5678},
 * {@code 138 1234 5678}, {@code 138.1234.5678}, {@code +86 …}, {@code 0086 …}, {@code (+86)…}); landlines with
 * an area code ({@code 0591-87654321}, {@code (0591)8765 4321}, {@code 010-12345678-123}) and local numbers
 * introduced as a phone ({@code 电话：87654321}); 15- and 18-digit ID numbers (with their birth date in place);
 * e-mail addresses; WeChat and QQ ids introduced as such ({@code 微信：wxid_abc123}, {@code VX: abc123},
 * {@code QQ号：123456789}, {@code 扣扣 …}); bank card numbers of 16 to 19 digits, plain or grouped by four,
 * that pass the Luhn check (or any digits introduced as {@code 卡号}/{@code 账号}); Chinese licence plates
 * ({@code 闽A12345}, {@code 闽A·12345}, {@code 闽AD12345}); and the parts of the text equal to one of the
 * {@code knownPersonalParts} the caller passes (the raiser's name, building, room…) of at least two characters.
 * <p>
 * Full-width digits, letters, {@code ＋}, {@code －}, {@code （）} and the various dashes are read as their ASCII
 * forms when matching, but the replacement is made in the original text. Adjacent or overlapping parts become one
 * marker. It leaves dates, times, amounts, demand numbers, building and room numbers that are not known parts,
 * percentages, years and short service numbers such as 110, 120 or 12345 alone. Plain Java, no Spring.
 */
public final class PublicText {

	/** The marker of a hidden part in Chinese (the default). */
	public static final String HIDDEN_ZH = "[已隐藏]";

	/** The marker of a hidden part in English. */
	public static final String HIDDEN_EN = "[hidden]";

	/** Known personal parts shorter than this are ignored: one character matches everywhere. */
	public static final int MIN_KNOWN_PART = 2;

	/** What a hidden part looked like. */
	public enum Kind {
		MOBILE, LANDLINE, ID_NUMBER, EMAIL, WECHAT, QQ, BANK_CARD, LICENCE_PLATE, KNOWN
	}

	/** A part of the text, {@code [start, end)} in the original text's chars, found to be personal data. */
	public record Part(int start, int end, Kind kind) {
	}

	/** One rule: a pattern, the group that is hidden (0 = all of the match), and whether it needs a Luhn check. */
	private record Rule(Kind kind, Pattern pattern, int group, boolean luhn) {
	}

	private static final String NOT_DIGIT_BEFORE = "(?<![0-9])";

	private static final String NOT_DIGIT_AFTER = "(?![0-9])";

	private static final String NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])";

	private static final String NOT_ALNUM_AFTER = "(?![0-9A-Za-z])";

	/** Area codes: 010, 02x, and 0 with three digits from 3 up; without the 0 after +86. */
	private static final String AREA = "(?:10|2[0-9]|[3-9][0-9]{2})";

	/** What may stand between a keyword and the id it introduces: 号, 号码, ID, a colon, 是 or 为, spaces. */
	private static final String INTRO = "[ \\t]*(?:号码?|id|ID|账号)?[ \\t]*(?::|是|为)?[ \\t]*";

	private static final String BIRTH_DATE = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";

	private static final List<Rule> RULES = List.of(
			// Mobiles: 1[3-9] and ten more digits, optionally grouped 3-4-4 and prefixed by +86, 0086, 86 or (+86).
			rule(Kind.MOBILE, NOT_DIGIT_BEFORE + "(?:(?:\\+|00)?86[ .\\-]?|\\(\\+?86\\)[ ]?)?1[3-9][0-9][ .\\-]?[0-9]{4}"
					+ "[ .\\-]?[0-9]{4}" + NOT_DIGIT_AFTER, 0, false),
			// Landlines with an area code, optionally in brackets or after +86, with an extension.
			rule(Kind.LANDLINE, NOT_DIGIT_BEFORE + "(?:\\(0" + AREA + "\\)|0" + AREA + "|(?:\\+|00)86[ \\-]?\\(?0?" + AREA
					+ "\\)?)[ \\-]?[0-9]{3,4}[ \\-]?[0-9]{4}(?:[ ]?(?:-|转|ext\\.?|x|#)[ ]?[0-9]{1,6})?" + NOT_DIGIT_AFTER,
					0, false),
			// Local numbers introduced as a phone: 电话：87654321 (five-digit hotlines are too short to match).
			rule(Kind.LANDLINE, "(?:电话|手机|座机|联系方式|tel|phone|mobile)" + INTRO + NOT_DIGIT_BEFORE
					+ "([0-9]{3,4}[ \\-]?[0-9]{4})" + NOT_DIGIT_AFTER, 1, false),
			// ID numbers: six digits of region, the birth date, three of sequence and the check character.
			rule(Kind.ID_NUMBER, NOT_ALNUM_BEFORE + "[1-9][0-9]{5}[ ]?(?:18|19|20)[0-9]{2}" + BIRTH_DATE
					+ "[ ]?[0-9]{3}[0-9Xx]" + NOT_ALNUM_AFTER, 0, false),
			rule(Kind.ID_NUMBER, NOT_ALNUM_BEFORE + "[1-9][0-9]{7}" + BIRTH_DATE + "[0-9]{3}" + NOT_ALNUM_AFTER, 0, false),
			rule(Kind.ID_NUMBER, "身份证(?:号码?)?" + INTRO + "([0-9][0-9 ]{13,19}[0-9Xx])" + NOT_ALNUM_AFTER, 1, false),
			rule(Kind.EMAIL, "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]++@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}", 0, false),
			// WeChat ids after 微信, VX, wx…; a wxid_ anywhere.
			rule(Kind.WECHAT, "(?<![A-Za-z])(?:微信|weixin|wechat|v信|vx|wx|薇信|威信|维信|徽信)" + INTRO
					+ "([A-Za-z0-9][\\-_A-Za-z0-9]{4,29})(?![\\-_A-Za-z0-9])", 1, false),
			rule(Kind.WECHAT, NOT_ALNUM_BEFORE + "wxid_[A-Za-z0-9_\\-]{4,}", 0, false),
			rule(Kind.QQ, "(?<![A-Za-z])(?:qq|扣扣|企鹅)" + INTRO + NOT_DIGIT_BEFORE + "([1-9][0-9]{4,11})" + NOT_DIGIT_AFTER,
					1, false),
			// Bank cards: 16 to 19 digits, plain or grouped by four, passing the Luhn check; any introduced as such.
			rule(Kind.BANK_CARD, NOT_ALNUM_BEFORE + "[0-9]{16,19}" + NOT_ALNUM_AFTER, 0, true),
			rule(Kind.BANK_CARD, NOT_DIGIT_BEFORE + "[0-9]{4}(?:[ \\-][0-9]{4}){3}(?:[ \\-]?[0-9]{1,3})?" + NOT_DIGIT_AFTER,
					0, true),
			rule(Kind.BANK_CARD, "(?:卡号|银行卡号?|账号|帐号|card(?: ?no\\.?| ?number)?)" + INTRO + NOT_DIGIT_BEFORE
					+ "([0-9][0-9 \\-]{10,24}[0-9])" + NOT_DIGIT_AFTER, 1, false),
			// Licence plates: province, city letter, an optional dot, five or six letters and digits (one a digit).
			rule(Kind.LICENCE_PLATE, "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z][ ·•・.\\-]?"
					+ "(?=[A-Za-z]{0,5}[0-9])(?:[A-Za-z0-9]{5,6}|[A-Za-z0-9]{4}[学警挂港澳])" + NOT_ALNUM_AFTER, 0, false));

	private PublicText() {
	}

	/** The marker for the locale: {@code [hidden]} for English, {@code [已隐藏]} otherwise (and for null). */
	public static String marker(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? HIDDEN_EN : HIDDEN_ZH;
	}

	/** The text with every personal-data part replaced by the locale's marker; null stays null. */
	public static String scrub(String text, Locale locale) {
		return scrub(text, locale, List.of());
	}

	/**
	 * The text with every personal-data part, and every occurrence of one of the known personal parts (of at least
	 * {@value #MIN_KNOWN_PART} characters), replaced by the locale's marker; null stays null.
	 */
	public static String scrub(String text, Locale locale, Collection<String> knownPersonalParts) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		List<Part> parts = find(text, knownPersonalParts);
		if (parts.isEmpty()) {
			return text;
		}
		String marker = marker(locale);
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (Part p : parts) {
			out.append(text, at, p.start()).append(marker);
			at = p.end();
		}
		return out.append(text, at, text.length()).toString();
	}

	/**
	 * The personal-data parts of the text, in order; overlapping or touching parts are merged into one (of the
	 * first part's kind), so a caller that renders its own marker shows one per run.
	 */
	public static List<Part> find(String text, Collection<String> knownPersonalParts) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		String normal = normalize(text);
		List<Part> found = new ArrayList<>();
		for (Rule r : RULES) {
			Matcher m = r.pattern().matcher(normal);
			while (m.find()) {
				int start = m.start(r.group());
				int end = m.end(r.group());
				if (!r.luhn() || luhn(normal.substring(start, end))) {
					found.add(new Part(start, end, r.kind()));
				}
			}
		}
		if (knownPersonalParts != null) {
			for (String known : knownPersonalParts) {
				String k = known == null ? "" : normalize(known.strip());
				if (k.codePointCount(0, k.length()) < MIN_KNOWN_PART) {
					continue;
				}
				for (int i = normal.indexOf(k); i >= 0; i = normal.indexOf(k, i + k.length())) {
					found.add(new Part(i, i + k.length(), Kind.KNOWN));
				}
			}
		}
		return merge(found);
	}

	private static List<Part> merge(List<Part> found) {
		found.sort(Comparator.comparingInt(Part::start).thenComparing(Comparator.comparingInt(Part::end).reversed()));
		List<Part> merged = new ArrayList<>();
		for (Part p : found) {
			Part last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && p.start() <= last.end()) {
				merged.set(merged.size() - 1, new Part(last.start(), Math.max(last.end(), p.end()), last.kind()));
			}
			else {
				merged.add(p);
			}
		}
		return merged;
	}

	/**
	 * The text with full-width ASCII forms ({@code １２３}, {@code ＋}, {@code （}, {@code ：}, {@code Ａ}), the
	 * ideographic space and the various dashes replaced by their ASCII forms, char for char, so the positions of
	 * a match are the positions in the original text.
	 */
	static String normalize(String text) {
		char[] c = text.toCharArray();
		for (int i = 0; i < c.length; i++) {
			char x = c[i];
			if (x >= '\uFF01' && x <= '\uFF5E') {
				c[i] = (char) (x - 0xFEE0);
			}
			else if (x == '\u3000' || x == '\u00A0') {
				c[i] = ' ';
			}
			else if ((x >= '\u2010' && x <= '\u2015') || x == '\u2212' || x == '\uFE63') {
				c[i] = '-';
			}
		}
		return new String(c);
	}

	/** The Luhn check over the digits of the text (separators ignored). */
	static boolean luhn(String number) {
		int sum = 0;
		int digits = 0;
		for (int i = number.length() - 1; i >= 0; i--) {
			char ch = number.charAt(i);
			if (ch < '0' || ch > '9') {
				continue;
			}
			int d = ch - '0';
			if (digits++ % 2 == 1) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return digits > 0 && sum % 10 == 0;
	}

	private static Rule rule(Kind kind, String regex, int group, boolean luhn) {
		return new Rule(kind, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), group, luhn);
	}
}
