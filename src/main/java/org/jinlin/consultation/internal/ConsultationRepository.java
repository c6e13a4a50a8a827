package org.jinlin.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.TopicDetail.Participant;
import org.jinlin.consultation.internal.TopicDetail.Progress;
import org.jinlin.consultation.internal.TopicDetail.Sitting;
import org.jinlin.consultation.internal.TopicDetail.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The consultation module's SQL: topics with their supporters, participants, stages, sittings, ballots and follow-up. */
@Repository
@RequiredArgsConstructor
public class ConsultationRepository {

	private static final String TOPIC_COLUMNS = """
			t.id, t.community_id, t.territory_path, t.title, t.description, t.source, t.demand_id, t.proposed_by,
			t.proposer_unit, t.status, t.form, t.procedure_code, t.venue, t.room_booking_id, t.materials,
			t.materials_sent_at, t.vote_open, t.decision, t.decided_at, t.publish_due_at, t.decision_published_at,
			t.result, t.result_due_at, t.result_published_at, t.created_at,
			(SELECT COUNT(*) FROM consultation_supporter s WHERE s.topic_id = t.id), t.version, t.room_zone_id, t.room_name,
			t.room_start, t.room_end, t.room_status, t.room_refusal""";

	private final JdbcClient jdbc;

	/** What a new topic is made of. */
	record NewTopic(long communityId, String territoryPath, String title, String description, TopicSource source,
			Long demandId, String proposedBy, String proposerUnit, TopicStatus status) {
	}

	/** Filters of the topic lists: all optional; {@code quorumFailed} keeps topics with a sitting whose quorum failed. */
	record Filter(String pathPrefix, TopicSource source, TopicStatus status, boolean quorumFailed, boolean overdue) {
	}

