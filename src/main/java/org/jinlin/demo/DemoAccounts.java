package org.jinlin.demo;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountBulkLoad;
import org.jinlin.accounts.AccountDraft;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.shared.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The demo accounts written in the README, all with the password {@code jinlin-demo}. Never in {@code prod}. */
@DemoLoader
@Order(DemoSeeds.ACCOUNTS)
@RequiredArgsConstructor
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "jinlin-demo";

	static final String OPEN311_KEY = "jinlin-demo-open311";

	/** The demo alarm gateway's key: pendants, wristbands and detectors of the whole city post alarms with it. */
	static final String DEVICE_KEY = "jinlin-demo-device";

	static final String CITY = "350100";

	private final AccountBulkLoad accounts;

	private final JdbcClient jdbc;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "accounts")) {
			return;
		}
		accounts.createAccounts(PASSWORD, List.of(
				new AccountDraft("admin", "系统管理员", CITY, Role.ADMINISTRATOR),
				new AccountDraft("city", "福州市民政局", CITY, Role.CITY_OFFICIAL),
				new AccountDraft("gulou", "鼓楼区民政局", "350102", Role.DISTRICT_OFFICIAL),
				new AccountDraft("dongjie", "东街街道办", "350102004000", Role.STREET_OFFICIAL),
				new AccountDraft("junmen", "军门社区 林书记", "350102004001", Role.COMMUNITY_WORKER),
				new AccountDraft("junmen-grid1", "军门社区 第1网格 陈网格员", "350102004001G01", Role.GRID_WORKER),
				new AccountDraft("resident1", "居民 王阿姨", "350102004001G01", Role.RESIDENT),
				new AccountDraft("volunteer1", "志愿者 小李", "350102004001", Role.VOLUNTEER),
				// A party member in service (在职党员) who lives in 军门社区 and works for a city bureau; she registers
				// with her community of residence (双报到) in the member-service pages.
				new AccountDraft("member1", "党员 张敏", "350102004001", Role.PARTY_MEMBER),
				new AccountDraft("canteen1", "东街长者食堂", "350102004000", Role.CANTEEN_OPERATOR)));
		accounts.issueApiKey("demo-open311", ApiKeyPurpose.OPEN311, CITY, "demo", OPEN311_KEY);
		accounts.issueApiKey("demo-devices", ApiKeyPurpose.DEVICE, CITY, "demo", DEVICE_KEY);
	}
}
