package org.jinlin.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.AccountRepository;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as other modules refer to them: unscoped look-ups of enabled accounts by user name, for checking a
 * reference (the account a demand is assigned to, a duty roster's responder …). No personal data. The accounts
 * themselves are administered on the accounts pages and API.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AccountManagement {

	private final AccountRepository accounts;

	private final Territories territories;

	/** An enabled account by user name with the path of its territory node. */
	public Optional<AccountReference> lookup(String username) {
		return enabled(username).flatMap(r -> territories.lookup(r.territoryId())
			.map(n -> new AccountReference(r.username(), r.displayName(), r.roles(), n.id(), n.path())));
	}

	/** The id of an enabled account by user name, for other modules storing a reference by id. */
	public Optional<Long> lookupId(String username) {
		return enabled(username).map(AccountRepository.AccountRow::id);
	}

	/**
	 * The enabled grid and community workers whose territory lies under a path (the node itself included), by
	 * territory and user name: the people a demand of that place may be assigned to, offered by name.
	 */
	public java.util.List<AccountReference> workersUnder(String pathPrefix) {
		return accounts.listUnder(pathPrefix + "%").stream()
			.filter(AccountRepository.AccountRow::enabled)
			.filter(r -> r.roles().contains(Role.GRID_WORKER) || r.roles().contains(Role.COMMUNITY_WORKER))
			.map(r -> new AccountReference(r.username(), r.displayName(), r.roles(), r.territoryId(), r.territoryPath()))
			.toList();
	}

	private Optional<AccountRepository.AccountRow> enabled(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return accounts.find(username.trim().toLowerCase(Locale.ROOT)).filter(AccountRepository.AccountRow::enabled);
	}

	/** An account as other modules refer to it. */
	public record AccountReference(String username, String displayName, Set<Role> roles, long territoryId,
			String territoryPath) {
	}
}
