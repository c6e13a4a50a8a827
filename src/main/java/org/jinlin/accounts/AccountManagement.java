package org.jinlin.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of accounts and API keys. Only administrators may use it, and only on accounts
 * and keys bound to nodes inside their own jurisdiction; accounts outside it do not exist for
 * them (404). Every change publishes an event for the audit log, naming who made it.
 */
@Service
@Transactional
public class AccountManagement {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private final AccountRepository accounts;

	private final ApiKeys apiKeys;

	private final Territories territories;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	AccountManagement(AccountRepository accounts, ApiKeys apiKeys, Territories territories, PasswordEncoder encoder,
			ApplicationEventPublisher events, MessageSource messages) {
		this.accounts = accounts;
		this.apiKeys = apiKeys;
		this.territories = territories;
		this.encoder = encoder;
		this.events = events;
		this.messages = messages;
	}

	/** Accounts in the administrator's jurisdiction whose user name or display name contains {@code query}. */
	@Transactional(readOnly = true)
	public List<AccountView> list(String query) {
		Actor admin = administrator();
		String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
		List<AccountRepository.AccountRow> rows = accounts.listUnder(admin.jurisdiction().likePattern()).stream()
			.filter(r -> q.isEmpty() || r.username().contains(q) || r.displayName().toLowerCase(Locale.ROOT).contains(q))
			.toList();
		Map<Long, TerritoryNode> nodes = nodes(rows.stream().map(AccountRepository.AccountRow::territoryId).collect(Collectors.toSet()));
		return rows.stream().map(r -> view(r, nodes.get(r.territoryId()))).toList();
	}

	/** One account in the administrator's jurisdiction, or 404. */
	@Transactional(readOnly = true)
	public AccountView get(String username) {
		AccountRepository.AccountRow row = inJurisdiction(administrator(), username);
		return view(row, territories.lookup(row.territoryId()).orElse(null));
	}

	/**
	 * Unscoped: an enabled account by user name with the path of its territory node, for other modules
	 * checking a reference (e.g. the account a demand is assigned to). No personal data.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountReference> lookup(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return accounts.find(username.trim().toLowerCase(Locale.ROOT)).filter(AccountRepository.AccountRow::enabled)
			.flatMap(r -> territories.lookup(r.territoryId())
				.map(n -> new AccountReference(r.username(), r.displayName(), r.roles(), n.id(), n.path())));
	}

	/** Unscoped: the id of an enabled account by user name, for other modules storing a reference by id. */
	@Transactional(readOnly = true)
	public Optional<Long> lookupId(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return accounts.find(username.trim().toLowerCase(Locale.ROOT)).filter(AccountRepository.AccountRow::enabled)
			.map(AccountRepository.AccountRow::id);
	}

	/** An account as other modules refer to it. */
	public record AccountReference(String username, String displayName, java.util.Set<Role> roles, long territoryId,
			String territoryPath) {
	}

	/** Creates an account bound to a node of the administrator's jurisdiction. */
	public AccountView create(NewAccount request) {
		Actor admin = administrator();
		List<Map<String, String>> errors = new ArrayList<>();
		String username = request.username() == null ? "" : request.username().trim();
		if (!USERNAME.matcher(username).matches()) {
			errors.add(error("username", "accounts.error.username"));
		}
		else if (accounts.exists(username)) {
			errors.add(error("username", "accounts.error.username.taken"));
		}
		String displayName = request.displayName() == null ? "" : request.displayName().trim();
		if (displayName.isEmpty() || displayName.length() > 100) {
			errors.add(error("displayName", "accounts.error.displayName"));
		}
		if (request.role() == null) {
			errors.add(error("role", "accounts.error.role"));
		}
		TerritoryNode node = node(admin, request.territoryCode(), errors);
		String passwordError = PasswordRules.check(username, request.password());
		if (passwordError != null) {
			errors.add(error("password", passwordError));
		}
		fail(errors);
		Set<Role> roles = EnumSet.of(request.role());
		accounts.insert(username, encoder.encode(request.password()), displayName, roles, node.id(), node.path());
		events.publishEvent(new AccountPermissionsChanged(username, AccountRepository.rolesText(roles), node.code(),
				node.path(), null, admin.name(), Instant.now()));
		return get(username);
	}

	/** Sets the role and territory node of an account. Administrators cannot take their own administrator role away. */
	public AccountView changePermissions(String username, PermissionsChange change) {
		Actor admin = administrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		List<Map<String, String>> errors = new ArrayList<>();
		if (change.role() == null) {
			errors.add(error("role", "accounts.error.role"));
		}
		TerritoryNode node = node(admin, change.territoryCode(), errors);
		fail(errors);
		if (isSelf(admin, row) && change.role() != Role.ADMINISTRATOR) {
			throw new ConflictException(text("accounts.error.ownAdminRole"));
		}
		Set<Role> roles = EnumSet.of(change.role());
		if (roles.equals(row.roles()) && node.id() == row.territoryId()) {
			return get(username);
		}
		String before = AccountRepository.rolesText(row.roles()) + "@"
				+ territories.lookup(row.territoryId()).map(TerritoryNode::code).orElse("?");
		accounts.updatePermissions(row.id(), roles, node.id(), node.path());
		events.publishEvent(new AccountPermissionsChanged(row.username(), AccountRepository.rolesText(roles), node.code(),
				node.path(), before, admin.name(), Instant.now()));
		return get(username);
	}

