package org.jinlin.shared.spreadsheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declared columns of an import or export, in template order.
 */
public final class SpreadsheetSchema {

	private final List<Column<?>> columns;

	private SpreadsheetSchema(List<Column<?>> columns) {
		Set<String> keys = new HashSet<>();
		for (Column<?> c : columns) {
			if (!keys.add(c.key())) {
				throw new IllegalArgumentException("Duplicate column key " + c.key());
			}
		}
		this.columns = List.copyOf(columns);
	}

	public static SpreadsheetSchema of(Column<?>... columns) {
		return new SpreadsheetSchema(List.of(columns));
	}

	public static SpreadsheetSchema of(List<Column<?>> columns) {
		return new SpreadsheetSchema(columns);
	}

	public List<Column<?>> columns() {
		return columns;
	}

	/** Header texts in the messages' language. */
	public List<String> headers(SpreadsheetMessages messages) {
		return columns.stream().map(c -> c.header(messages)).toList();
	}

	/**
	 * Matches a file's header row against the columns. Every header cell must name a declared column
	 * (in Chinese or English), no column may appear twice, and every required column must be present.
	 *
	 * @throws SpreadsheetException listing each mismatch with its column
	 */
	public BoundSheet bind(List<String> header, SpreadsheetMessages messages) {
		List<ImportError> errors = new ArrayList<>();
		Column<?>[] byIndex = new Column<?>[header.size()];
		int[] indexOf = new int[columns.size()];
		java.util.Arrays.fill(indexOf, -1);
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			String letter = ImportError.columnLetter(i);
			if (h.isEmpty()) {
				continue;
			}
			int match = -1;
			for (int c = 0; c < columns.size(); c++) {
				if (columns.get(c).matches(h)) {
					match = c;
					break;
				}
			}
			if (match < 0) {
				errors.add(new ImportError(1, letter, h, h, messages.get("imports.header.unknown", h, expected(messages))));
			}
			else if (indexOf[match] >= 0) {
				errors.add(new ImportError(1, letter, h, h, messages.get("imports.header.duplicate", h)));
			}
			else {
				indexOf[match] = i;
				byIndex[i] = columns.get(match);
			}
		}
		for (int c = 0; c < columns.size(); c++) {
			Column<?> col = columns.get(c);
			if (col.isRequired() && indexOf[c] < 0) {
				errors.add(new ImportError(1, "", col.header(messages), "",
						messages.get("imports.header.missing", col.header(messages))));
			}
		}
		if (!errors.isEmpty()) {
			throw new SpreadsheetException(messages.get("imports.header.mismatch"), errors);
		}
		return new BoundSheet(this, header, byIndex, indexOf, messages);
	}

	private String expected(SpreadsheetMessages messages) {
		return String.join(messages.english() ? ", " : "、", headers(messages));
	}

	int indexOf(Column<?> column) {
		int i = columns.indexOf(column);
		if (i < 0) {
			throw new IllegalArgumentException("Column " + column.key() + " is not part of this schema");
		}
		return i;
	}
}
