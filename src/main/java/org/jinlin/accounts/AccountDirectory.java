package org.jinlin.accounts;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped look-ups of accounts for other modules' own bookkeeping (e.g. the audit log scoping an
 * event by the territory of the account that caused it). Returns no personal data.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** The territory path an account is bound to, if the account exists. */
	public Optional<String> territoryPathOf(String username) {
		return username == null ? Optional.empty() : accounts.find(username).map(AccountRepository.AccountRow::territoryPath);
	}
}
