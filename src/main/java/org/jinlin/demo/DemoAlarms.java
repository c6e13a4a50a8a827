package org.jinlin.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmChannel;
import org.jinlin.alarms.AlarmImport;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.people.ResidentRegister;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data of the alarm desk: 军门社区's responders (the grid worker and the volunteer on duty, the community
 * head, 东街街道's duty officer) with a weekly rota, and three months of past, resolved alarms of the demo elders so
 * the monthly report has figures. Never in {@code prod}; once per database. Loaded through {@link AlarmImport}.
 */
@DemoLoader
@Order(DemoSeeds.PEOPLE + 40)
@RequiredArgsConstructor
class DemoAlarms implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAlarms.class);

	static final int HISTORY = 240;

	static final String BY = "system:demo";

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ElderRegister elders;

	private final ResidentRegister residents;

	private final AlarmImport alarms;

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
		alarms.responders(List.of(
				new AlarmImport.Responder("junmen-grid1", "军门社区 第1网格 陈网格员", DutyRole.RESPONDER, "350102004001G01", DutyStatus.ON_DUTY),
				new AlarmImport.Responder("volunteer1", "志愿者 小李", DutyRole.RESPONDER, "350102004001", DutyStatus.ROTA),
				new AlarmImport.Responder("junmen", "军门社区 林书记", DutyRole.COMMUNITY_HEAD, "350102004001", DutyStatus.ON_DUTY),
				new AlarmImport.Responder("dongjie", "东街街道办", DutyRole.STREET_DUTY_OFFICER, "350102004000", DutyStatus.ON_DUTY)),
				now, BY);
		List<AlarmImport.Shift> shifts = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			shifts.add(new AlarmImport.Shift("volunteer1", DayOfWeek.of(day), LocalTime.of(7, 0), LocalTime.of(22, 0)));
		}
		alarms.shifts(shifts);
		history(now.toInstant());
	}

	/** Past alarms: most acknowledged well within a minute, a few late or escalated, arrivals in 5-25 minutes. */
	private void history(Instant now) {
		List<ElderLocation> sample = new ArrayList<>();
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
		List<AlarmImport.PastAlarm> past = new ArrayList<>();
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
			past.add(new AlarmImport.PastAlarm(e, kind, kind == AlarmKind.SOS ? AlarmChannel.HELP_BUTTON : AlarmChannel.DEVICE,
					level, "junmen-grid1", "军门社区 第1网格 陈网格员", raised, acked, acked.plusSeconds(30), arrived, resolved,
					outcome));
		}
		alarms.pastAlarms(past, BY);
		log.info("Demo alarms: {} responders, {} past alarms", 4, HISTORY);
	}
}
