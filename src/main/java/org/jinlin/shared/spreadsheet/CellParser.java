package org.jinlin.shared.spreadsheet;

/**
 * Turns the text of a non-blank cell (already trimmed) into a value.
 *
 * @param <T> the value type
 */
public interface CellParser<T> {

	T parse(String text) throws CellException;

	/** A short description of the accepted format, for the template's notes sheet. */
	String describe(SpreadsheetMessages messages);
}
