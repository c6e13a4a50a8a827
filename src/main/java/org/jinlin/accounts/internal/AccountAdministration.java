package org.jinlin.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountPermissionsChanged;
import org.jinlin.accounts.AccountStatusChanged;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of accounts. Only administrators may use it, and only on accounts bound to nodes inside their
 * own jurisdiction; accounts outside it do not exist for them (404). Every change publishes an event for the
 * audit log, naming who made it.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class AccountAdministration {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	/** Names the administration pages and API use as paths under {@code /accounts/}. */
	static final Set<String> RESERVED = Set.of("new", "throttles", "sign-up", "sign-ups", "password-reset", "residents");

	private final AccountRepository accounts;

	private final AdministeredNodes nodes;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	/** Accounts in the administrator's jurisdiction whose user name or display name contains {@code query}. */
	@Transactional(readOnly = true)
	public List<AccountView> list(String query) {
		Actor admin = AccountsAccess.requireAdministrator();
		String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
		List<AccountRepository.AccountRow> rows = accounts.listUnder(admin.jurisdiction().likePattern()).stream()
			.filter(r -> q.isEmpty() || r.username().contains(q) || r.displayName().toLowerCase(Locale.ROOT).contains(q))
			.toList();
		Map<Long, TerritoryNode> found = nodes
			.nodes(rows.stream().map(AccountRepository.AccountRow::territoryId).collect(Collectors.toSet()));
		return rows.stream().map(r -> view(r, found.get(r.territoryId()))).toList();
	}

	/** One account in the administrator's jurisdiction, or 404. */
	@Transactional(readOnly = true)
	public AccountView get(String username) {
		AccountRepository.AccountRow row = inJurisdiction(AccountsAccess.requireAdministrator(), username);
		return view(row, nodes.lookup(row.territoryId()));
	}

	/** Creates an account bound to a node of the administrator's jurisdiction. */
	public AccountView create(NewAccount request) {
		Actor admin = AccountsAccess.requireAdministrator();
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		String username = request.username() == null ? "" : request.username().trim();
		if (!USERNAME.matcher(username).matches()) {
			errors.add(AdministeredNodes.error("username", "accounts.error.username"));
		}
		else if (RESERVED.contains(username) || accounts.exists(username)) {
			errors.add(AdministeredNodes.error("username", "accounts.error.username.taken"));
		}
		String displayName = request.displayName() == null ? "" : request.displayName().trim();
		if (displayName.isEmpty() || displayName.length() > 100) {
			errors.add(AdministeredNodes.error("displayName", "accounts.error.displayName"));
		}
		if (request.role() == null) {
			errors.add(AdministeredNodes.error("role", "accounts.error.role"));
		}
		TerritoryNode node = nodes.node(admin, request.territoryCode(), errors);
		String passwordError = PasswordRules.check(username, request.password());
		if (passwordError != null) {
			errors.add(AdministeredNodes.error("password", passwordError));
		}
		nodes.failIfAny(errors);
		Set<Role> roles = EnumSet.of(request.role());
		accounts.insert(username, encoder.encode(request.password()), displayName, roles, node.id(), node.path());
		events.publishEvent(new AccountPermissionsChanged(username, AccountRepository.rolesText(roles), node.code(),
				node.path(), null, admin.name(), Instant.now()));
		return get(username);
	}

	/** Sets the role and territory node of an account. Administrators cannot take their own administrator role away. */
	public AccountView changePermissions(String username, PermissionsChange change) {
		Actor admin = AccountsAccess.requireAdministrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		if (change.role() == null) {
			errors.add(AdministeredNodes.error("role", "accounts.error.role"));
		}
		TerritoryNode node = nodes.node(admin, change.territoryCode(), errors);
		nodes.failIfAny(errors);
		if (isSelf(admin, row) && change.role() != Role.ADMINISTRATOR) {
			throw new ConflictException(nodes.text("accounts.error.ownAdminRole"));
		}
		Set<Role> roles = EnumSet.of(change.role());
		if (roles.equals(row.roles()) && node.id() == row.territoryId()) {
			return get(username);
		}
		TerritoryNode previous = nodes.lookup(row.territoryId());
		String before = AccountRepository.rolesText(row.roles()) + "@" + (previous == null ? "?" : previous.code());
		accounts.updatePermissions(row.id(), roles, node.id(), node.path());
		events.publishEvent(new AccountPermissionsChanged(row.username(), AccountRepository.rolesText(roles), node.code(),
				node.path(), before, admin.name(), Instant.now()));
		return get(username);
	}

	/** Enables or disables an account. Administrators cannot disable themselves. */
	public AccountView setEnabled(String username, boolean enabled) {
		Actor admin = AccountsAccess.requireAdministrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		if (!enabled && isSelf(admin, row)) {
			throw new ConflictException(nodes.text("accounts.error.disableSelf"));
		}
		if (row.enabled() != enabled) {
			accounts.setEnabled(row.id(), enabled);
			events.publishEvent(new AccountStatusChanged(row.username(), row.territoryPath(),
					enabled ? "ENABLED" : "DISABLED", admin.name(), Instant.now()));
		}
		return get(username);
	}

	/** Sets a new password (strength rules apply). */
	public void resetPassword(String username, String password) {
		Actor admin = AccountsAccess.requireAdministrator();
		AccountRepository.AccountRow row = inJurisdiction(admin, username);
		String passwordError = PasswordRules.check(row.username(), password);
		if (passwordError != null) {
			throw ValidationFailedException.field("password", nodes.text(passwordError));
		}
		accounts.setPassword(row.id(), encoder.encode(password));
		events.publishEvent(new AccountStatusChanged(row.username(), row.territoryPath(), "PASSWORD_RESET", admin.name(),
				Instant.now()));
	}

	private static boolean isSelf(Actor admin, AccountRepository.AccountRow row) {
		return admin.accountId() != null && admin.accountId() == row.id();
	}

	private AccountRepository.AccountRow inJurisdiction(Actor admin, String username) {
		return accounts.find(username == null ? "" : username).filter(r -> admin.covers(r.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No account " + username));
	}

	private static AccountView view(AccountRepository.AccountRow r, TerritoryNode node) {
		return new AccountView(r.id(), r.username(), r.displayName(), r.roles(), node == null ? null : node.code(),
				node == null ? null : node.name(), r.enabled());
	}
}
