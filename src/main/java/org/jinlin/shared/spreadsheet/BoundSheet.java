package org.jinlin.shared.spreadsheet;

import java.util.List;

import lombok.RequiredArgsConstructor;

/**
 * A {@link SpreadsheetSchema} matched to the header row of one file: knows in which column
 * (letter and header text) each declared column sits, and parses rows.
 */
@RequiredArgsConstructor
public final class BoundSheet {

	private final SpreadsheetSchema schema;

	private final List<String> header;

	private final Column<?>[] byIndex;

	private final int[] indexOf;

	private final SpreadsheetMessages messages;

	public SpreadsheetSchema schema() {
		return schema;
	}

	public SpreadsheetMessages messages() {
		return messages;
	}

	/** Whether the file has this column. */
	public boolean has(Column<?> column) {
		return indexOf[schema.indexOf(column)] >= 0;
	}

	/** The column letter in this file ({@code A}, {@code B}, …), or empty when the file lacks the column. */
	public String letter(Column<?> column) {
		int i = indexOf[schema.indexOf(column)];
		return i < 0 ? "" : ImportError.columnLetter(i);
	}

	/** The header as written in this file, or the declared one when the file lacks the column. */
	public String header(Column<?> column) {
		int i = indexOf[schema.indexOf(column)];
		return i < 0 ? column.header(messages) : header.get(i);
	}

	/**
	 * Parses every declared column of a row; blank required cells and unparsable cells are reported
	 * to {@code errors}. The returned row holds {@code null} for blank or failed cells.
	 */
	public SheetRow parse(RawRow raw, ImportErrors errors) {
		List<Column<?>> columns = schema.columns();
		Object[] values = new Object[columns.size()];
		String[] texts = new String[columns.size()];
		for (int c = 0; c < columns.size(); c++) {
			Column<?> col = columns.get(c);
			int i = indexOf[c];
			String text = i < 0 ? "" : raw.cell(i);
			texts[c] = text;
			if (text.isEmpty()) {
				if (col.isRequired()) {
					errors.reject(raw.number(), col, "", messages.get("imports.cell.required"));
				}
				continue;
			}
			try {
				values[c] = col.parser().parse(text);
			}
			catch (CellException e) {
				errors.reject(raw.number(), col, text, e.reason(messages));
			}
		}
		return new SheetRow(this, raw.number(), values, texts);
	}
}
