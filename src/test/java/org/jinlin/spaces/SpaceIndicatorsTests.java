package org.jinlin.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.spaces.internal.SpaceTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each utilisation figure equals the bookings it counts: the records' total is the figure's count, the met ones its
 * numerator, the booked hours their hours, and all of them equal what the database holds for the demo city's
 * 军门社区近邻空间 over the 30 days before today (no-shows released and check-ins among them). The staff page shows
 * each figure as a link to its records; another community is not found, a resident is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpaceIndicatorsTests {

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	@Autowired
	SpaceIndicators indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	long space;

	@BeforeEach
	void asJunmen() {
		UserDetails junmen = users.loadUserByUsername("junmen");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(junmen, null, junmen.getAuthorities()));
		space = jdbc.sql("SELECT MIN(id) FROM space WHERE name = '军门社区近邻空间'").query(Long.class).single();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** The demo space's bookings in the period with one of the statuses, straight from the table. */
	List<Long> inDatabase(String... statuses) {
		LocalDate to = LocalDate.now(SpaceTime.ZONE);
		return jdbc.sql("SELECT id FROM space_booking WHERE space_id = :space AND start_at >= :from AND start_at < :to "
				+ "AND status IN (:statuses) ORDER BY id")
			.param("space", space)
			.param("from", to.minusDays(30).atStartOfDay(SpaceTime.ZONE).toOffsetDateTime())
			.param("to", to.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime())
			.param("statuses", List.of(statuses))
			.query(Long.class)
			.list();
	}

	List<CountedRecord> records(SpaceIndicator indicator) {
		var page = indicators.records(indicator, JUNMEN, space, 0, 10_000);
		assertThat(page.items()).hasSize((int) page.total());
		return page.items();
	}

	static List<Long> ids(List<CountedRecord> records, boolean onlyMet) {
		return records.stream().filter(r -> !onlyMet || r.met()).map(CountedRecord::id).sorted().toList();
	}

	@Test
	void eachFigureEqualsItsRecordsAndTheDatabase() {
		SpaceFigure noShows = indicators.figure(SpaceIndicator.NO_SHOWS_RELEASED, JUNMEN, space);
		List<CountedRecord> released = records(SpaceIndicator.NO_SHOWS_RELEASED);
		assertThat(ids(released, false)).isEqualTo(inDatabase("RELEASED")).isNotEmpty();
		assertThat(noShows.value()).isEqualTo((double) released.size());
		assertThat(noShows.counted()).isEqualTo(released.size());

		SpaceFigure checkIn = indicators.figure(SpaceIndicator.CHECK_IN_RATE, JUNMEN, space);
		List<CountedRecord> due = records(SpaceIndicator.CHECK_IN_RATE);
		assertThat(ids(due, false)).isEqualTo(inDatabase("CONFIRMED", "CHECKED_IN", "RELEASED"));
		assertThat(ids(due, true)).isEqualTo(inDatabase("CHECKED_IN")).isNotEmpty();
		assertThat(checkIn.counted()).isEqualTo(due.size());
		assertThat(checkIn.met()).isEqualTo(ids(due, true).size());
		assertThat(checkIn.value()).isEqualTo(Math.round(checkIn.met() * 1000.0 / checkIn.counted()) / 10.0)
			.isGreaterThan(0).isLessThan(100);

		SpaceFigure utilisation = indicators.figure(SpaceIndicator.UTILISATION, JUNMEN, space);
		List<CountedRecord> held = records(SpaceIndicator.UTILISATION);
		List<Long> active = inDatabase("PENDING", "CONFIRMED", "CHECKED_IN");
		assertThat(ids(held, false)).isEqualTo(active).isNotEmpty();
		double minutes = jdbc.sql("SELECT start_at, end_at FROM space_booking WHERE id IN (:ids)").param("ids", active)
			.query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class))
				.toMinutes())
			.list().stream().mapToLong(Long::longValue).sum();
		assertThat(utilisation.bookedHours()).isEqualTo(minutes / 60);
		long zones = jdbc.sql("SELECT COUNT(*) FROM space_zone WHERE space_id = ?").param(space).query(Long.class).single();
		// the demo space opens 08:00-21:00 every day: 13 hours a zone a day, 30 days
		assertThat(utilisation.openHours()).isEqualTo(zones * 13.0 * 30);
		assertThat(utilisation.value()).isEqualTo(Math.round(minutes / 60 * 1000 / utilisation.openHours()) / 10.0);
	}

	@Test
	void theReportsLinesAgreeWithTheSingleFigures() {
		SpaceIndicators.Report report = indicators.report(JUNMEN);
		SpaceIndicators.Line line = report.spaces().stream().filter(l -> l.spaceId() == space).findFirst().orElseThrow();
		for (SpaceFigure f : line.figures()) {
			assertThat(f).isEqualTo(indicators.figure(f.indicator(), JUNMEN, space));
		}
		SpaceIndicators.Line community = report.communities().stream().filter(l -> l.communityCode().equals(JUNMEN))
			.findFirst().orElseThrow();
		assertThat(community.name()).isEqualTo("军门社区");
		assertThat(community.figures()).isEqualTo(report.total());
		for (SpaceFigure f : report.total()) {
			assertThat(f.counted()).isEqualTo(indicators.records(f.indicator(), JUNMEN, null, 0, 1).total());
		}
	}

	@Test
	void thePageLinksEachFigureToItsBookingsWithinTheJurisdiction() throws Exception {
		SecurityContextHolder.clearContext();
		String page = mvc.perform(get("/spaces/figures").param("territory", JUNMEN).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		for (SpaceIndicator i : SpaceIndicator.values()) {
			assertThat(page).contains("/spaces/figures/" + i.slug() + "?territory=" + JUNMEN + "&amp;space=" + space);
		}
		assertThat(page).contains("spaces-figures-chart").contains("echarts.min.js").contains("军门社区近邻空间");
		String records = mvc.perform(get("/spaces/figures/no-shows-released").param("territory", JUNMEN)
				.param("space", String.valueOf(space)).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		for (long id : inDatabase("RELEASED")) {
			assertThat(records).contains("data-id=\"" + id + "\"");
		}
		String english = mvc.perform(get("/spaces/figures").param("territory", JUNMEN).param("lang", "en")
				.with(user(users.loadUserByUsername("junmen")))).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("Check-in rate").contains("No-shows released");
		mvc.perform(get("/spaces/figures").param("territory", ZIYANG).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/spaces/figures/no-such-figure").with(user(users.loadUserByUsername("junmen")))).andExpect(status().isNotFound());
		mvc.perform(get("/spaces/figures").with(user(users.loadUserByUsername("resident1")))).andExpect(status().isForbidden());
	}
}
