package org.jinlin.accounts;

import java.util.EnumSet;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.AccountRepository;
import org.jinlin.accounts.internal.ApiKeyRepository;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts and API keys as a trusted system load (no administrator signed in, e.g. at start-up): no
 * jurisdiction or password-strength checks and no audit events, unlike the administration pages.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class AccountBulkLoad {

	private final AccountRepository accounts;

	private final ApiKeyRepository apiKeys;

	private final Territories territories;

	private final PasswordEncoder encoder;

	/** Creates the accounts, all with this password (hashed once). */
	public void createAccounts(String password, List<AccountDraft> drafts) {
		String hash = encoder.encode(password);
		for (AccountDraft d : drafts) {
			TerritoryNode node = node(d.territoryCode());
			accounts.insert(d.username(), hash, d.displayName(), EnumSet.of(d.role()), node.id(), node.path());
		}
	}

	/** Issues a key with a known plain value, bound to the node with this code. */
	public void issueApiKey(String name, ApiKeyPurpose purpose, String territoryCode, String createdBy,
			String plainKey) {
		TerritoryNode node = node(territoryCode);
		apiKeys.insert(name, purpose, node.id(), node.path(), createdBy, plainKey);
	}

	private TerritoryNode node(String code) {
		return territories.lookupByCode(code).orElseThrow(() -> new IllegalStateException("No territory " + code));
	}
}
