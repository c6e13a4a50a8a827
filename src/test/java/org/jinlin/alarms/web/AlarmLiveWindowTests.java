package org.jinlin.alarms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jinlin.alarms.internal.FeedRow;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The live feed's window, without Spring: a row whose transaction commits after a newer row's is still sent once it
 * shows up; nothing is sent twice; rows of other areas and other people's requests are not sent; rows older than
 * the connection are not replayed.
 */
class AlarmLiveWindowTests {

	static final Actor GRID = new Actor(1L, "junmen-grid1", Set.of(Role.GRID_WORKER), 7, "/1/2/3/4/7/", null, null);

	static final Actor VOLUNTEER = new Actor(2L, "volunteer1", Set.of(Role.VOLUNTEER), 4, "/1/2/3/4/", null, null);

	static FeedRow row(long id, String recipient, String path) {
		return new FeedRow(id, 100 + id, recipient == null ? "RAISED" : "ASKED", recipient, path, Instant.now());
	}

	List<Long> ids(List<FeedRow> rows) {
		return rows.stream().map(FeedRow::id).toList();
	}

	List<Long> deliver(AlarmLive.Subscription s, List<FeedRow> window) {
		List<FeedRow> due = AlarmLive.due(s, window);
		due.forEach(r -> s.sent.add(r.id()));
		return ids(due);
	}

	@Test
	void aRowThatCommitsLateIsStillSentAndNothingTwice() {
		AlarmLive.Subscription s = new AlarmLive.Subscription(GRID, 10);
		// Row 12 committed first; row 11's transaction is still open, so the poll cannot see it.
		assertThat(deliver(s, List.of(row(12, null, "/1/2/3/4/7/9/")))).containsExactly(12L);
		// Next poll: 11 has committed.
		assertThat(deliver(s, List.of(row(11, null, "/1/2/3/4/7/9/"), row(12, null, "/1/2/3/4/7/9/")))).containsExactly(11L);
		assertThat(deliver(s, List.of(row(11, null, "/1/2/3/4/7/9/"), row(12, null, "/1/2/3/4/7/9/")))).isEmpty();
	}

	@Test
	void onlyRowsForThisActorAndNewerThanTheConnection() {
		AlarmLive.Subscription grid = new AlarmLive.Subscription(GRID, 10);
		AlarmLive.Subscription volunteer = new AlarmLive.Subscription(VOLUNTEER, 10);
		List<FeedRow> window = List.of(
				row(9, null, "/1/2/3/4/7/9/"), // before the connection
				row(13, null, "/1/2/3/4/8/"), // another grid's desk row
				row(14, "volunteer1", "/1/2/3/4/7/9/"), // the volunteer is asked
				row(15, null, "/1/2/3/4/7/9/")); // a desk row of the grid
		assertThat(deliver(grid, window)).containsExactly(15L);
		// Volunteers are not desks: they get only what is addressed to them.
		assertThat(deliver(volunteer, window)).containsExactly(14L);
		assertThat(row(14, "volunteer1", "/x/").forActor(VOLUNTEER).forMe()).isTrue();
		assertThat(row(15, null, "/1/2/3/4/7/9/").forActor(GRID).forMe()).isFalse();
	}
}
