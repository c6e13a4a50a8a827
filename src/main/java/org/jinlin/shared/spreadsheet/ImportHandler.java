package org.jinlin.shared.spreadsheet;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * What a module implements to import one kind of record with {@link ImportJobs}. One handler instance
 * serves one job (it may keep state across rows, e.g. the codes seen so far). The engine reads and parses
 * every row against {@link #schema()}; rows whose cells parse are passed to {@link #row}; after the last
 * row {@link #validateAll} runs the cross-row checks; only if no error at all was found is
 * {@link #write} called, inside one transaction, with every value.
 *
 * @param <T> the validated value of one row
 */
public interface ImportHandler<T> {

	/** The columns of the file. */
	SpreadsheetSchema schema();

	/**
	 * Validates one row whose cells all parsed, and converts it. Report problems with
	 * {@code errors.reject(row.number(), column, row.text(column), reason)}; the return value of a row
	 * with errors is ignored.
	 */
	T row(SheetRow row, ImportErrors errors);

	/** Checks across rows (references between rows, uniqueness), after the last row. */
	default void validateAll(List<Numbered<T>> rows, ImportErrors errors) {
	}

	/**
	 * Writes every value. Runs inside the job's single transaction: throwing rolls everything back and
	 * fails the job.
	 */
	void write(List<T> all);

	/** Like {@link #write(List)}, reporting the number of values written so far now and then. */
	default void write(List<T> all, IntConsumer progress) {
		write(all);
	}

	/** A validated value with its row number. */
	record Numbered<T>(int row, T value) {
	}
}
