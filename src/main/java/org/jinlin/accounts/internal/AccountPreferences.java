package org.jinlin.accounts.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.web.UiPreferenceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's language and 长辈模式, kept on the account so they follow it to every device. */
@Service
@RequiredArgsConstructor
public class AccountPreferences implements UiPreferenceStore {

	private final AccountRepository accounts;

	@Override
	@Transactional(readOnly = true)
	public Optional<Stored> find(long accountId) {
		return accounts.preferences(accountId);
	}

	@Override
	@Transactional
	public void saveLanguage(long accountId, String languageTag) {
		if (languageTag != null && languageTag.length() <= 16) {
			accounts.savePreferredLanguage(accountId, languageTag);
		}
	}

	@Override
	@Transactional
	public void saveAgeFriendly(long accountId, boolean on) {
		accounts.saveAgeFriendly(accountId, on);
	}
}
