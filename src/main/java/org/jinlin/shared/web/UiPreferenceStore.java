package org.jinlin.shared.web;

import java.util.Optional;

/**
 * Where an account's language and 长辈模式 are kept, so they follow it to every device: implemented by the accounts
 * module, used by the locale resolver and {@link UiPreferences}. Signed-out visitors keep the cookies alone.
 */
public interface UiPreferenceStore {

	/** What the account chose; either part null when it never chose. */
	record Stored(String languageTag, Boolean ageFriendly) {
	}

	Optional<Stored> find(long accountId);

	void saveLanguage(long accountId, String languageTag);

	void saveAgeFriendly(long accountId, boolean on);
}
