package org.jinlin.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.servicehours.ServicesDelivered;
import org.jinlin.servicehours.TimeBankImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's own service-hours history: volunteer 小李 (volunteer1), 王阿姨's buddy, joined the time bank a year
 * ago and visited her every month since, so her hours, points and time bank show on her page and the ledger of
 * 军门社区 has entries from the start. Everything else arrives from member service and volunteers' demo data.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 6)
@RequiredArgsConstructor
class DemoServiceHours implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoServiceHours.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ElderRegister elders;

	private final TimeBankImport timeBank;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "servicehours")) {
			return;
		}
		ElderLocation wang = elders.locateByDevice("DEMO-PENDANT-0001").orElse(null);
		if (wang == null) {
			log.warn("Demo service hours skipped: 王阿姨's pendant is not registered");
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		timeBank.enrol("volunteer1", "志愿者 小李", wang.territoryPath(), now.minusMonths(12).minusDays(3).toInstant());
		// Booked like any other batch, after this transaction commits: at start-up other modules' demo batches are
		// being booked too, and a booking that waits too long for a lock is retried, not fatal to the start.
		List<ServiceDelivered> visits = new ArrayList<>();
		for (int month = 12; month >= 1; month--) {
			OffsetDateTime at = now.minusMonths(month).withHour(2).withMinute(30);
			visits.add(new ServiceDelivered("volunteer1", "志愿者 小李", wang.communityId(), wang.territoryPath(),
					ServiceSource.VISIT, "demo-visit:" + month, "ELDERLY", "结对探访王阿姨：聊天、量血压、检查燃气",
					new BigDecimal(month % 3 == 0 ? "1.5" : "1"), false, true, at.toInstant(), "junmen"));
		}
		events.publishEvent(new ServicesDelivered(visits));
		log.info("Demo service hours: volunteer1 in the time bank, {} buddy visits to book", visits.size());
	}
}
