package org.jinlin.people;

import java.util.List;

/**
 * Outcome of a bulk registration ({@link ResidentBulkLoad#load}, an import): either every draft was inserted ({@code errors} empty)
 * or nothing was inserted and {@code errors} names the offending rows.
 *
 * @param inserted number of residents inserted (0 when there are errors)
 */
public record ImportResult(int inserted, List<RowError> errors) {

	public ImportResult {
		errors = List.copyOf(errors);
	}

	public boolean ok() {
		return errors.isEmpty();
	}

	/**
	 * A problem with one draft.
	 *
	 * @param index zero-based index into the list of drafts
	 * @param field the draft field, e.g. {@code idNumber}
	 * @param code message key in the people bundle, e.g. {@code people.error.idNumber.duplicate}
	 * @param message English default message (no personal values)
	 */
	public record RowError(int index, String field, String code, String message) {
	}
}
