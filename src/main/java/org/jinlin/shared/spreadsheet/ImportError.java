package org.jinlin.shared.spreadsheet;

/**
 * One error of an import, as the user finds it in Excel.
 *
 * @param row the row number in the sheet (the header is row 1); 0 for a file-level error
 * @param column the column letter ({@code A}, {@code B}, …), empty for a whole-row error
 * @param header the column's header as written in the file, empty for a whole-row error
 * @param value the offending value, masked for personal columns; may be empty
 * @param reason why it was rejected, in the user's language
 */
public record ImportError(int row, String column, String header, String value, String reason) {

	public ImportError {
		column = column == null ? "" : column;
		header = header == null ? "" : header;
		value = value == null ? "" : value;
	}

	/** {@code A} for 0, {@code Z} for 25, {@code AA} for 26. */
	public static String columnLetter(int index) {
		StringBuilder sb = new StringBuilder();
		int i = index + 1;
		while (i > 0) {
			int r = (i - 1) % 26;
			sb.insert(0, (char) ('A' + r));
			i = (i - 1) / 26;
		}
		return sb.toString();
	}
}
