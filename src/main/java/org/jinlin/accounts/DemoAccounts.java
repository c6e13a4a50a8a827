package org.jinlin.accounts;

import java.util.EnumSet;
import java.util.Set;

import org.jinlin.shared.DemoSeeds;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo accounts written in the README, all with the password {@code jinlin-demo}. Never in {@code prod}. */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@Order(DemoSeeds.ACCOUNTS)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "jinlin-demo";

	static final String OPEN311_KEY = "jinlin-demo-open311";

	/** The demo alarm gateway's key: pendants, wristbands and detectors of the whole city post alarms with it. */
	static final String DEVICE_KEY = "jinlin-demo-device";

	private final AccountRepository accounts;

	private final ApiKeys apiKeys;

	private final Territories territories;

	private final PasswordEncoder encoder;

	private final JdbcClient jdbc;

	DemoAccounts(AccountRepository accounts, ApiKeys apiKeys, Territories territories, PasswordEncoder encoder,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.apiKeys = apiKeys;
		this.territories = territories;
		this.encoder = encoder;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "accounts")) {
			return;
		}
		String hash = encoder.encode(PASSWORD);
		create("admin", "系统管理员", hash, "350100", Role.ADMINISTRATOR);
		create("city", "福州市民政局", hash, "350100", Role.CITY_OFFICIAL);
		create("gulou", "鼓楼区民政局", hash, "350102", Role.DISTRICT_OFFICIAL);
		create("dongjie", "东街街道办", hash, "350102004000", Role.STREET_OFFICIAL);
		create("junmen", "军门社区 林书记", hash, "350102004001", Role.COMMUNITY_WORKER);
		create("junmen-grid1", "军门社区 第1网格 陈网格员", hash, "350102004001G01", Role.GRID_WORKER);
		create("resident1", "居民 王阿姨", hash, "350102004001G01", Role.RESIDENT);
		create("volunteer1", "志愿者 小李", hash, "350102004001", Role.VOLUNTEER);
		// A party member in service (在职党员) who lives in 军门社区 and works for a city bureau; she registers with
		// her community of residence (双报到) in the member-service pages.
		create("member1", "党员 张敏", hash, "350102004001", Role.PARTY_MEMBER);
		create("canteen1", "东街长者食堂", hash, "350102004000", Role.CANTEEN_OPERATOR);
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		apiKeys.issue("demo-open311", ApiKeyPurpose.OPEN311, city.id(), city.path(), "demo", OPEN311_KEY);
		apiKeys.issue("demo-devices", ApiKeyPurpose.DEVICE, city.id(), city.path(), "demo", DEVICE_KEY);
	}

	private void create(String username, String displayName, String hash, String territoryCode, Role role) {
		TerritoryNode node = territories.lookupByCode(territoryCode)
			.orElseThrow(() -> new IllegalStateException("Demo territory lacks " + territoryCode));
		Set<Role> roles = EnumSet.of(role);
		accounts.insert(username, hash, displayName, roles, node.id(), node.path());
	}
}
