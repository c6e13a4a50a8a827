package org.jinlin.accounts.internal;

import java.util.Locale;

/** Strength rules for passwords set by administrators and the bootstrap command. */
final class PasswordRules {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	private PasswordRules() {
	}

	/** The message key of the first broken rule, or {@code null} if the password is acceptable. */
	static String check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "accounts.error.password.short";
		}
		if (password.length() > MAX_LENGTH) {
			return "accounts.error.password.long";
		}
		if (password.isBlank() || password.chars().distinct().count() < 4) {
			return "accounts.error.password.weak";
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return "accounts.error.password.username";
		}
		return null;
	}
}
