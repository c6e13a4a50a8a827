package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.accounts.AccountManagement.AccountReference;
import org.jinlin.alarms.ResponderArrived;
import org.jinlin.demands.DemandClosed;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.eldercare.VisitRecorded;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The service-hours module with its dependencies: each event it listens to — confirmed service and registrations
 * (its own events, published by member service, volunteers and party), a demand closed (demands), a buddy's visit
 * (eldercare) and an alarm reached (alarms) — ends as the record and the balanced ledger transfer it should; what
 * staff do as their job earns nothing.
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ServicehoursModuleTests {

	@Autowired
	ServiceHours hours;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	/** Who helped: made-up accounts, so the test needs no demo data. */
	@MockitoBean
	AccountManagement accounts;

	TerritoryNode junmen;

	String volunteer;

	@BeforeEach
	void accounts() {
		junmen = territories.lookupByCode("350102004001").orElseThrow();
		volunteer = "module-volunteer-" + UUID.randomUUID();
		when(accounts.lookup(anyString())).thenReturn(Optional.empty());
		when(accounts.lookup(volunteer)).thenReturn(Optional.of(new AccountReference(volunteer, "志愿者 测试",
				Set.of(Role.VOLUNTEER), junmen.id(), junmen.path())));
		when(accounts.lookup("module-worker")).thenReturn(Optional.of(new AccountReference("module-worker", "社区工作者",
				Set.of(Role.COMMUNITY_WORKER, Role.VOLUNTEER), junmen.id(), junmen.path())));
	}

	/** The record of this source reference and the sum of its SERVICE transfer's entries, once booked. */
	record Booked(String personKey, String source, boolean problemSolved, boolean elderlyCare, BigDecimal hours,
			long entries, BigDecimal sum) {
	}

	List<Booked> booked(String sourceRef) {
		return jdbc.sql("""
				SELECT r.person_key, r.source, r.problem_solved, r.elderly_care, r.hours,
					(SELECT COUNT(*) FROM ledger_entry e JOIN ledger_transfer t ON t.id = e.transfer_id
						WHERE t.service_record_id = r.id AND t.kind = 'SERVICE'),
					(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN ledger_transfer t ON t.id = e.transfer_id
						WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')
				FROM service_record r WHERE r.source_ref = ?""")
			.param(sourceRef)
			.query((rs, n) -> new Booked(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
					rs.getBigDecimal(5), rs.getLong(6), rs.getBigDecimal(7)))
			.list();
	}

	/** Whether the module's listener has handled every publication whose payload contains {@code fragment}. */
	boolean handled(String fragment) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%servicehours%'
				AND serialized_event LIKE ? AND completion_date IS NULL""")
			.param("%" + fragment + "%").query(Long.class).single() == 0;
	}

	ServiceDelivered service(String ref, String h) {
		return new ServiceDelivered(volunteer, "志愿者 测试", junmen.id(), junmen.path(), ServiceSource.ACTIVITY, ref,
				"GREENERY", "补种绿篱", new BigDecimal(h), false, false, Instant.now(), "junmen");
	}

	@Test
	void confirmedServiceIsBookedAsABalancedTransferToThePerson(Scenario scenario) {
		String ref = "activity:" + UUID.randomUUID();
		scenario.publish(service(ref, "2.5"))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> booked(ref), list -> !list.isEmpty() && list.get(0).entries() > 0)
			.andVerify(list -> {
				assertThat(list).singleElement().satisfies(b -> {
					assertThat(b.personKey()).isEqualTo(volunteer);
					assertThat(b.hours()).isEqualByComparingTo("2.5");
					assertThat(b.entries()).as("hours and points, each from the community to the person").isEqualTo(4);
					assertThat(b.sum()).isEqualByComparingTo("0");
				});
				ServiceBalance balance = hours.balanceOf(volunteer);
				assertThat(balance.hours()).isEqualByComparingTo("2.5");
				assertThat(balance.points()).isEqualByComparingTo("2.5");
				assertThat(balance.personTimes()).isEqualTo(1);
			});
	}

	@Test
	void aBatchOfServiceIsBookedOnceEach(Scenario scenario) {
		String first = "activity:" + UUID.randomUUID();
		String second = "activity:" + UUID.randomUUID();
		scenario.publish(new ServicesDelivered(List.of(service(first, "1"), service(second, "1.5"), service(first, "1"))))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> hours.balanceOf(volunteer), b -> b.personTimes() == 2)
			.andVerify(balance -> {
				assertThat(balance.hours()).isEqualByComparingTo("2.5");
				assertThat(booked(first)).singleElement().extracting(Booked::sum).isEqualTo(new BigDecimal("0.00"));
				assertThat(booked(second)).singleElement().extracting(Booked::entries).isEqualTo(4L);
			});
	}

	@Test
	void aRegistrationIsCountedInTheFiguresOnce(Scenario scenario) {
		String person = "unit:" + UUID.randomUUID();
		scenario.publish(new ParticipantRegistered(person, ParticipantKind.UNIT, junmen.id(), junmen.path(), Instant.now()))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> jdbc.sql("SELECT kind FROM service_participant WHERE person_key = ?")
				.param(person).query(String.class).list(), list -> !list.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("UNIT"));
	}

	@Test
	void aDemandHandedToAVolunteerAndClosedIsAProblemSolved(Scenario scenario) {
		long demand = 8_000_000L + System.nanoTime() % 1_000_000L;
		scenario.publish(new DemandClosed(demand, junmen.path(), junmen.id(), null, null, false, Instant.now(), volunteer,
				"environment", null, Instant.now(), null))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> booked("demand:" + demand), list -> !list.isEmpty() && list.get(0).entries() > 0)
			.andVerify(list -> assertThat(list).singleElement().satisfies(b -> {
				assertThat(b.source()).isEqualTo("DEMAND");
				assertThat(b.problemSolved()).isTrue();
				assertThat(b.hours()).isEqualByComparingTo("1");
				assertThat(b.sum()).isEqualByComparingTo("0");
			}));
	}

	@Test
	void aBuddysVisitIsElderlyCareAndAStaffMembersIsHerJob(Scenario scenario) {
		long visit = 7_000_000L + System.nanoTime() % 1_000_000L;
		scenario.publish(new VisitRecorded(visit, 1, junmen.id(), junmen.path(), volunteer, "志愿者 测试",
				VisitKind.PHONE_CHECK_IN, true, Instant.now()))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> booked("visit:" + visit), list -> !list.isEmpty() && list.get(0).entries() > 0)
			.andVerify(list -> assertThat(list).singleElement().satisfies(b -> {
				assertThat(b.source()).isEqualTo("VISIT");
				assertThat(b.elderlyCare()).isTrue();
				assertThat(b.sum()).isEqualByComparingTo("0");
			}));
		long staffVisit = visit + 1;
		scenario.publish(new VisitRecorded(staffVisit, 1, junmen.id(), junmen.path(), "module-worker", "社区工作者",
				VisitKind.PHONE_CHECK_IN, true, Instant.now()))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> handled("\"visitId\":" + staffVisit + ","))
			.andVerify(done -> assertThat(booked("visit:" + staffVisit)).isEmpty());
	}

	@Test
	void aVolunteerWhoReachedAnAlarmIsCreditedInTheAlarmsCommunity(Scenario scenario) {
		long alarm = 6_000_000L + System.nanoTime() % 1_000_000L;
		scenario.publish(new ResponderArrived(alarm, 1, junmen.path(), volunteer, Duration.ofMinutes(9), Instant.now()))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> booked("alarm:" + alarm), list -> !list.isEmpty() && list.get(0).entries() > 0)
			.andVerify(list -> {
				assertThat(list).singleElement().satisfies(b -> {
					assertThat(b.source()).isEqualTo("ALARM");
					assertThat(b.elderlyCare()).isTrue();
					assertThat(b.sum()).isEqualByComparingTo("0");
				});
				assertThat(jdbc.sql("SELECT community_id FROM service_record WHERE source_ref = ?")
					.param("alarm:" + alarm).query(Long.class).single()).isEqualTo(junmen.id());
			});
	}
}
