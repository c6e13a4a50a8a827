package org.jinlin.shared.spreadsheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import lombok.RequiredArgsConstructor;

/**
 * Collects every error of an import, keeping the first {@code maxListed} for the report and counting all.
 * Not thread-safe.
 */
@RequiredArgsConstructor
public final class ImportErrors {

	private final BoundSheet sheet;

	private final int maxListed;

	private final List<ImportError> errors = new ArrayList<>();

	private int count;

	/** An error in one cell; the value is masked if the column holds personal data. */
	public void reject(int row, Column<?> column, String value, String reason) {
		add(new ImportError(row, sheet.letter(column), sheet.header(column), column.reportValue(value), reason));
	}

	/** An error of a whole row. */
	public void rejectRow(int row, String reason) {
		add(new ImportError(row, "", "", "", reason));
	}

	public void add(ImportError error) {
		count++;
		if (errors.size() < maxListed) {
			errors.add(error);
		}
	}

	public boolean isEmpty() {
		return count == 0;
	}

	/** All errors, including those not listed. */
	public int count() {
		return count;
	}

	/** The listed errors, sorted by row. */
	public List<ImportError> list() {
		List<ImportError> sorted = new ArrayList<>(errors);
		sorted.sort(java.util.Comparator.comparingInt(ImportError::row));
		return Collections.unmodifiableList(sorted);
	}

	public BoundSheet sheet() {
		return sheet;
	}

	public SpreadsheetMessages messages() {
		return sheet.messages();
	}
}
