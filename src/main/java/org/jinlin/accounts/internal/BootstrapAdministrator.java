package org.jinlin.accounts.internal;


import org.jinlin.accounts.AccountPermissionsChanged;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator of an installation (in {@code prod} no account exists until then):
 * <pre>
 * JINLIN_BOOTSTRAP_ADMIN_PASSWORD='…' java -jar jinlin.jar --spring.profiles.active=prod \
 *   --jinlin.bootstrap-admin.username=NAME [--jinlin.bootstrap-admin.city-code=350100 \
 *   --jinlin.bootstrap-admin.city-name=福州市] [--jinlin.bootstrap-admin.exit=true]
 * </pre>
 * The password is read only from the environment variable, never from the command line. The
 * administrator is bound to the city root node and created only if no administrator exists yet;
 * otherwise nothing changes. With {@code exit=true} the application stops afterwards.
 */
@Component
@ConditionalOnProperty("jinlin.bootstrap-admin.username")
@Order(BootstrapAdministrator.ORDER)
class BootstrapAdministrator implements ApplicationRunner {

	/** Right after the territory module's city-root bootstrap. */
	static final int ORDER = 101;

	static final String PASSWORD_ENV = "JINLIN_BOOTSTRAP_ADMIN_PASSWORD";

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	/** Where the password comes from: the environment variable (replaceable in tests). */
	@FunctionalInterface
	interface PasswordSource {

		String password();
	}

	private final AccountRepository accounts;

	private final Territories territories;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ApplicationContext context;

	private final PasswordSource passwordSource;

	private final String username;

	private final String cityCode;

	private final boolean exit;

	BootstrapAdministrator(AccountRepository accounts, Territories territories, PasswordEncoder encoder,
			ApplicationEventPublisher events, TransactionTemplate transactions, ApplicationContext context,
			ObjectProvider<PasswordSource> passwordSource, @Value("${jinlin.bootstrap-admin.username}") String username,
			@Value("${jinlin.bootstrap-admin.city-code:}") String cityCode,
			@Value("${jinlin.bootstrap-admin.exit:false}") boolean exit) {
		this.accounts = accounts;
		this.territories = territories;
		this.encoder = encoder;
		this.events = events;
		this.transactions = transactions;
		this.context = context;
		this.passwordSource = passwordSource.getIfAvailable(() -> () -> System.getenv(PASSWORD_ENV));
		this.username = username.trim();
		this.cityCode = cityCode.trim();
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> bootstrap());
		if (exit) {
			log.info("Bootstrap finished; exiting as requested by jinlin.bootstrap-admin.exit=true");
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

	/** Creates the administrator unless one exists; returns whether it did. */
	boolean bootstrap() {
		if (accounts.administratorExists()) {
			log.info("Bootstrap: an administrator already exists; '{}' was not created", username);
			return false;
		}
		if (!AccountAdministration.USERNAME.matcher(username).matches()) {
			throw new IllegalStateException("jinlin.bootstrap-admin.username must be 2-64 lower-case letters, digits, '.', '-' or '_'");
		}
		if (accounts.exists(username)) {
			throw new IllegalStateException("An account named '" + username + "' exists but is not an administrator");
		}
		String password = passwordSource.password();
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException("Set the environment variable " + PASSWORD_ENV
					+ " to the first administrator's password (it is never read from the command line)");
		}
		String weakness = PasswordRules.check(username, password);
		if (weakness != null) {
			throw new IllegalStateException("The password in " + PASSWORD_ENV + " is too weak: at least "
					+ PasswordRules.MIN_LENGTH + " characters, not containing the user name (" + weakness + ")");
		}
		TerritoryNode city = city();
		Set<Role> roles = EnumSet.of(Role.ADMINISTRATOR);
		accounts.insert(username, encoder.encode(password), "系统管理员", roles, city.id(), city.path());
		events.publishEvent(new AccountPermissionsChanged(username, AccountRepository.rolesText(roles), city.code(),
				city.path(), null, "bootstrap", Instant.now()));
		log.info("Bootstrap: created the first administrator '{}' bound to {} {}", username, city.code(), city.name());
		return true;
	}

	private TerritoryNode city() {
		if (!cityCode.isEmpty()) {
			return territories.lookupByCode(cityCode).filter(n -> n.parentId() == null)
				.orElseThrow(() -> new IllegalStateException("No city root node with code " + cityCode));
		}
		List<TerritoryNode> roots = territories.lookupLevelUnder(TerritoryLevel.CITY, "/").stream()
			.filter(n -> n.parentId() == null).toList();
		if (roots.size() != 1) {
			throw new IllegalStateException("The territory has no city root node yet: import the territory first, or add "
					+ "--jinlin.bootstrap-admin.city-code=350100 --jinlin.bootstrap-admin.city-name=福州市");
		}
		return roots.get(0);
	}
}
