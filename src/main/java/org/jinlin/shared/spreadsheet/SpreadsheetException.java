package org.jinlin.shared.spreadsheet;

import java.util.List;

/**
 * The file as a whole cannot be imported: unreadable, too large, too many rows, or a header
 * that does not match the schema. Lists the errors (with the column where one is known).
 */
public class SpreadsheetException extends RuntimeException {

	private final List<ImportError> errors;

	public SpreadsheetException(String message) {
		this(message, List.of(new ImportError(0, "", "", "", message)));
	}

	public SpreadsheetException(String message, List<ImportError> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public List<ImportError> errors() {
		return errors;
	}
}
