package org.jinlin.shared.spreadsheet;

import java.util.List;

/**
 * One row of a sheet as text, before parsing.
 *
 * @param number the row number the user sees in Excel (the header is row 1)
 * @param cells the trimmed cell texts, blank cells as empty strings
 */
public record RawRow(int number, List<String> cells) {

	public String cell(int index) {
		return index < cells.size() ? cells.get(index) : "";
	}

	public boolean isBlank() {
		return cells.stream().allMatch(String::isEmpty);
	}
}
