package org.jinlin.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;
import org.junit.jupiter.api.Test;

/** The dispatch chain and the duty rota, without Spring or a database. */
class DispatchPolicyTests {

	static final String STREET = "/1/2/3/";

	static final String COMMUNITY = "/1/2/3/4/";

	static final String ELDER = "/1/2/3/4/5/6/7/";

	static DispatchPolicy.Responder r(String name, DutyRole role, String path, double lat, boolean onDuty) {
		return new DispatchPolicy.Responder(name, name, role, path, lat, 119.3, onDuty);
	}

	List<String> names(List<DispatchPolicy.Stage> chain) {
		return chain.stream().map(s -> s.responder().username()).toList();
	}

	@Test
	void nearestOnDutyRespondersFirstThenTheHeadThenTheStreetOfficer() {
		List<DispatchPolicy.Responder> all = List.of(
				r("far", DutyRole.RESPONDER, "/1/2/3/4/8/", 26.02, true),
				r("near", DutyRole.RESPONDER, "/1/2/3/4/5/", 26.0801, true),
				r("middle", DutyRole.RESPONDER, COMMUNITY, 26.07, true),
				r("asleep", DutyRole.RESPONDER, "/1/2/3/4/5/", 26.08, false),
				r("other-community", DutyRole.RESPONDER, "/1/2/3/9/", 26.08, true),
				r("head", DutyRole.COMMUNITY_HEAD, COMMUNITY, 26.07, true),
				r("street", DutyRole.STREET_DUTY_OFFICER, STREET, 26.06, true));
		var chain = DispatchPolicy.chain(ELDER, COMMUNITY, STREET, 26.08, 119.3, all, 2);
		assertThat(names(chain)).containsExactly("near", "middle", "head", "street");
		assertThat(chain.get(0).distanceMetres()).isLessThan(chain.get(1).distanceMetres());
	}

	@Test
	void withNobodyOnDutyTheHeadAndTheStreetOfficerAreStillAsked() {
		List<DispatchPolicy.Responder> all = List.of(
				r("asleep", DutyRole.RESPONDER, COMMUNITY, 26.08, false),
				r("head-off", DutyRole.COMMUNITY_HEAD, COMMUNITY, 26.07, false),
				r("street-off", DutyRole.STREET_DUTY_OFFICER, STREET, 26.06, false));
		assertThat(names(DispatchPolicy.chain(ELDER, COMMUNITY, STREET, 26.08, 119.3, all, 2)))
			.containsExactly("head-off", "street-off");
	}

	@Test
	void anOnDutyHeadIsPreferredAndAHeadOfAnotherCommunityIsNeverAsked() {
		List<DispatchPolicy.Responder> all = List.of(
				r("head-off", DutyRole.COMMUNITY_HEAD, COMMUNITY, 26.08, false),
				r("head-on", DutyRole.COMMUNITY_HEAD, COMMUNITY, 26.00, true),
				r("head-elsewhere", DutyRole.COMMUNITY_HEAD, "/1/2/3/9/", 26.08, true));
		assertThat(names(DispatchPolicy.chain(ELDER, COMMUNITY, STREET, 26.08, 119.3, all, 2))).containsExactly("head-on");
	}

	@Test
	void noRespondersMeansAnEmptyChain() {
		assertThat(DispatchPolicy.chain(ELDER, COMMUNITY, STREET, 26.08, 119.3, List.of(), 2)).isEmpty();
	}

	@Test
	void theRotaCoversDayShiftsAndShiftsPastMidnight() {
		var day = new DispatchPolicy.Shift(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0));
		var night = new DispatchPolicy.Shift(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0));
		LocalDateTime monday = LocalDateTime.of(2026, 11, 23, 0, 0);
		assertThat(day.covers(monday.withHour(8))).isTrue();
		assertThat(day.covers(monday.withHour(17).withMinute(59))).isTrue();
		assertThat(day.covers(monday.withHour(18))).isFalse();
		assertThat(day.covers(monday.plusDays(1).withHour(9))).isFalse();
		assertThat(night.covers(monday.withHour(23))).isTrue();
		assertThat(night.covers(monday.plusDays(1).withHour(5))).isTrue();
		assertThat(night.covers(monday.plusDays(1).withHour(6))).isFalse();
		assertThat(night.covers(monday.withHour(5))).isFalse();
		assertThat(DispatchPolicy.onDuty(DutyStatus.ROTA, List.of(day), monday.withHour(9))).isTrue();
		assertThat(DispatchPolicy.onDuty(DutyStatus.ROTA, List.of(day), monday.withHour(20))).isFalse();
		assertThat(DispatchPolicy.onDuty(DutyStatus.ON_DUTY, List.of(), monday)).isTrue();
		assertThat(DispatchPolicy.onDuty(DutyStatus.OFF_DUTY, List.of(day), monday.withHour(9))).isFalse();
	}
}
