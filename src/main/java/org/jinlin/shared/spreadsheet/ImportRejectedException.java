package org.jinlin.shared.spreadsheet;

import java.util.List;

/**
 * Thrown by {@link ImportHandler#write} when checks that only the writing service can make (e.g. a
 * duplicate already in the database) reject rows: the job's transaction rolls back and the job fails
 * with these errors as its report.
 */
public class ImportRejectedException extends RuntimeException {

	private final List<ImportError> errors;

	private final int count;

	public ImportRejectedException(List<ImportError> errors, int count) {
		super(count + " rows rejected");
		this.errors = List.copyOf(errors);
		this.count = count;
	}

	public List<ImportError> errors() {
		return errors;
	}

	public int count() {
		return count;
	}
}