	/** Enables or disables an account. Administrators cannot disable themselves. */
	public AccountView setEnabled(String username, boolean enabled) {
		Actor admin = administrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		if (!enabled && isSelf(admin, row)) {
			throw new ConflictException(text("accounts.error.disableSelf"));
		}
		if (row.enabled() != enabled) {
			accounts.setEnabled(row.id(), enabled);
			events.publishEvent(new AccountStatusChanged(row.username(), row.territoryPath(),
					enabled ? "ENABLED" : "DISABLED", admin.name(), Instant.now()));
		}
		return get(username);
	}

	/** Sets a new password (strength rules apply) and lifts any lock-out. */
	public void resetPassword(String username, String password) {
		Actor admin = administrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		String passwordError = PasswordRules.check(row.username(), password);
		if (passwordError != null) {
			throw ValidationFailedException.field("password", text(passwordError));
		}
		accounts.setPassword(row.id(), encoder.encode(password));
		events.publishEvent(new AccountStatusChanged(row.username(), row.territoryPath(), "PASSWORD_RESET", admin.name(),
				Instant.now()));
	}

	/** API keys bound to nodes in the administrator's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public List<ApiKeyView> apiKeys() {
		Actor admin = administrator();
		List<ApiKeys.KeyRow> rows = apiKeys.listUnder(admin.jurisdiction().likePattern());
		Map<Long, TerritoryNode> nodes = nodes(rows.stream().map(ApiKeys.KeyRow::territoryId).collect(Collectors.toSet()));
		return rows.stream().map(r -> {
			TerritoryNode n = nodes.get(r.territoryId());
			return new ApiKeyView(r.id(), r.name(), r.prefix(), r.purpose(), n == null ? null : n.code(),
					n == null ? null : n.name(), r.createdBy(), r.createdAt(), r.revokedAt());
		}).toList();
	}

	/** Issues a random API key; the returned plain key is shown once and never stored. */
	public IssuedApiKey issueApiKey(NewApiKey request) {
		Actor admin = administrator();
		List<Map<String, String>> errors = new ArrayList<>();
		String name = request.name() == null ? "" : request.name().trim();
		if (!USERNAME.matcher(name).matches()) {
			errors.add(error("name", "accounts.error.keyName"));
		}
		else if (apiKeys.nameInUse(name)) {
			errors.add(error("name", "accounts.error.keyName.taken"));
		}
		if (request.purpose() == null) {
			errors.add(error("purpose", "accounts.error.purpose"));
		}
		TerritoryNode node = node(admin, request.territoryCode(), errors);
		fail(errors);
		IssuedApiKey issued = apiKeys.insert(name, request.purpose(), node.id(), node.path(), admin.name(), null);
		events.publishEvent(new ApiKeyIssued(issued.id(), name, request.purpose().name(), node.code(), node.path(),
				admin.name(), Instant.now()));
		return issued;
	}

	/** Revokes a key of the administrator's jurisdiction; revoking twice is a 409. */
	public void revokeApiKey(long id) {
		Actor admin = administrator();
		ApiKeys.KeyRow row = apiKeys.find(id).filter(k -> admin.covers(k.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No API key " + id));
		if (!apiKeys.revoke(id)) {
			throw new ConflictException(text("accounts.error.keyRevoked"));
		}
		events.publishEvent(new ApiKeyRevoked(id, row.name(), row.territoryPath(), admin.name(), Instant.now()));
	}

	private static Actor administrator() {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey() || !actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Only administrators manage accounts");
		}
		return actor;
	}

	private static boolean isSelf(Actor admin, AccountRepository.AccountRow row) {
		return admin.accountId() != null && admin.accountId() == row.id();
	}

	private AccountRepository.AccountRow inJurisdiction(Actor admin, String username) {
		return accounts.find(username == null ? "" : username).filter(r -> admin.covers(r.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No account " + username));
	}

	/** The node with this code if it lies in the administrator's jurisdiction; otherwise a field error. */
	private TerritoryNode node(Actor admin, String code, List<Map<String, String>> errors) {
		TerritoryNode node = code == null ? null
				: territories.lookupByCode(code.trim()).filter(n -> admin.covers(n.path())).orElse(null);
		if (node == null) {
			errors.add(error("territoryCode", "accounts.error.territory"));
		}
		return node;
	}

	private Map<Long, TerritoryNode> nodes(Set<Long> ids) {
		return territories.lookupAll(new HashSet<>(ids)).stream()
			.collect(Collectors.toMap(TerritoryNode::id, Function.identity()));
	}

	private static AccountView view(AccountRepository.AccountRow r, TerritoryNode node) {
		return new AccountView(r.id(), r.username(), r.displayName(), r.roles(), node == null ? null : node.code(),
				node == null ? null : node.name(), r.enabled(), r.locked());
	}

	private Map<String, String> error(String field, String key) {
		return Map.of("field", field, "message", text(key));
	}

	private void fail(List<Map<String, String>> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(text("accounts.error.invalid"), errors);
		}
	}

	private String text(String key) {
		return messages.getMessage(key, new Object[] { PasswordRules.MIN_LENGTH }, key, LocaleContextHolder.getLocale());
	}
}
