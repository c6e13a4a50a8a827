package org.jinlin.spaces;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No double booking in the database itself on PostgreSQL (exclusion constraint of
 * {@code db.migration.spaces.V2__No_double_booking}): an overlapping active booking written straight through SQL is
 * refused, and a booking the constraint refuses reaches the client as the same 409 as a slot found taken under the
 * zone's lock. On H2 the zone's row lock alone keeps bookings apart (SpaceBookingTests' concurrency test).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpaceDoubleBookingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	boolean postgres() throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	ResultActions postJson(String user, String path, String json) throws Exception {
		return mvc.perform(post(path).with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long id(ResultActions r) throws Exception {
		return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** A new space in 军门社区 with a buffer and one neighbours' bar; its zone's id. */
	long zone(int bufferMinutes) throws Exception {
		long space = id(postJson("junmen", "/api/v1/spaces", """
				{"name": "排他测试%s", "community": "%s", "whoMayBook": ["RESIDENTS", "STAFF"], "minMinutes": 30,
				 "maxMinutes": 240, "opens": "08:00", "closes": "21:00", "bufferMinutes": %d}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8), SpaceBookingTests.JUNMEN, bufferMinutes))
			.andExpect(status().isCreated()));
		return id(postJson("junmen", "/api/v1/spaces/" + space + "/zones",
				"{\"name\": \"邻里吧\", \"kind\": \"NEIGHBOURS_BAR\", \"capacity\": 12}").andExpect(status().isCreated()));
	}

	ResultActions book(long zone, OffsetDateTime start, OffsetDateTime end) throws Exception {
		return postJson("resident1", "/api/v1/spaces/bookings",
				"{\"zoneId\": %d, \"start\": \"%s\", \"end\": \"%s\"}".formatted(zone, start, end));
	}

	/** Writes a booking straight through SQL, past every check of the application. */
	void insert(long zone, OffsetDateTime start, OffsetDateTime end, String status) {
		jdbc.sql("""
				INSERT INTO space_booking (zone_id, space_id, territory_path, start_at, end_at, blocked_until, status,
				  username, booked_by, checkin_token, created_at)
				SELECT z.id, z.space_id, s.territory_path, ?, ?, ?, ?, 'resident2', 'sql', ?, ?
				FROM space_zone z JOIN space s ON s.id = z.space_id WHERE z.id = ?""")
			.params(start, end, end, status, UUID.randomUUID().toString(), OffsetDateTime.now(), zone).update();
	}

	long active(long zone) {
		return jdbc.sql("SELECT COUNT(*) FROM space_booking WHERE zone_id = ? AND status IN ('PENDING','CONFIRMED','CHECKED_IN')")
			.param(zone).query(Long.class).single();
	}

	static boolean exclusionViolation(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	@Test
	void onPostgresqlAnOverlappingActiveBookingWrittenStraightThroughSqlIsRefused() throws Exception {
		assumeTrue(postgres(), "the exclusion constraint exists on PostgreSQL only");
		long zone = zone(0);
		OffsetDateTime start = SpaceBookingTests.monday(2, 10, 0);
		book(zone, start, start.plusHours(1)).andExpect(status().isCreated());

		for (String status : new String[] { "PENDING", "CONFIRMED", "CHECKED_IN" }) {
			assertThatThrownBy(() -> insert(zone, start.plusMinutes(30), start.plusMinutes(90), status))
				.as("an overlapping %s booking", status)
				.isInstanceOf(DataIntegrityViolationException.class)
				.satisfies(e -> assertThat(exclusionViolation(e)).isTrue());
		}
		// what does not overlap an active booking goes in: back to back, or no longer active
		insert(zone, start.plusHours(1), start.plusHours(2), "CONFIRMED");
		insert(zone, start.plusMinutes(30), start.plusMinutes(90), "CANCELLED");
		insert(zone, start.plusMinutes(30), start.plusMinutes(90), "RELEASED");
		assertThat(active(zone)).isEqualTo(2);
		// and a cancelled booking cannot come back to life over a taken slot
		assertThatThrownBy(() -> jdbc.sql("UPDATE space_booking SET status = 'CONFIRMED' WHERE zone_id = ? AND status = 'CANCELLED'")
			.param(zone).update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(active(zone)).isEqualTo(2);
	}

	@Test
	void aBookingTheConstraintRefusesIsTheSame409AsASlotFoundTaken() throws Exception {
		assumeTrue(postgres(), "the exclusion constraint exists on PostgreSQL only");
		long zone = zone(60);
		OffsetDateTime start = SpaceBookingTests.monday(3, 10, 0);
		book(zone, start, start.plusHours(1)).andExpect(status().isCreated());
		String taken = book(zone, start.plusMinutes(30), start.plusMinutes(90)).andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		// The space's buffer drops to nothing: the application's check then finds 11:30 free, but the first booking
		// still blocks its zone until 12:00, the buffer it was booked with, and the database says no.
		jdbc.sql("UPDATE space SET buffer_minutes = 0 WHERE id = (SELECT space_id FROM space_zone WHERE id = ?)")
			.param(zone).update();
		String refused = book(zone, start.plusMinutes(90), start.plusMinutes(150)).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(refused, "$.detail")).isEqualTo(JsonPath.read(taken, "$.detail"));
		assertThat((String) JsonPath.read(refused, "$.title")).isEqualTo(JsonPath.read(taken, "$.title"));
		assertThat(active(zone)).isEqualTo(1);
		book(zone, start.plusHours(2), start.plusHours(3)).andExpect(status().isCreated());
	}
}
