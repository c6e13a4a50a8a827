package org.jinlin.party.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.internal.PartyMeetings.MeetingRow;
import org.jinlin.party.internal.PartyMeetings.TaskView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Joint meetings' SQL: {@code party_meeting}, its resolutions ({@code party_resolution}) and follow-up tasks ({@code party_task}). */
@Repository
@RequiredArgsConstructor
public class MeetingRepository {

	/** What a meeting's detail adds to its row. */
	record Extra(String attendees, String createdBy, long territoryId) {
	}

	/** A resolution as stored. */
	record Resolution(long id, int seq, String content) {
	}

	/** A task's place, for the jurisdiction. */
	record TaskPlace(long id, String territoryPath) {
	}

	private static final String ROW_SELECT = """
			SELECT m.id, m.committee_id, o.name AS committee_name, m.territory_path, m.held_on, m.agenda,
			       (SELECT COUNT(*) FROM party_task t WHERE t.meeting_id = m.id) AS tasks,
			       (SELECT COUNT(*) FROM party_task t WHERE t.meeting_id = m.id AND t.status = 'OPEN') AS open_tasks,
			       (SELECT COUNT(*) FROM party_task t WHERE t.meeting_id = m.id AND t.status = 'OPEN' AND t.due_on < ?)
			         AS overdue_tasks
			FROM party_meeting m JOIN party_org o ON o.id = m.committee_id""";

	private static final String TASK_SELECT = """
			SELECT t.id, t.resolution_id, t.meeting_id, t.title, t.owner_unit_id, t.owner_name, t.due_on, t.status,
			       t.completion_note, t.completed_at, t.completed_by
			FROM party_task t""";

	private final JdbcClient jdbc;

	/** Meetings under a path, newest first (at most 500), with tasks overdue on {@code today}. */
	List<MeetingRow> meetings(LocalDate today, String path) {
		return jdbc.sql(ROW_SELECT + " WHERE m.territory_path LIKE ? ORDER BY m.held_on DESC, m.id DESC LIMIT 500")
			.params(today, path + "%").query(MeetingRow.class).list();
	}

	Optional<MeetingRow> meeting(LocalDate today, long id) {
		return jdbc.sql(ROW_SELECT + " WHERE m.id = ?").params(today, id).query(MeetingRow.class).optional();
	}

	Extra extra(long id) {
		return jdbc.sql("""
				SELECT m.attendees, m.created_by, o.territory_id FROM party_meeting m JOIN party_org o ON o.id = m.committee_id
				WHERE m.id = ?""").param(id).query(Extra.class).single();
	}

	List<Resolution> resolutions(long meetingId) {
		return jdbc.sql("SELECT id, seq, content FROM party_resolution WHERE meeting_id = ? ORDER BY seq").param(meetingId)
			.query(Resolution.class).list();
	}

	List<TaskView> tasks(long meetingId) {
		return jdbc.sql(TASK_SELECT + " WHERE t.meeting_id = ? ORDER BY t.id").param(meetingId).query(TaskView.class).list();
	}

	/** Tasks under a path still open after their due date, by due date. */
	List<TaskView> overdue(LocalDate today, String path) {
		return jdbc.sql(TASK_SELECT + " WHERE t.status = 'OPEN' AND t.due_on < ? AND t.territory_path LIKE ? ORDER BY t.due_on, t.id")
			.params(today, path + "%").query(TaskView.class).list();
	}

	Optional<TaskPlace> taskPlace(long id) {
		return jdbc.sql("SELECT id, territory_path FROM party_task WHERE id = ?").param(id).query(TaskPlace.class).optional();
	}

	TaskView task(long id) {
		return jdbc.sql(TASK_SELECT + " WHERE t.id = ?").param(id).query(TaskView.class).single();
	}

	/** Marks an open task done; false when it was done already. */
	boolean markDone(long id, String note, String by) {
		return jdbc.sql("""
				UPDATE party_task SET status = 'DONE', completion_note = ?, completed_at = ?, completed_by = ?
				WHERE id = ? AND status = 'OPEN'""").params(note, OffsetDateTime.now(), by, id).update() > 0;
	}

	long insertMeeting(long committeeId, String territoryPath, LocalDate heldOn, String agenda, String attendees,
			String createdBy) {
		return PartyOrgRepository.insertReturningId(jdbc, """
				INSERT INTO party_meeting (committee_id, territory_path, held_on, agenda, attendees, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""",
				committeeId, territoryPath, heldOn, agenda, attendees, createdBy, OffsetDateTime.now());
	}

	long insertResolution(long meetingId, int seq, String content) {
		return PartyOrgRepository.insertReturningId(jdbc,
				"INSERT INTO party_resolution (meeting_id, seq, content) VALUES (?, ?, ?)", meetingId, seq, content);
	}

	void insertTask(long resolutionId, long meetingId, String territoryPath, String title, Long ownerUnitId,
			String ownerName, LocalDate dueOn) {
		jdbc.sql("""
				INSERT INTO party_task (resolution_id, meeting_id, territory_path, title, owner_unit_id, owner_name,
				  due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
			.params(resolutionId, meetingId, territoryPath, title, ownerUnitId, ownerName, dueOn)
			.update();
	}
}
