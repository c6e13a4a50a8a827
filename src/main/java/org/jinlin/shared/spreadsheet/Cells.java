package org.jinlin.shared.spreadsheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standard cell parsers. */
public final class Cells {

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[T ].*)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{4,5}(?:\\.0+)?");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private Cells() {
	}

	/** Text of at most {@code maxLength} characters (code points). */
	public static CellParser<String> text(int maxLength) {
		return new CellParser<>() {
			@Override
			public String parse(String text) throws CellException {
				if (text.codePointCount(0, text.length()) > maxLength) {
					throw new CellException("imports.cell.tooLong", maxLength);
				}
				return text;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.text", maxLength);
			}
		};
	}

	/** Text matching a regular expression, with the format shown in the notes and error. */
	public static CellParser<String> pattern(String regex, String formatDescription) {
		Pattern p = Pattern.compile(regex);
		return new CellParser<>() {
			@Override
			public String parse(String text) throws CellException {
				if (!p.matcher(text).matches()) {
					throw new CellException("imports.cell.pattern", formatDescription);
				}
				return text;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return formatDescription;
			}
		};
	}

	/** A whole number between {@code min} and {@code max} inclusive. */
	public static CellParser<Long> integer(long min, long max) {
		return new CellParser<>() {
			@Override
			public Long parse(String text) throws CellException {
				long value;
				try {
					value = new BigDecimal(text.replace(",", "")).longValueExact();
				}
				catch (NumberFormatException | ArithmeticException e) {
					throw new CellException("imports.cell.integer");
				}
				if (value < min || value > max) {
					throw new CellException("imports.cell.range", min, max);
				}
				return value;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.integer", min, max);
			}
		};
	}

	/** A decimal number between {@code min} and {@code max} inclusive. */
	public static CellParser<BigDecimal> decimal(BigDecimal min, BigDecimal max) {
		return new CellParser<>() {
			@Override
			public BigDecimal parse(String text) throws CellException {
				BigDecimal value;
				try {
					value = new BigDecimal(text.replace(",", ""));
				}
				catch (NumberFormatException e) {
					throw new CellException("imports.cell.decimal");
				}
				if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
					throw new CellException("imports.cell.range", min == null ? "-∞" : min.toPlainString(),
							max == null ? "∞" : max.toPlainString());
				}
				return value;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.decimal", min == null ? "-∞" : min.toPlainString(),
						max == null ? "∞" : max.toPlainString());
			}
		};
	}

	/**
	 * A date written {@code yyyy-MM-dd} (also accepted: {@code yyyy/M/d}, {@code yyyy年M月d日},
	 * {@code yyyyMMdd}, and a date cell of Excel).
	 */
	public static CellParser<LocalDate> date() {
		return new CellParser<>() {
			@Override
			public LocalDate parse(String text) throws CellException {
				try {
					Matcher m = DATE.matcher(text);
					if (m.matches()) {
						return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
								Integer.parseInt(m.group(3)));
					}
					m = COMPACT_DATE.matcher(text);
					if (m.matches()) {
						return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
								Integer.parseInt(m.group(3)));
					}
					if (EXCEL_SERIAL.matcher(text).matches()) {
						return EXCEL_EPOCH.plusDays(new BigDecimal(text).longValue());
					}
				}
				catch (DateTimeException e) {
					// falls through to the error below
				}
				throw new CellException("imports.cell.date");
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.date");
			}
		};
	}

	/**
	 * One of an enum's values, written as its Chinese label, its English label or its constant name.
	 *
	 * @param labels the Chinese label of each constant (English labels default to the constant name)
	 */
	public static <E extends Enum<E>> CellParser<E> enumerated(Class<E> type, Function<E, String> chineseLabel,
			Function<E, String> englishLabel) {
		Map<String, E> byText = new LinkedHashMap<>();
		for (E e : type.getEnumConstants()) {
			byText.put(normalize(chineseLabel.apply(e)), e);
			byText.put(normalize(englishLabel.apply(e)), e);
			byText.put(normalize(e.name()), e);
		}
		return new CellParser<>() {
			@Override
			public E parse(String text) throws CellException {
				E e = byText.get(normalize(text));
				if (e == null) {
					throw new CellException("imports.cell.enum", labels(type, chineseLabel, englishLabel, null));
				}
				return e;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.enum", labels(type, chineseLabel, englishLabel, m));
			}
		};
	}

	private static <E extends Enum<E>> String labels(Class<E> type, Function<E, String> zh, Function<E, String> en,
			SpreadsheetMessages m) {
		boolean english = m != null && m.english();
		return String.join(english ? ", " : "、", Arrays.stream(type.getEnumConstants())
			.map(e -> english ? en.apply(e) : zh.apply(e))
			.toList());
	}

	/** 是/否 (also Y/N, yes/no, true/false, 1/0). */
	public static CellParser<Boolean> bool() {
		return new CellParser<>() {
			@Override
			public Boolean parse(String text) throws CellException {
				return switch (normalize(text)) {
					case "是", "y", "yes", "true", "1", "√", "t" -> Boolean.TRUE;
					case "否", "n", "no", "false", "0", "×", "f" -> Boolean.FALSE;
					default -> throw new CellException("imports.cell.bool");
				};
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.bool");
			}
		};
	}

	static String normalize(String s) {
		return s == null ? "" : s.strip().replace(" ", "").replace("\u3000", "").toLowerCase(Locale.ROOT);
	}
}
