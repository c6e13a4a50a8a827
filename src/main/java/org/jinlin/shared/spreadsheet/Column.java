package org.jinlin.shared.spreadsheet;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One declared column of a {@link SpreadsheetSchema}. Immutable; the {@code with…} methods return copies.
 * The header is accepted in Chinese, in English and as the key, ignoring case, spaces and a trailing
 * {@code *} (templates mark required columns that way).
 *
 * @param <T> the parsed value type
 */
public final class Column<T> {

	private final String key;

	private final String chinese;

	private final String english;

	private final CellParser<T> parser;

	private final boolean required;

	private final UnaryOperator<String> mask;

	private final String example;

	private final String noteChinese;

	private final String noteEnglish;

	private final List<String> aliases;

	private Column(String key, String chinese, String english, CellParser<T> parser, boolean required,
			UnaryOperator<String> mask, String example, String noteChinese, String noteEnglish, List<String> aliases) {
		this.key = Objects.requireNonNull(key);
		this.chinese = Objects.requireNonNull(chinese);
		this.english = Objects.requireNonNull(english);
		this.parser = Objects.requireNonNull(parser);
		this.required = required;
		this.mask = mask;
		this.example = example;
		this.noteChinese = noteChinese;
		this.noteEnglish = noteEnglish;
		this.aliases = List.copyOf(aliases);
	}

	public static <T> Column<T> of(String key, String chinese, String english, CellParser<T> parser) {
		return new Column<>(key, chinese, english, parser, false, null, null, null, null, List.of());
	}

	/** A blank cell in this column is an error. */
	public Column<T> required() {
		return new Column<>(key, chinese, english, parser, true, mask, example, noteChinese, noteEnglish, aliases);
	}

	/** Personal data: values in error reports are masked with this function (e.g. {@code Masking::idNumber}). */
	public Column<T> personal(UnaryOperator<String> masking) {
		return new Column<>(key, chinese, english, parser, required, masking, example, noteChinese, noteEnglish, aliases);
	}

	/** The value shown in the template's example row. */
	public Column<T> example(String value) {
		return new Column<>(key, chinese, english, parser, required, mask, value, noteChinese, noteEnglish, aliases);
	}

	/** A note for the template's notes sheet, in Chinese and English. */
	public Column<T> note(String chineseNote, String englishNote) {
		return new Column<>(key, chinese, english, parser, required, mask, example, chineseNote, englishNote, aliases);
	}

	/** Further header spellings accepted on import. */
	public Column<T> aliases(String... more) {
		return new Column<>(key, chinese, english, parser, required, mask, example, noteChinese, noteEnglish,
				List.of(more));
	}

	public String key() {
		return key;
	}

	public String chinese() {
		return chinese;
	}

	public String english() {
		return english;
	}

	public String header(SpreadsheetMessages messages) {
		return messages.english() ? english : chinese;
	}

	public CellParser<T> parser() {
		return parser;
	}

	public boolean isRequired() {
		return required;
	}

	public boolean isPersonal() {
		return mask != null;
	}

	public String example() {
		return example;
	}

	public String note(SpreadsheetMessages messages) {
		String note = messages.english() ? noteEnglish : noteChinese;
		return note == null ? "" : note;
	}

	/** The value as it may appear in an error report: masked for personal columns. */
	public String reportValue(String raw) {
		if (raw == null || raw.isEmpty()) {
			return raw;
		}
		return mask == null ? raw : mask.apply(raw);
	}

	boolean matches(String header) {
		String h = Cells.normalize(header);
		while (h.endsWith("*") || h.endsWith("＊")) {
			h = h.substring(0, h.length() - 1);
		}
		if (h.equals(Cells.normalize(chinese)) || h.equals(Cells.normalize(english)) || h.equals(Cells.normalize(key))) {
			return true;
		}
		for (String a : aliases) {
			if (h.equals(Cells.normalize(a))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return key;
	}
}