	long insert(NewTopic t, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO consultation_topic (community_id, territory_path, title, description, source, demand_id,
				  proposed_by, proposer_unit, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(t.communityId(), t.territoryPath(), t.title(), t.description(), t.source().name(), t.demandId(),
					t.proposedBy(), t.proposerUnit(), t.status().name(), ts(now), ts(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Topic> find(long id) {
		return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM consultation_topic t WHERE t.id = ?").param(id)
			.query(ConsultationRepository::topic).optional();
	}

	Optional<Topic> findByDemand(long demandId) {
		return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM consultation_topic t WHERE t.demand_id = ?").param(demandId)
			.query(ConsultationRepository::topic).optional();
	}

	/** One page of topics under the path, newest first. */
	List<Topic> search(Filter f, Instant now, int page, int size) {
		Where w = where(f, now);
		List<Object> params = new ArrayList<>(w.params());
		params.add(size);
		params.add((long) page * size);
		return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM consultation_topic t WHERE " + w.sql()
				+ " ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?")
			.params(params).query(ConsultationRepository::topic).list();
	}

	long count(Filter f, Instant now) {
		Where w = where(f, now);
		return jdbc.sql("SELECT COUNT(*) FROM consultation_topic t WHERE " + w.sql()).params(w.params())
			.query(Long.class).single();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(Filter f, Instant now) {
		StringBuilder sql = new StringBuilder("t.territory_path LIKE ?");
		List<Object> params = new ArrayList<>();
		params.add(f.pathPrefix() + "%");
		if (f.source() != null) {
			sql.append(" AND t.source = ?");
			params.add(f.source().name());
		}
		if (f.status() != null) {
			sql.append(" AND t.status = ?");
			params.add(f.status().name());
		}
		if (f.quorumFailed()) {
			sql.append(" AND EXISTS (SELECT 1 FROM consultation_sitting x WHERE x.topic_id = t.id AND x.quorum_met = FALSE)");
		}
		if (f.overdue()) {
			sql.append(" AND ((t.status = 'DECIDED' AND t.publish_due_at < ?) OR (t.status = 'PUBLISHED' AND t.result_due_at < ?))");
			params.add(ts(now));
			params.add(ts(now));
		}
		return new Where(sql.toString(), params);
	}

	/** Changes the status if the topic is still in one of {@code from}; false when it is not. */
	boolean moveStatus(long id, TopicStatus to, TopicStatus... from) {
		StringBuilder in = new StringBuilder();
		List<Object> params = new ArrayList<>(List.of(to.name(), ts(Instant.now()), id));
		for (TopicStatus s : from) {
			in.append(in.isEmpty() ? "?" : ", ?");
			params.add(s.name());
		}
		return jdbc.sql("UPDATE consultation_topic SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status IN ("
				+ in + ")").params(params).update() == 1;
	}

	/** Adds a supporter once; true if she was not one yet. */
	boolean support(long topicId, String account, Instant at) {
		if (supported(topicId, account)) {
			return false;
		}
		jdbc.sql("INSERT INTO consultation_supporter (topic_id, account, at) VALUES (?, ?, ?)")
			.params(topicId, account, ts(at)).update();
		return true;
	}

	boolean supported(long topicId, String account) {
		return jdbc.sql("SELECT COUNT(*) FROM consultation_supporter WHERE topic_id = ? AND account = ?")
			.params(topicId, account).query(Long.class).single() > 0;
	}

	/** Fixes form, procedure, venue and participants, replacing the stages (none may have been held). */
	void arrange(long id, ConsultationForm form, Procedure procedure, String venue, List<Participant> participants) {
		jdbc.sql("""
				UPDATE consultation_topic SET form = ?, procedure_code = ?, venue = ?, status = 'FIXED',
				  updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(form.name(), procedure.code(), venue, ts(Instant.now()), id).update();
		jdbc.sql("DELETE FROM consultation_participant WHERE topic_id = ?").param(id).update();
		for (Participant p : participants) {
			jdbc.sql("INSERT INTO consultation_participant (topic_id, kind, name, role, account) VALUES (?, ?, ?, ?, ?)")
				.params(id, p.kind().name(), p.name(), p.role(), p.account()).update();
		}
		jdbc.sql("DELETE FROM consultation_stage WHERE topic_id = ?").param(id).update();
		int seq = 0;
		for (StageRule r : procedure.stages()) {
			jdbc.sql("""
					INSERT INTO consultation_stage (topic_id, seq, kind, quorum_rule, pass_rule, pass_of_expected)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, seq++, r.kind().name(), r.quorum().code(), r.pass() == null ? null : r.pass().code(),
						r.passOfExpected())
				.update();
		}
	}

	void sendMaterials(long id, String materials, Instant at) {
		jdbc.sql("UPDATE consultation_topic SET materials = ?, materials_sent_at = ?, updated_at = ? WHERE id = ?")
			.params(materials, ts(at), ts(at), id).update();
	}

	List<Participant> participants(long topicId) {
		return jdbc.sql("SELECT id, kind, name, role, account FROM consultation_participant WHERE topic_id = ? ORDER BY id")
			.param(topicId)
			.query((rs, n) -> new Participant(rs.getLong(1), ConsultationParticipantKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The stages in order with their rules and sittings. */
	List<Stage> stages(long topicId) {
		Map<Long, List<Sitting>> sittings = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT stage_id, id, held_at, expected, present, votes_for, votes_against, votes_abstain, quorum_met, passed,
				       online, minutes, decision, recorded_by
				FROM consultation_sitting WHERE topic_id = ? ORDER BY held_at, id""")
			.param(topicId)
			.query((ResultSet rs) -> {
				sittings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Sitting(rs.getLong(2), instant(rs, 3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
							rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getString(12),
							rs.getString(13), rs.getString(14)));
			});
		return jdbc.sql("""
				SELECT id, seq, kind, quorum_rule, pass_rule, status FROM consultation_stage WHERE topic_id = ? ORDER BY seq""")
			.param(topicId)
			.query((rs, n) -> new Stage(rs.getLong(1), rs.getInt(2), StageKind.valueOf(rs.getString(3)), rs.getString(4),
					rs.getString(5), ProcedureRules.StageStatus.valueOf(rs.getString(6)),
					List.copyOf(sittings.getOrDefault(rs.getLong(1), List.of()))))
			.list();
	}

	/** The procedure as stored with the topic (the rules of the time it was fixed). */
	Procedure procedure(long topicId, String code) {
		List<StageRule> rules = jdbc.sql("""
				SELECT kind, quorum_rule, pass_rule, pass_of_expected FROM consultation_stage WHERE topic_id = ? ORDER BY seq""")
			.param(topicId)
			.query((rs, n) -> new StageRule(StageKind.valueOf(rs.getString(1)), Threshold.parse(rs.getString(2)),
					rs.getString(3) == null ? null : Threshold.parse(rs.getString(3)), rs.getBoolean(4)))
			.list();
		return new Procedure(code, rules);
	}

	/** A stage's status changes only from what the caller read (PENDING or FAILED): false when someone was first. */
	boolean setStageStatus(long stageId, ProcedureRules.StageStatus to, ProcedureRules.StageStatus from) {
		return jdbc.sql("UPDATE consultation_stage SET status = ? WHERE id = ? AND status = ?")
			.params(to.name(), stageId, from.name()).update() == 1;
	}

	void insertSitting(long stageId, long topicId, Instant heldAt, ProcedureRules.Tally t, ProcedureRules.Outcome o,
			boolean online, String minutes, String decision, String by) {
		jdbc.sql("""
				INSERT INTO consultation_sitting (stage_id, topic_id, held_at, expected, present, votes_for, votes_against,
				  votes_abstain, quorum_met, passed, online, minutes, decision, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(stageId, topicId, ts(heldAt), t.expected(), t.present(), zero(t.votesFor()), zero(t.votesAgainst()),
					zero(t.votesAbstain()), o.quorumMet(), o.passed(), online, minutes, decision, by)
			.update();
	}

	void decide(long id, String decision, Instant at, Instant publishDue) {
		jdbc.sql("""
				UPDATE consultation_topic SET status = 'DECIDED', decision = ?, decided_at = ?, publish_due_at = ?, vote_open = FALSE,
				  updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(decision, ts(at), ts(publishDue), ts(at), id).update();
	}

	void publishDecision(long id, Instant at, Instant resultDue) {
		jdbc.sql("""
				UPDATE consultation_topic SET status = 'PUBLISHED', decision_published_at = ?, result_due_at = ?, updated_at = ?,
				  version = version + 1 WHERE id = ?""")
			.params(ts(at), ts(resultDue), ts(at), id).update();
	}

	void publishResult(long id, String result, Instant at) {
		jdbc.sql("""
				UPDATE consultation_topic SET status = 'COMPLETED', result = ?, result_published_at = ?, updated_at = ?,
				  version = version + 1 WHERE id = ?""")
			.params(result, ts(at), ts(at), id).update();
	}

	// ------------------------------------------------------------------ room

	/** Staff asked spaces for a room: the request replaces any earlier one's state until spaces answers. */
	void requestRoom(long id, long zoneId, String name, Instant start, Instant end) {
		jdbc.sql("""
				UPDATE consultation_topic SET room_zone_id = ?, room_name = ?, room_start = ?, room_end = ?,
				  room_status = 'REQUESTED', room_refusal = NULL, updated_at = ?, version = version + 1 WHERE id = ?""")
			.params(zoneId, name, ts(start), ts(end), ts(Instant.now()), id).update();
	}

	/** Spaces' answer to the request: BOOKED with the booking, REFUSED with a message code, or CANCELLED. */
	void answerRoom(long id, TopicRoom.Status status, Long bookingId, String refusal) {
		jdbc.sql("""
				UPDATE consultation_topic SET room_status = ?, room_booking_id = ?, room_refusal = ?, updated_at = ?,
				  version = version + 1 WHERE id = ?""")
			.params(status.name(), bookingId, refusal, ts(Instant.now()), id).update();
	}

	/** Topics of a community whose room is booked from a time on: the public board's coming sittings. */
	List<Topic> comingSittings(String path, Instant from) {
		return jdbc.sql("SELECT " + TOPIC_COLUMNS + " " + """
				FROM consultation_topic t WHERE t.territory_path = ? AND t.room_status = 'BOOKED' AND t.room_end > ?
				AND t.status IN ('FIXED','DECIDED') ORDER BY t.room_start""")
			.params(path, ts(from)).query(ConsultationRepository::topic).list();
	}

	// ------------------------------------------------------------------ online vote

	/** Opens or closes the online vote; false when it already was. */
	boolean setVoteOpen(long id, boolean open) {
		return jdbc.sql("UPDATE consultation_topic SET vote_open = ?, updated_at = ? WHERE id = ? AND vote_open = ?")
			.params(open, ts(Instant.now()), id, !open).update() == 1;
	}

	boolean hasVoted(long topicId, String account) {
		return jdbc.sql("SELECT COUNT(*) FROM consultation_voter WHERE topic_id = ? AND account = ?")
			.params(topicId, account).query(Long.class).single() > 0;
	}

	/** An open ballot: cast or changed; the account is kept with it. */
	void castOpen(long topicId, String account, BallotChoice choice) {
		int changed = jdbc.sql("UPDATE consultation_ballot SET choice = ? WHERE topic_id = ? AND account = ?")
			.params(choice.name(), topicId, account).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO consultation_ballot (topic_id, account, choice) VALUES (?, ?, ?)")
				.params(topicId, account, choice.name()).update();
			jdbc.sql("INSERT INTO consultation_voter (topic_id, account) VALUES (?, ?)").params(topicId, account).update();
		}
	}

	/**
	 * A secret ballot: the "has voted" row and a ballot without the voter. The voter row's primary key makes a second
	 * ballot fail, so one resident casts one secret ballot even with concurrent requests.
	 */
	void castSecret(long topicId, String account, BallotChoice choice) {
		jdbc.sql("INSERT INTO consultation_voter (topic_id, account) VALUES (?, ?)").params(topicId, account).update();
		jdbc.sql("INSERT INTO consultation_ballot (topic_id, account, choice) VALUES (?, NULL, ?)")
			.params(topicId, choice.name()).update();
	}

	/** After the close the counts live in the sitting; a stage held again starts from no ballots. */
	void clearBallots(long topicId) {
		jdbc.sql("DELETE FROM consultation_ballot WHERE topic_id = ?").param(topicId).update();
		jdbc.sql("DELETE FROM consultation_voter WHERE topic_id = ?").param(topicId).update();
	}

	Optional<BallotChoice> openChoice(long topicId, String account) {
		return jdbc.sql("SELECT choice FROM consultation_ballot WHERE topic_id = ? AND account = ?")
			.params(topicId, account).query(String.class).optional().map(BallotChoice::valueOf);
	}

	TopicDetail.Ballots ballots(long topicId) {
		Map<BallotChoice, Long> counts = new EnumMap<>(BallotChoice.class);
		jdbc.sql("SELECT choice, COUNT(*) FROM consultation_ballot WHERE topic_id = ? GROUP BY choice").param(topicId)
			.query((ResultSet rs) -> {
				counts.put(BallotChoice.valueOf(rs.getString(1)), rs.getLong(2));
			});
		long voters = jdbc.sql("SELECT COUNT(*) FROM consultation_voter WHERE topic_id = ?").param(topicId)
			.query(Long.class).single();
		return new TopicDetail.Ballots(voters, counts.getOrDefault(BallotChoice.FOR, 0L),
				counts.getOrDefault(BallotChoice.AGAINST, 0L), counts.getOrDefault(BallotChoice.ABSTAIN, 0L));
	}

	// ------------------------------------------------------------------ follow-up

	void addProgress(long topicId, String note, String evidence, String by, Instant at) {
		jdbc.sql("INSERT INTO consultation_progress (topic_id, at, note, evidence, recorded_by) VALUES (?, ?, ?, ?, ?)")
			.params(topicId, ts(at), note, evidence, by).update();
	}

	List<Progress> progress(long topicId) {
		return jdbc.sql("SELECT id, at, note, evidence, recorded_by FROM consultation_progress WHERE topic_id = ? ORDER BY at, id")
			.param(topicId)
			.query((rs, n) -> new Progress(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** One rating per resident: cast or changed. */
	void rate(long topicId, String account, FollowUpRating rating, Instant at) {
		int changed = jdbc.sql("UPDATE consultation_rating SET rating = ?, at = ? WHERE topic_id = ? AND account = ?")
			.params(rating.name(), ts(at), topicId, account).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO consultation_rating (topic_id, account, rating, at) VALUES (?, ?, ?, ?)")
				.params(topicId, account, rating.name(), ts(at)).update();
		}
	}

	Optional<FollowUpRating> ratingOf(long topicId, String account) {
		return jdbc.sql("SELECT rating FROM consultation_rating WHERE topic_id = ? AND account = ?")
			.params(topicId, account).query(String.class).optional().map(FollowUpRating::valueOf);
	}

	Map<FollowUpRating, Long> ratings(long topicId) {
		return ratingsWhere("topic_id = ?", topicId);
	}

	// ------------------------------------------------------------------ figures

	/** Topics under the path by source and status. */
	Map<TopicSource, Map<TopicStatus, Long>> bySourceAndStatus(String pathPrefix) {
		Map<TopicSource, Map<TopicStatus, Long>> out = new EnumMap<>(TopicSource.class);
		jdbc.sql("SELECT source, status, COUNT(*) FROM consultation_topic WHERE territory_path LIKE ? GROUP BY source, status")
			.param(pathPrefix + "%")
			.query((ResultSet rs) -> {
				out.computeIfAbsent(TopicSource.valueOf(rs.getString(1)), k -> new EnumMap<>(TopicStatus.class))
					.put(TopicStatus.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return out;
	}

	/** Sittings whose quorum failed, and the topics they belong to. */
	long[] quorumFailures(String pathPrefix) {
		return jdbc.sql("""
				SELECT COUNT(*), COUNT(DISTINCT x.topic_id) FROM consultation_sitting x
				JOIN consultation_topic t ON t.id = x.topic_id WHERE t.territory_path LIKE ? AND x.quorum_met = FALSE""")
			.param(pathPrefix + "%").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	/** From topic to published result: the seconds of each completed topic. */
	List<Long> secondsToResult(String pathPrefix) {
		return jdbc.sql("""
				SELECT created_at, result_published_at FROM consultation_topic
				WHERE territory_path LIKE ? AND result_published_at IS NOT NULL""")
			.param(pathPrefix + "%")
			.query((rs, n) -> java.time.Duration.between(instant(rs, 1), instant(rs, 2)).toSeconds()).list();
	}

	Map<FollowUpRating, Long> ratingsUnder(String pathPrefix) {
		return ratingsWhere("topic_id IN (SELECT id FROM consultation_topic WHERE territory_path LIKE ?)", pathPrefix + "%");
	}

	private Map<FollowUpRating, Long> ratingsWhere(String condition, Object param) {
		Map<FollowUpRating, Long> out = new EnumMap<>(FollowUpRating.class);
		for (FollowUpRating r : FollowUpRating.values()) {
			out.put(r, 0L);
		}
		jdbc.sql("SELECT rating, COUNT(*) FROM consultation_rating WHERE " + condition + " GROUP BY rating").param(param)
			.query((ResultSet rs) -> {
				out.put(FollowUpRating.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return out;
	}

	// ------------------------------------------------------------------ mapping

	private static Topic topic(ResultSet rs, int n) throws SQLException {
		String form = rs.getString(11);
		long demand = rs.getLong(7);
		Long demandId = rs.wasNull() ? null : demand;
		long booking = rs.getLong(14);
		Long bookingId = rs.wasNull() ? null : booking;
		return new Topic(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				TopicSource.valueOf(rs.getString(6)), demandId, rs.getString(8), rs.getString(9),
				TopicStatus.valueOf(rs.getString(10)), form == null ? null : ConsultationForm.valueOf(form), rs.getString(12),
				rs.getString(13), bookingId, rs.getString(15), instant(rs, 16), rs.getBoolean(17), rs.getString(18),
				instant(rs, 19), instant(rs, 20), instant(rs, 21), rs.getString(22), instant(rs, 23), instant(rs, 24),
				instant(rs, 25), rs.getInt(26), rs.getInt(27), room(rs, bookingId));
	}

	private static TopicRoom room(ResultSet rs, Long bookingId) throws SQLException {
		String status = rs.getString(32);
		return status == null ? null : new TopicRoom(rs.getLong(28), rs.getString(29), instant(rs, 30), instant(rs, 31),
				TopicRoom.Status.valueOf(status), rs.getString(33), bookingId);
	}

	private static int zero(Integer v) {
		return v == null ? 0 : v;
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}
}
