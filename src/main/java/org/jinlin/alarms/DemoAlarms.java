package org.jinlin.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.DemoSeeds;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of the alarm desk: 军门社区's responders (the grid worker and the volunteer on duty, the community
 * head, 东街街道's duty officer) with a weekly rota, and three months of past, resolved alarms of the demo elders so
 * the monthly report has figures. Never in {@code prod}; once per database.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "jinlin.demo.enabled", matchIfMissing = true)
@Order(DemoSeeds.PEOPLE + 40)
class DemoAlarms implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAlarms.class);

	static final int HISTORY = 240;

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ElderRegister elders;

	private final org.jinlin.people.ResidentRegister residents;

	DemoAlarms(JdbcClient jdbc, Territories territories, ElderRegister elders, org.jinlin.people.ResidentRegister residents) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.elders = elders;
		this.residents = residents;
	}

	private String gulouPath() {
		return territories.lookupByCode("350102").map(TerritoryNode::path).orElse("/");
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!DemoSeeds.claim(jdbc, "alarms")) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		responder("junmen-grid1", "军门社区 第1网格 陈网格员", DutyRole.RESPONDER, "350102004001G01", DutyStatus.ON_DUTY, now);
		responder("volunteer1", "志愿者 小李", DutyRole.RESPONDER, "350102004001", DutyStatus.ROTA, now);
		responder("junmen", "军门社区 林书记", DutyRole.COMMUNITY_HEAD, "350102004001", DutyStatus.ON_DUTY, now);
		responder("dongjie", "东街街道办", DutyRole.STREET_DUTY_OFFICER, "350102004000", DutyStatus.ON_DUTY, now);
		for (int day = 1; day <= 7; day++) {
			jdbc.sql("INSERT INTO alarm_duty_shift (username, day_of_week, start_time, end_time) VALUES ('volunteer1', ?, TIME '07:00:00', TIME '22:00:00')")
				.param(day).update();
		}
		history(now.toInstant());
	}

	private void responder(String username, String name, DutyRole role, String code, DutyStatus status, OffsetDateTime now) {
		TerritoryNode node = territories.lookupByCode(code).orElse(null);
		if (node == null) {
			return;
		}
		jdbc.sql("""
				INSERT INTO alarm_responder (username, display_name, duty_role, territory_id, territory_path, latitude, longitude,
				  duty_status, active, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, 'system:demo')""")
			.params(username, name, role.name(), node.id(), node.path(), node.latitude(), node.longitude(), status.name(), now)
			.update();
	}

	/** Past alarms: most acknowledged well within a minute, a few late or escalated, arrivals in 5-25 minutes. */
	private void history(Instant now) {
		List<ElderLocation> sample = new java.util.ArrayList<>();
		for (long residentId : residents.lookupActiveBornOnOrBefore(java.time.LocalDate.now().minusYears(60))) {
			elders.locateByResident(residentId).filter(e -> e.territoryPath().startsWith(gulouPath())).ifPresent(sample::add);
			if (sample.size() >= 60) {
				break;
			}
		}
		if (sample.isEmpty()) {
			return;
		}
		Random random = new Random(4711);
		AlarmKind[] kinds = { AlarmKind.SOS, AlarmKind.SOS, AlarmKind.SOS, AlarmKind.FALL, AlarmKind.FALL, AlarmKind.INACTIVITY,
				AlarmKind.SMOKE, AlarmKind.HEALTH };
		AlarmOutcome[] outcomes = { AlarmOutcome.HANDLED_AT_HOME, AlarmOutcome.HANDLED_AT_HOME, AlarmOutcome.HANDLED_AT_HOME,
				AlarmOutcome.FALSE_ALARM, AlarmOutcome.FALSE_ALARM, AlarmOutcome.FAMILY_ARRIVED, AlarmOutcome.TAKEN_TO_HOSPITAL,
				AlarmOutcome.EMERGENCY_SERVICES_CALLED };
		for (int i = 0; i < HISTORY; i++) {
			ElderLocation e = sample.get(random.nextInt(sample.size()));
			Instant raised = now.minus(Duration.ofMinutes(60 + random.nextInt(92 * 24 * 60)));
			double r = random.nextDouble();
			long ackSeconds = r < 0.965 ? 8 + random.nextInt(50) : r < 0.99 ? 61 + random.nextInt(110) : 181 + random.nextInt(240);
			int level = ackSeconds > 60 ? (int) Math.min(3, ackSeconds / 60) : 0;
			Instant acked = raised.plusSeconds(ackSeconds);
			Instant arrived = acked.plusSeconds(240 + random.nextInt(1300));
			Instant resolved = arrived.plusSeconds(300 + random.nextInt(2400));
			AlarmKind kind = kinds[random.nextInt(kinds.length)];
			AlarmOutcome outcome = outcomes[random.nextInt(outcomes.length)];
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO alarm (elder_id, community_id, territory_path, latitude, longitude, kind, channel, status,
					  escalation_level, responder_username, responder_name, occurred_at, raised_at, notified_at, acknowledged_at,
					  en_route_at, arrived_at, resolved_at, last_press_at, outcome, raised_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'RESOLVED', ?, 'junmen-grid1', '军门社区 第1网格 陈网格员', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system:demo')""")
				.params(e.elderId(), e.communityId(), e.territoryPath(), e.latitude(), e.longitude(), kind.name(),
						(kind == AlarmKind.SOS ? AlarmChannel.HELP_BUTTON : AlarmChannel.DEVICE).name(), level,
						AlarmDesk.ts(raised), AlarmDesk.ts(raised), AlarmDesk.ts(raised), AlarmDesk.ts(acked),
						AlarmDesk.ts(acked.plusSeconds(30)), AlarmDesk.ts(arrived), AlarmDesk.ts(resolved), AlarmDesk.ts(raised),
						outcome.name())
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			step(id, raised, "RAISED", "system:demo", kind.name());
			step(id, acked, "ACKNOWLEDGED", "junmen-grid1", null);
			step(id, arrived, "ARRIVED", "junmen-grid1", null);
			step(id, resolved, "RESOLVED", "junmen-grid1", outcome.name());
		}
		log.info("Demo alarms: {} responders, {} past alarms", 4, HISTORY);
	}

	private void step(long id, Instant at, String kind, String actor, String detail) {
		jdbc.sql("INSERT INTO alarm_step (alarm_id, happened_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(id, AlarmDesk.ts(at), kind, actor, detail).update();
	}
}
