package org.jinlin.shared.spreadsheet;

/**
 * A cell value that cannot be parsed. Carries a message key of the {@code i18n/imports} bundle
 * (or, with {@link #literal(String)}, an already translated text) and its arguments.
 */
public class CellException extends Exception {

	private final String key;

	private final Object[] args;

	private final boolean literal;

	public CellException(String key, Object... args) {
		this(false, key, args);
	}

	private CellException(boolean literal, String key, Object[] args) {
		super(key, null, false, false);
		this.key = key;
		this.args = args;
		this.literal = literal;
	}

	/** An error whose text is already resolved (for example from a module's own message bundle). */
	public static CellException literal(String message) {
		return new CellException(true, message, new Object[0]);
	}

	/** The reason in the given messages' language. */
	public String reason(SpreadsheetMessages messages) {
		return literal ? key : messages.get(key, args);
	}
}
