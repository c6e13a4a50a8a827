package org.jinlin.shared.spreadsheet;

import lombok.RequiredArgsConstructor;


/** One parsed data row: typed values by {@link Column}. */
@RequiredArgsConstructor
public final class SheetRow {

	private final BoundSheet sheet;

	private final int number;

	private final Object[] values;

	private final String[] texts;

	/** The row number as the user sees it in Excel (the header is row 1). */
	public int number() {
		return number;
	}

	/** The parsed value, or {@code null} when the cell was blank or invalid. */
	@SuppressWarnings("unchecked")
	public <T> T get(Column<T> column) {
		return (T) values[sheet.schema().indexOf(column)];
	}

	/** The cell text as written (trimmed), empty when blank. */
	public String text(Column<?> column) {
		return texts[sheet.schema().indexOf(column)];
	}
}
