package org.jinlin.territory.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Part of the first-administrator bootstrap on an empty production database: creates the city
 * root node ({@code --jinlin.bootstrap-admin.city-code=350100 --jinlin.bootstrap-admin.city-name=福州市})
 * when no node has that code yet, so the administrator can be bound to it and import the rest of
 * the territory. Runs after the start-up data loaders (orders below 100), before the accounts' bootstrap runner.
 */
@Component
@ConditionalOnProperty("jinlin.bootstrap-admin.city-code")
@Order(BootstrapCity.ORDER)
class BootstrapCity implements ApplicationRunner {

	/** After all start-up data loaders; the accounts module's bootstrap runs right after. */
	static final int ORDER = 100;

	private static final Logger log = LoggerFactory.getLogger(BootstrapCity.class);

	private static final Pattern CITY_CODE = Pattern.compile("\\d{6}");

	private final TerritoryRepository repository;

	private final String code;

	private final String name;

	BootstrapCity(TerritoryRepository repository, @Value("${jinlin.bootstrap-admin.city-code}") String code,
			@Value("${jinlin.bootstrap-admin.city-name:}") String name) {
		this.repository = repository;
		this.code = code.trim();
		this.name = name.trim();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (repository.findByCode(code).isPresent()) {
			return;
		}
		if (!CITY_CODE.matcher(code).matches()) {
			throw new IllegalStateException("jinlin.bootstrap-admin.city-code must be a 6-digit GB/T 2260 code, got " + code);
		}
		if (name.isEmpty() || name.length() > 100) {
			throw new IllegalStateException("Set --jinlin.bootstrap-admin.city-name to create the city root node " + code);
		}
		List<TerritoryNode> roots = repository.findByLevelUnder(TerritoryLevel.CITY, "/").stream()
			.filter(n -> n.parentId() == null).toList();
		if (!roots.isEmpty()) {
			throw new IllegalStateException("The territory already has a city root (" + roots.get(0).code()
					+ "); jinlin.bootstrap-admin.city-code " + code + " does not match it");
		}
		TerritoryNode city = repository.insert(null, TerritoryLevel.CITY, false, code, name, null, null, null, null);
		log.info("Bootstrap: created the city root node {} {}", city.code(), city.name());
	}
}
