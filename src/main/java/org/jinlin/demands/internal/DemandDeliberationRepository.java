package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandRepository.instant;
import static org.jinlin.demands.internal.DemandRepository.ts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the deliberation of public matters: residents' stances, comments and consultation meetings. */
@Repository
@RequiredArgsConstructor
class DemandDeliberationRepository {

	private final JdbcClient jdbc;

	/** Records or changes an account's stance on a demand. */
	void stance(long demandId, String account, Deliberation.Stance stance, Instant at) {
		int changed = jdbc.sql("UPDATE demand_stance SET stance = ?, at = ? WHERE demand_id = ? AND account = ?")
			.params(stance.name(), ts(at), demandId, account).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO demand_stance (demand_id, account, stance, at) VALUES (?, ?, ?, ?)")
				.params(demandId, account, stance.name(), ts(at)).update();
		}
	}

	long count(long demandId, Deliberation.Stance stance) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_stance WHERE demand_id = ? AND stance = ?").params(demandId, stance.name())
			.query(Long.class).single();
	}

	Optional<Deliberation.Stance> stanceOf(long demandId, String account) {
		return jdbc.sql("SELECT stance FROM demand_stance WHERE demand_id = ? AND account = ?").params(demandId, account)
			.query(String.class).optional().map(Deliberation.Stance::valueOf);
	}

	void comment(long demandId, String account, String displayName, String text, Instant at) {
		jdbc.sql("INSERT INTO demand_comment (demand_id, account, display_name, text, at) VALUES (?, ?, ?, ?, ?)")
			.params(demandId, account, displayName, text, ts(at)).update();
	}

	/** A comment with the account it was written under. */
	record StoredComment(long id, String account, String displayName, String text, Instant at) {

		/** Staff comments are stored under the account name. */
		boolean byStaff() {
			return displayName == null || displayName.equals(account);
		}
	}

	List<StoredComment> comments(long demandId) {
		return jdbc.sql("SELECT id, account, display_name, text, at FROM demand_comment WHERE demand_id = ? ORDER BY at, id")
			.param(demandId)
			.query((rs, n) -> new StoredComment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5)))
			.list();
	}

	/** Ids of the comments staff wrote (stored under their account name). */
	Set<Long> staffComments(long demandId) {
		return new HashSet<>(jdbc.sql("SELECT id FROM demand_comment WHERE demand_id = ? AND display_name = account")
			.param(demandId).query(Long.class).list());
	}

	long insertMeeting(long demandId, MeetingDraft m, String place, int expected, int present, int yes, int no,
			int abstain, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO demand_meeting (demand_id, held_at, place, agenda, expected_participants, present_participants,
				  decision, votes_for, votes_against, votes_abstain, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(demandId, ts(m.heldAt()), place, m.agenda().strip(), expected, present, m.decision().strip(), yes, no,
					abstain, by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void publishMeeting(long meetingId, Instant at) {
		jdbc.sql("UPDATE demand_meeting SET published_at = ? WHERE id = ?").params(ts(at), meetingId).update();
	}

	List<Meeting> meetings(long demandId) {
		return jdbc.sql("""
				SELECT id, demand_id, held_at, place, agenda, expected_participants, present_participants, decision,
				       votes_for, votes_against, votes_abstain, recorded_by, published_at
				FROM demand_meeting WHERE demand_id = ? ORDER BY held_at, id""")
			.param(demandId)
			.query((rs, n) -> new Meeting(rs.getLong(1), rs.getLong(2), instant(rs, 3), rs.getString(4), rs.getString(5),
					rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getString(12),
					instant(rs, 13)))
			.list();
	}

	/** The whole deliberation as staff see it; {@code account}'s own stance if given. */
	Deliberation deliberation(long demandId, String account) {
		Deliberation.Stance mine = account == null ? null : stanceOf(demandId, account).orElse(null);
		List<Deliberation.Comment> comments = comments(demandId).stream()
			.map(c -> new Deliberation.Comment(c.id(), c.displayName(), c.text(), c.at())).toList();
		return new Deliberation(demandId, count(demandId, Deliberation.Stance.SUPPORT),
				count(demandId, Deliberation.Stance.OPPOSE), mine, comments, meetings(demandId));
	}
}
