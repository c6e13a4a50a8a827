package org.jinlin.spaces;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.shared.ConflictException;
import org.jinlin.spaces.internal.BookingDesk;
import org.jinlin.spaces.internal.BookingRequest;
import org.jinlin.spaces.internal.SpaceTime;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spaces and bookings through the API as the demo accounts use them: the spaces contract, booking and its rules,
 * taken slots (409), approval, staff on a resident's behalf, recurrence with conflicts, cancellation and the
 * waitlist's offer, jurisdiction, and 20 concurrent requests for overlapping slots yielding exactly one booking.
 * Each test makes its own space in 军门社区 (or 紫阳社区), so the tests do not share slots.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpaceBookingTests {

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	@Autowired
	UserDetailsService users;

	@Autowired
	Spaces spaces;

	/** A Monday some weeks ahead, at an hour, Fuzhou time. */
	static OffsetDateTime monday(int weeksAhead, int hour, int minute) {
		return LocalDate.now(SpaceTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead)
			.atTime(hour, minute).atZone(SpaceTime.ZONE).toOffsetDateTime();
	}

	ResultActions postJson(String user, String path, String json) throws Exception {
		return mvc.perform(post(path).with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long id(ResultActions r) throws Exception {
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** A space in a community with extra rule fields (JSON members, may be empty) and one zone of each kind given. */
	long[] space(String user, String community, String rules, ZoneKind... kinds) throws Exception {
		String name = "测试空间" + NAMES.incrementAndGet();
		long space = id(postJson(user, "/api/v1/spaces", """
				{"name": "%s", "community": "%s", "whoMayBook": ["RESIDENTS", "STAFF"], "minMinutes": 30, "maxMinutes": 240,
				 "opens": "08:00", "closes": "21:00" %s}""".formatted(name, community, rules.isEmpty() ? "" : ", " + rules))
			.andExpect(status().isCreated()));
		long[] ids = new long[kinds.length + 1];
		ids[0] = space;
		for (int i = 0; i < kinds.length; i++) {
			ids[i + 1] = id(postJson(user, "/api/v1/spaces/" + space + "/zones",
					"{\"name\": \"%s\", \"kind\": \"%s\", \"capacity\": 12}".formatted(kinds[i].name() + i, kinds[i]))
				.andExpect(status().isCreated()));
		}
		return ids;
	}

	String booking(long zone, OffsetDateTime start, OffsetDateTime end) {
		return "{\"zoneId\": %d, \"start\": \"%s\", \"end\": \"%s\"}".formatted(zone, start, end);
	}

	@Test
	void theSpacesOfACommunityAnswerIdNameAndZonesOfIdNameKind() throws Exception {
		long[] ids = space("junmen", JUNMEN, "", ZoneKind.NEIGHBOURS_BAR, ZoneKind.CONSULTATION_ROOM);
		String body = mvc.perform(get("/api/v1/spaces").param("community", JUNMEN).with(DemoAccounts.as("resident1")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> mine = JsonPath.read(body, "$[?(@.id == " + ids[0] + ")]");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0)).containsOnlyKeys("id", "name", "zones");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> zones = (List<Map<String, Object>>) mine.get(0).get("zones");
		assertThat(zones).allSatisfy(z -> assertThat(z).containsOnlyKeys("id", "name", "kind"));
		assertThat(zones).extracting(z -> z.get("kind")).containsExactly("NEIGHBOURS_BAR", "CONSULTATION_ROOM");
		assertThat(zones).extracting(z -> ((Number) z.get("id")).longValue()).containsExactly(ids[1], ids[2]);
		// the same through the module's query service, for other modules
		assertThat(spaces.zonesOfKind(JUNMEN, ZoneKind.CONSULTATION_ROOM)).extracting(Space.Zone::id).contains(ids[2]);
		mvc.perform(get("/api/v1/spaces").param("community", "999999").with(DemoAccounts.as("resident1")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/spaces").with(DemoAccounts.as("resident1"))).andExpect(status().isBadRequest());
	}

	@Test
	void aBookingIsConfirmedAndTheSameSlotIsThenTaken() throws Exception {
		long zone = space("junmen", JUNMEN, "\"bufferMinutes\": 15", ZoneKind.NEIGHBOURS_BAR)[1];
		OffsetDateTime start = monday(1, 10, 0);
		long id = id(postJson("resident1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED")));
		// overlapping, and back-to-back inside the 15-minute buffer: 409 problem+json
		postJson("volunteer1", "/api/v1/spaces/bookings", booking(zone, start.plusMinutes(30), start.plusMinutes(90)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		postJson("volunteer1", "/api/v1/spaces/bookings", booking(zone, start.plusHours(1), start.plusHours(2)))
			.andExpect(status().isConflict());
		postJson("volunteer1", "/api/v1/spaces/bookings",
				booking(zone, start.plusMinutes(75), start.plusMinutes(135)))
			.andExpect(status().isCreated());
		assertThat(spaces.booking(id)).hasValueSatisfying(b -> {
			assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
			assertThat(b.zoneKind()).isEqualTo(ZoneKind.NEIGHBOURS_BAR);
			assertThat(b.start()).isEqualTo(start);
		});
		mvc.perform(get("/api/v1/spaces/bookings/mine").with(DemoAccounts.as("resident1")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));
	}

	@Test
	void brokenRulesAreFieldErrorsAndNothingIsWritten() throws Exception {
		long zone = space("junmen", JUNMEN, "\"noticeMinutes\": 60, \"quotaMeasure\": \"BOOKINGS\", \"quotaPeriod\": \"WEEK\", \"quotaLimit\": 1",
				ZoneKind.SPORT)[1];
		OffsetDateTime start = monday(1, 20, 0);
		long before = bookings(zone);
		postJson("resident1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(5)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].code", hasItem("spaces.error.tooLong")))
			.andExpect(jsonPath("$.errors[*].code", hasItem("spaces.error.closed")));
		postJson("resident1", "/api/v1/spaces/bookings", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("zoneId")));
		OffsetDateTime soon = OffsetDateTime.now(SpaceTime.ZONE).plusMinutes(10);
		postJson("resident1", "/api/v1/spaces/bookings", booking(zone, soon, soon.plusMinutes(30)))
			.andExpect(status().isBadRequest());
		// the weekly quota of one booking: the first passes, the second that week is refused
		postJson("resident1", "/api/v1/spaces/bookings", booking(zone, monday(1, 9, 0), monday(1, 10, 0)))
			.andExpect(status().isCreated());
		postJson("resident1", "/api/v1/spaces/bookings", booking(zone, monday(1, 11, 0), monday(1, 12, 0)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("spaces.error.quota"));
		assertThat(bookings(zone)).isEqualTo(before + 1);
	}

	long bookings(long zone) {
		return jdbc.sql("SELECT COUNT(*) FROM space_booking WHERE zone_id = ?").param(zone).query(Long.class).single();
	}

	@Test
	void approvalRequiredLeavesItPendingUntilStaffOfTheCommunityApprove() throws Exception {
		long zone = space("junmen", JUNMEN, "\"approvalRequired\": true", ZoneKind.CONSULTATION_ROOM)[1];
		OffsetDateTime start = monday(2, 14, 0);
		long id = id(postJson("resident1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(2)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING")));
		// a pending booking holds the slot
		postJson("volunteer1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isConflict());
		postJson("resident1", "/api/v1/spaces/bookings/" + id + "/approve", "").andExpect(status().isForbidden());
		postJson("junmen", "/api/v1/spaces/bookings/" + id + "/approve", "").andExpect(status().isNoContent());
		assertThat(spaces.booking(id).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
		postJson("junmen", "/api/v1/spaces/bookings/" + id + "/approve", "").andExpect(status().isConflict());
		// staff of the community are confirmed at once
		postJson("junmen", "/api/v1/spaces/bookings", booking(zone, start.plusHours(3), start.plusHours(4)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		// a grid worker of the community may book (STAFF) but not approve: her booking waits like a resident's
		postJson("junmen-grid1", "/api/v1/spaces/bookings", booking(zone, start.plusHours(5), start.plusHours(6)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void staffBookOnAResidentsBehalfWithPurposeAndReference() throws Exception {
		long zone = space("junmen", JUNMEN, "", ZoneKind.CONSULTATION_ROOM)[1];
		OffsetDateTime start = monday(2, 9, 0);
		long id = id(postJson("junmen", "/api/v1/spaces/bookings", """
				{"zoneId": %d, "start": "%s", "end": "%s", "forUsername": "resident1", "purpose": "议事会",
				 "reference": "consultation:12"}""".formatted(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()));
		assertThat(jdbc.sql("SELECT username || '/' || booked_by FROM space_booking WHERE id = ?").param(id)
			.query(String.class).single()).isEqualTo("resident1/junmen");
		assertThat(spaces.byReference("consultation:12")).extracting(BookingSummary::id).contains(id);
		assertThat(spaces.booking(id).orElseThrow().purpose()).isEqualTo("议事会");
		mvc.perform(get("/api/v1/spaces/bookings/" + id).with(DemoAccounts.as("resident1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/spaces/bookings/" + id).with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isNotFound());
		// a resident cannot book for someone else
		postJson("resident1", "/api/v1/spaces/bookings", """
				{"zoneId": %d, "start": "%s", "end": "%s", "forUsername": "volunteer1"}"""
			.formatted(zone, start.plusHours(2), start.plusHours(3))).andExpect(status().isForbidden());
		postJson("junmen", "/api/v1/spaces/bookings", """
				{"zoneId": %d, "start": "%s", "end": "%s", "forUsername": "nobody-here"}"""
			.formatted(zone, start.plusHours(2), start.plusHours(3)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("forUsername"));
	}

	@Test
	void anotherCommunitysBookingsAreNotFoundForItsNeighboursStaff() throws Exception {
		long zone = space("city", ZIYANG, "\"approvalRequired\": true, \"whoMayBook\": [\"EVERYONE\"]", ZoneKind.GREEN)[1];
		OffsetDateTime start = monday(1, 15, 0);
		long id = id(postJson("resident1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING")));
		postJson("junmen", "/api/v1/spaces/bookings/" + id + "/approve", "").andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/spaces/bookings").param("community", ZIYANG).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/spaces/bookings").param("community", ZIYANG)
			.param("from", start.toLocalDate().toString()).with(DemoAccounts.as("city")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));
		postJson("junmen", "/api/v1/spaces", "{\"name\": \"x\", \"community\": \"" + ZIYANG + "\", \"whoMayBook\": [\"STAFF\"]}")
			.andExpect(status().isNotFound());
		// residents elsewhere may not book a residents-only space
		long junmenOnly = space("junmen", JUNMEN, "\"whoMayBook\": [\"RESIDENTS\"]", ZoneKind.CHILDREN)[1];
		postJson("junmen", "/api/v1/spaces/bookings", booking(junmenOnly, start, start.plusHours(1)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("spaces.error.notAllowed"));
	}

	@Test
	void aWeeklySeriesListsItsConflictsAndSkipsThemOnRequest() throws Exception {
		long zone = space("junmen", JUNMEN, "", ZoneKind.SPORT)[1];
		OffsetDateTime start = monday(1, 19, 0);
		postJson("volunteer1", "/api/v1/spaces/bookings", booking(zone, start.plusWeeks(2), start.plusWeeks(2).plusHours(1)))
			.andExpect(status().isCreated());
		String series = """
				{"zoneId": %d, "start": "%s", "end": "%s", "purpose": "广场舞", "repeat": {"frequency": "WEEKLY", "count": 4}%s}""";
		String taken = start.plusWeeks(2).toLocalDate().toString();
		postJson("resident1", "/api/v1/spaces/bookings", series.formatted(zone, start, start.plusMinutes(90), ""))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString(taken)));
		assertThat(bookings(zone)).isEqualTo(1);
		postJson("resident1", "/api/v1/spaces/bookings/preview", series.formatted(zone, start, start.plusMinutes(90), ""))
			.andExpect(status().isOk()).andExpect(jsonPath("$[2].conflict").value(true))
			.andExpect(jsonPath("$[1].conflict").value(false));
		postJson("resident1", "/api/v1/spaces/bookings",
				series.formatted(zone, start, start.plusMinutes(90), ", \"skipConflicts\": true"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.booked").value(3))
			.andExpect(jsonPath("$.skipped.length()").value(1));
		assertThat(bookings(zone)).isEqualTo(4);
	}

	@Test
	void aCancelledSlotIsOfferedToTheFirstInLineWhoAcceptsIt() throws Exception {
		long zone = space("junmen", JUNMEN, "\"cancelDeadlineMinutes\": 60", ZoneKind.NEIGHBOURS_BAR)[1];
		OffsetDateTime start = monday(3, 16, 0);
		long booking = id(postJson("resident1", "/api/v1/spaces/bookings", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()));
		long first = id(postJson("volunteer1", "/api/v1/spaces/waitlist", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()));
		long second = id(postJson("junmen-grid1", "/api/v1/spaces/waitlist", booking(zone, start, start.plusHours(1)))
			.andExpect(status().isCreated()));
		postJson("volunteer1", "/api/v1/spaces/waitlist/" + first + "/accept", "").andExpect(status().isConflict());
		mvc.perform(delete("/api/v1/spaces/bookings/" + booking).with(DemoAccounts.as("volunteer1")))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/spaces/bookings/" + booking).with(DemoAccounts.as("resident1")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/spaces/waitlist/mine").with(DemoAccounts.as("volunteer1")))
			.andExpect(jsonPath("$[?(@.id == " + first + ")].status").value(hasItem("OFFERED")));
		mvc.perform(get("/api/v1/spaces/waitlist/mine").with(DemoAccounts.as("junmen-grid1")))
			.andExpect(jsonPath("$[?(@.id == " + second + ")].status").value(hasItem("WAITING")));
		postJson("junmen-grid1", "/api/v1/spaces/waitlist/" + first + "/accept", "").andExpect(status().isNotFound());
		postJson("volunteer1", "/api/v1/spaces/waitlist/" + first + "/accept", "").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		assertThat(jdbc.sql("SELECT username FROM space_booking WHERE zone_id = ? AND status = 'CONFIRMED'").param(zone)
			.query(String.class).list()).containsExactly("volunteer1");
		mvc.perform(delete("/api/v1/spaces/bookings/" + booking).with(DemoAccounts.as("resident1")))
			.andExpect(status().isConflict());
	}

	/** A CONFIRMED booking of resident1 written directly (times around now, which the rules would refuse). */
	long insertBooking(long[] space, OffsetDateTime start, OffsetDateTime end, String token) {
		String path = jdbc.sql("SELECT territory_path FROM space WHERE id = ?").param(space[0]).query(String.class).single();
		jdbc.sql("""
				INSERT INTO space_booking (zone_id, space_id, territory_path, start_at, end_at, blocked_until, status, username,
				  booked_by, checkin_token, created_at) VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', 'resident1', 'resident1', ?, ?)""")
			.params(space[1], space[0], path, start, end, end, token, OffsetDateTime.now()).update();
		return jdbc.sql("SELECT id FROM space_booking WHERE checkin_token = ?").param(token).query(Long.class).single();
	}

	@Test
	void theBookerChecksInWithTheQrCodeAndStaffAtTheDesk() throws Exception {
		long[] space = space("junmen", JUNMEN, "", ZoneKind.NEIGHBOURS_BAR);
		OffsetDateTime now = OffsetDateTime.now(SpaceTime.ZONE);
		String token = "test-token-" + NAMES.incrementAndGet();
		long id = insertBooking(space, now.minusMinutes(5), now.plusMinutes(10), token);
		postJson("volunteer1", "/api/v1/spaces/check-in/" + token, "").andExpect(status().isNotFound());
		postJson("resident1", "/api/v1/spaces/check-in/" + token, "").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHECKED_IN"));
		postJson("resident1", "/api/v1/spaces/check-in/" + token, "").andExpect(status().isConflict());
		assertThat(spaces.booking(id).orElseThrow().status()).isEqualTo(BookingStatus.CHECKED_IN);
		// staff: too early for a booking next week
		long later = id(postJson("resident1", "/api/v1/spaces/bookings", booking(space[1], monday(1, 10, 0), monday(1, 11, 0)))
			.andExpect(status().isCreated()));
		postJson("resident1", "/api/v1/spaces/bookings/" + later + "/check-in", "").andExpect(status().isForbidden());
		postJson("junmen", "/api/v1/spaces/bookings/" + later + "/check-in", "").andExpect(status().isConflict());
		long today = insertBooking(space, now.plusMinutes(20), now.plusMinutes(50), token + "b");
		postJson("junmen", "/api/v1/spaces/bookings/" + today + "/check-in", "").andExpect(status().isNoContent());
		assertThat(spaces.booking(today).orElseThrow().status()).isEqualTo(BookingStatus.CHECKED_IN);
	}

	@Autowired
	org.jinlin.spaces.internal.BookingRelease release;

	@Test
	void aNoShowIsReleasedAfterTheGracePeriodAndTheFirstInLineIsOfferedTheRest() throws Exception {
		long[] space = space("junmen", JUNMEN, "\"opens\": \"00:00\", \"closes\": \"23:59\"", ZoneKind.NEIGHBOURS_BAR,
				ZoneKind.SPORT, ZoneKind.GREEN);
		OffsetDateTime now = OffsetDateTime.now(SpaceTime.ZONE);
		OffsetDateTime start = now.minusMinutes(16);
		OffsetDateTime end = now.plusMinutes(44);
		// each on a zone of its own: on PostgreSQL the database refuses overlapping active bookings of one zone
		long late = insertBooking(new long[] { space[0], space[3] }, now.minusMinutes(14), now.minusMinutes(13),
				"grace-" + NAMES.incrementAndGet());
		long noShow = insertBooking(space, start, end, "noshow-" + NAMES.incrementAndGet());
		long came = insertBooking(new long[] { space[0], space[2] }, start, end, "came-" + NAMES.incrementAndGet());
		jdbc.sql("UPDATE space_booking SET status = 'CHECKED_IN' WHERE id = ?").param(came).update();
		jdbc.sql("INSERT INTO space_waitlist (zone_id, start_at, end_at, username, status, created_at) VALUES (?, ?, ?, 'volunteer1', 'WAITING', ?)")
			.params(space[1], start, end, now.minusHours(1)).update();
		jdbc.sql("INSERT INTO space_waitlist (zone_id, start_at, end_at, username, status, created_at) VALUES (?, ?, ?, 'junmen-grid1', 'WAITING', ?)")
			.params(space[1], start, end, now.minusMinutes(30)).update();

		release.releaseDue(OffsetDateTime.now());

		assertThat(spaces.booking(noShow).orElseThrow().status()).isEqualTo(BookingStatus.RELEASED);
		assertThat(spaces.booking(late).orElseThrow().status()).as("inside its grace period").isEqualTo(BookingStatus.CONFIRMED);
		assertThat(spaces.booking(came).orElseThrow().status()).isEqualTo(BookingStatus.CHECKED_IN);
		String offers = mvc.perform(get("/api/v1/spaces/waitlist/mine").with(DemoAccounts.as("volunteer1")))
			.andReturn().getResponse().getContentAsString();
		List<String> status = JsonPath.read(offers, "$[?(@.zoneId == " + space[1] + ")].status");
		assertThat(status).containsExactly("OFFERED");
		List<Number> offered = JsonPath.read(offers, "$[?(@.zoneId == " + space[1] + ")].id");
		assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/v1/spaces/waitlist/mine").with(DemoAccounts.as("junmen-grid1")))
			.andReturn().getResponse().getContentAsString(), "$[?(@.zoneId == " + space[1] + ")].status")).containsExactly("WAITING");
		if (now.toLocalTime().isBefore(java.time.LocalTime.of(23, 0))) {
			postJson("volunteer1", "/api/v1/spaces/waitlist/" + offered.get(0).longValue() + "/accept", "")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		}
	}

	static net.fortuna.ical4j.model.Calendar parse(String ics) throws Exception {
		return new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
	}

	static List<String> values(net.fortuna.ical4j.model.Calendar calendar, String property) {
		return calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(net.fortuna.ical4j.model.Component.VEVENT)
			.stream().map(e -> e.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse(null))
			.toList();
	}

	@Test
	void theSpacesFeedShowsBusySlotsByZoneSignedOutAndThePersonalFeedHerOwn() throws Exception {
		long[] space = space("junmen", JUNMEN, "", ZoneKind.NEIGHBOURS_BAR, ZoneKind.GREEN);
		OffsetDateTime start = monday(1, 15, 0);
		postJson("resident1", "/api/v1/spaces/bookings", """
				{"zoneId": %d, "start": "%s", "end": "%s", "purpose": "王阿姨生日会, 请勿打扰; 谢谢"}"""
			.formatted(space[1], start, start.plusHours(2))).andExpect(status().isCreated());
		postJson("volunteer1", "/api/v1/spaces/bookings", booking(space[2], start, start.plusHours(1)))
			.andExpect(status().isCreated());
		String ics = mvc.perform(get("/spaces/" + space[0] + "/calendar.ics")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar")).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		net.fortuna.ical4j.model.Calendar calendar = parse(ics);
		assertThat(values(calendar, "SUMMARY")).containsExactlyInAnyOrder("NEIGHBOURS_BAR0", "GREEN1");
		assertThat(values(calendar, "DTSTART")).containsOnly(CalendarFeedText.utc(start));
		assertThat(ics).doesNotContain("resident1").doesNotContain("volunteer1").doesNotContain("生日会");
		mvc.perform(get("/spaces/999999999/calendar.ics")).andExpect(status().isNotFound());

		String path = JsonPath.read(postJson("resident1", "/api/v1/spaces/feed", "").andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.path");
		assertThat(JsonPath.<String>read(postJson("resident1", "/api/v1/spaces/feed", "").andReturn().getResponse()
			.getContentAsString(), "$.path")).as("the same token each time").isEqualTo(path);
		net.fortuna.ical4j.model.Calendar mine = parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(values(mine, "DESCRIPTION")).contains("王阿姨生日会, 请勿打扰; 谢谢");
		assertThat(values(mine, "SUMMARY")).noneMatch(v -> v.contains("GREEN1"));
		mvc.perform(get("/spaces/me/not-a-token.ics")).andExpect(status().isNotFound());
	}

	/** The UTC form of a time as iCalendar writes it. */
	static final class CalendarFeedText {

		static String utc(OffsetDateTime t) {
			return t.withOffsetSameInstant(java.time.ZoneOffset.UTC)
				.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
		}
	}

	@Test
	void theDeskShowsTheDemoSpacesUtilisationWithItsRecordsAndThePublicPageItsFreeSlots() throws Exception {
		String page = mvc.perform(get("/spaces/desk").param("community", JUNMEN)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("军门社区近邻空间").contains("邻里吧").containsPattern("\\d+%").contains("未到场");
		long space = jdbc.sql("SELECT id FROM space WHERE name = '军门社区近邻空间'").query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM space_booking WHERE space_id = ? AND status = 'RELEASED'").param(space)
			.query(Long.class).single()).as("demo no-shows released").isPositive();
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT series_id) FROM space_booking WHERE space_id = ? AND series_id IS NOT NULL")
			.param(space).query(Long.class).single()).as("demo recurrences").isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM space_zone WHERE space_id = ?").param(space).query(Long.class).single())
			.isEqualTo(7);
		mvc.perform(get("/public/spaces/" + space)).andExpect(status().isOk())
			.andExpect(content().string(containsString("居民休息室")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("resident1"))));
	}

	@Test
	void twentyConcurrentRequestsForOverlappingSlotsYieldExactlyOneBooking() throws Exception {
		long zone = space("junmen", JUNMEN, "", ZoneKind.NEIGHBOURS_BAR)[1];
		OffsetDateTime start = monday(4, 10, 0);
		UserDetails resident = users.loadUserByUsername("resident1");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				OffsetDateTime s = start.plusMinutes(i);
				Callable<Boolean> attempt = () -> {
					SecurityContextHolder.getContext().setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(resident, null, resident.getAuthorities()));
					go.await();
					try {
						desk.book(BookingRequest.of(zone, s, s.plusHours(1)));
						return true;
					}
					catch (ConflictException e) {
						return false;
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				};
				results.add(pool.submit(attempt));
			}
			go.countDown();
			int booked = 0;
			for (Future<Boolean> f : results) {
				booked += f.get() ? 1 : 0;
			}
			assertThat(booked).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(bookings(zone)).isEqualTo(1);
	}
}
