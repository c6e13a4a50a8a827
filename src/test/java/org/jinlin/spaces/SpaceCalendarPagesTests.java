package org.jinlin.spaces;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A space's booking calendar: signed-in only; free and taken hours per zone for a day or a week; booking a free hour
 * in two steps (the slot, then the confirmation); broken rules as field messages with nothing written; a slot taken
 * meanwhile as a message; staff booking on a resident's behalf, which residents cannot.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpaceCalendarPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	ResultActions postJson(String user, String path, String json) throws Exception {
		return mvc.perform(post(path).with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long id(ResultActions r) throws Exception {
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** A new space in 军门社区 with one neighbours' bar: {space, zone}. */
	long[] space() throws Exception {
		long space = id(postJson("junmen", "/api/v1/spaces", """
				{"name": "日历测试%s", "community": "%s", "whoMayBook": ["RESIDENTS", "STAFF"], "minMinutes": 30,
				 "maxMinutes": 120, "opens": "08:00", "closes": "21:00"}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8), SpaceBookingTests.JUNMEN))
			.andExpect(status().isCreated()));
		long zone = id(postJson("junmen", "/api/v1/spaces/" + space + "/zones",
				"{\"name\": \"邻里吧\", \"kind\": \"NEIGHBOURS_BAR\", \"capacity\": 12}").andExpect(status().isCreated()));
		return new long[] { space, zone };
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
		return request.with(user(users.loadUserByUsername(username)));
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(as(get(path), username)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	ResultActions book(String username, long[] ids, OffsetDateTime start, int minutes, String... more) throws Exception {
		MockHttpServletRequestBuilder post = as(post("/spaces/" + ids[0] + "/book"), username).with(csrf())
			.param("zoneId", String.valueOf(ids[1])).param("start", start.toString())
			.param("minutes", String.valueOf(minutes));
		for (int i = 0; i + 1 < more.length; i += 2) {
			post.param(more[i], more[i + 1]);
		}
		return mvc.perform(post);
	}

	long bookings(long zone, String username) {
		return jdbc.sql("SELECT COUNT(*) FROM space_booking WHERE zone_id = ? AND username = ?").params(zone, username)
			.query(Long.class).single();
	}

	@Test
	void signedOutTheCalendarSendsToTheLoginAndSignedInItShowsTheHoursOfEachZone() throws Exception {
		long[] ids = space();
		mvc.perform(get("/spaces/" + ids[0])).andExpect(status().is3xxRedirection());
		OffsetDateTime monday = SpaceBookingTests.monday(1, 9, 0);
		String day = page("resident1", "/spaces/" + ids[0] + "?day=" + monday.toLocalDate());
		assertThat(day).contains("邻里吧").contains("jl-slot").contains("09:00").contains("20:00")
			.doesNotContain("id=\"confirm\"");
		// 13 opening hours of one zone on one day; a week shows seven days of them
		assertThat(day.split("class=\"btn btn-outline-success jl-slot\"", -1)).hasSize(14);
		String week = page("resident1", "/spaces/" + ids[0] + "?week=true&day=" + monday.toLocalDate());
		assertThat(week.split("class=\"btn btn-outline-success jl-slot\"", -1)).hasSize(7 * 13 + 1);
		// tapping a free hour opens the confirmation of that hour; residents book only for themselves
		assertThat(day).contains("zone=" + ids[1] + "&amp;at=" + monday.toString().replace("+", "%2B"));
		String chosen = mvc.perform(as(get("/spaces/" + ids[0]), "resident1").param("zone", String.valueOf(ids[1]))
			.param("at", monday.toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(chosen).contains("id=\"confirm\"").contains("09:00").doesNotContain("name=\"forUsername\"");
		assertThat(mvc.perform(as(get("/spaces/" + ids[0]), "junmen").param("zone", String.valueOf(ids[1]))
			.param("at", monday.toString())).andReturn().getResponse().getContentAsString())
			.contains("name=\"forUsername\"");
	}

	@Test
	void aFreeHourIsBookedAndThenShownTakenAndTheSameHourAgainIsAMessageNotABooking() throws Exception {
		long[] ids = space();
		OffsetDateTime start = SpaceBookingTests.monday(2, 10, 0);
		book("resident1", ids, start, 60, "purpose", "读书会").andExpect(status().isFound())
			.andExpect(redirectedUrl("/spaces/mine")).andExpect(flash().attribute("notice", "spaces.calendar.booked"));
		assertThat(bookings(ids[1], "resident1")).isEqualTo(1);
		String day = page("volunteer1", "/spaces/" + ids[0] + "?day=" + start.toLocalDate());
		assertThat(day).contains("10:00 已约").doesNotContain("读书会").doesNotContain("resident1");
		String again = book("volunteer1", ids, start.plusMinutes(30), 60).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(again).contains("id=\"booking-errors\"").contains("已被预约");
		assertThat(bookings(ids[1], "volunteer1")).isZero();
	}

	@Test
	void brokenRulesAreFieldMessagesNextToTheLengthAndNothingIsWritten() throws Exception {
		long[] ids = space();
		// three hours where the space allows two, and past closing time
		String page = book("resident1", ids, SpaceBookingTests.monday(2, 19, 0), 180).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"booking-errors\"").contains("jl-field-error").contains("is-invalid")
			.contains("id=\"confirm\"");
		assertThat(bookings(ids[1], "resident1")).isZero();
	}

	@Test
	void staffBookOnAResidentsBehalfFromTheCalendarAndResidentsCannot() throws Exception {
		long[] ids = space();
		OffsetDateTime start = SpaceBookingTests.monday(2, 14, 0);
		book("resident1", ids, start, 60, "forUsername", "resident2").andExpect(status().isForbidden());
		// a zone of another space is not found (the access matrix's row, as every signed-in account sees it)
		mvc.perform(as(post("/spaces/" + ids[0] + "/book"), "resident1").with(csrf()).param("zoneId", "0")
			.param("start", "2030-01-07T02:00Z")).andExpect(status().isNotFound());
		book("junmen", ids, start, 60, "forUsername", "resident1", "purpose", "代约").andExpect(status().isFound());
		assertThat(jdbc.sql("SELECT username || '/' || booked_by FROM space_booking WHERE zone_id = ?").param(ids[1])
			.query(String.class).single()).isEqualTo("resident1/junmen");
		String unknown = book("junmen", ids, start.plusHours(2), 60, "forUsername", "no-such-account")
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("id=\"forUsername\"").contains("is-invalid").contains("jl-field-error");
	}
}
