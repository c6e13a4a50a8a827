package org.jinlin.party;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint meetings (联席会议) of a community committee and its co-building units: agenda, attendees, resolutions and
 * the follow-up tasks of each resolution, tracked from OPEN to DONE (with a completion note). A task is overdue when
 * it is still open after its due date. Jurisdiction is the committee's community.
 */
@Service
@Transactional(readOnly = true)
class PartyMeetings {

	private final JdbcClient jdbc;

	private final Territories territories;

	PartyMeetings(JdbcClient jdbc, Territories territories) {
		this.jdbc = jdbc;
		this.territories = territories;
	}

	record MeetingRow(long id, long committeeId, String committeeName, String territoryPath, LocalDate heldOn,
			String agenda, int tasks, int openTasks, int overdueTasks) {
	}

	record TaskView(long id, long resolutionId, long meetingId, String title, Long ownerUnitId, String ownerName,
			LocalDate dueOn, String status, String completionNote, OffsetDateTime completedAt, String completedBy) {

		public boolean overdue() {
			return "OPEN".equals(status) && dueOn.isBefore(LocalDate.now(PartyAlliances.ZONE));
		}
	}

	record ResolutionView(long id, int seq, String content, List<TaskView> tasks) {
	}

	record MeetingDetail(long id, long committeeId, String committeeName, String communityName, LocalDate heldOn,
			String agenda, String attendees, String createdBy, List<ResolutionView> resolutions) {
	}

	record TaskDraft(String title, Long ownerUnitId, String ownerName, String dueOn) {
	}

	record ResolutionDraft(String content, List<TaskDraft> tasks) {
	}

	record MeetingDraft(Long committeeId, String heldOn, String agenda, String attendees, List<ResolutionDraft> resolutions) {
	}

	record TaskDone(String note) {
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

	List<MeetingRow> meetings(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		String path = path(actor, territoryCode);
		return jdbc.sql(ROW_SELECT + " WHERE m.territory_path LIKE ? ORDER BY m.held_on DESC, m.id DESC LIMIT 500")
			.params(today(), path + "%").query(MeetingRow.class).list();
	}

	private String path(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.territoryPath();
		}
		return territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode)).path();
	}

	MeetingDetail meeting(long id) {
		Actor actor = PartyAccess.requireReader();
		MeetingRow m = jdbc.sql(ROW_SELECT + " WHERE m.id = ?").params(today(), id).query(MeetingRow.class).optional()
			.filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No joint meeting " + id));
		record Extra(String attendees, String createdBy, long territoryId) {
		}
		Extra extra = jdbc.sql("""
				SELECT m.attendees, m.created_by, o.territory_id FROM party_meeting m JOIN party_org o ON o.id = m.committee_id
				WHERE m.id = ?""").param(id).query(Extra.class).single();
		List<TaskView> tasks = jdbc.sql(TASK_SELECT + " WHERE t.meeting_id = ? ORDER BY t.id").param(id)
			.query(TaskView.class).list();
		record R(long id, int seq, String content) {
		}
		List<ResolutionView> resolutions = jdbc.sql("SELECT id, seq, content FROM party_resolution WHERE meeting_id = ? ORDER BY seq")
			.param(id).query(R.class).list().stream()
			.map(r -> new ResolutionView(r.id(), r.seq(), r.content(),
					tasks.stream().filter(t -> t.resolutionId() == r.id()).toList()))
			.toList();
		String community = territories.lookup(extra.territoryId()).map(TerritoryNode::name).orElse(null);
		return new MeetingDetail(m.id(), m.committeeId(), m.committeeName(), community, m.heldOn(), m.agenda(),
				extra.attendees(), extra.createdBy(), resolutions);
	}

	List<TaskView> overdue(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		String path = path(actor, territoryCode);
		return jdbc.sql(TASK_SELECT + " WHERE t.status = 'OPEN' AND t.due_on < ? AND t.territory_path LIKE ? ORDER BY t.due_on, t.id")
			.params(today(), path + "%").query(TaskView.class).list();
	}

	private TaskView task(Actor actor, long id) {
		record T(long id, String territoryPath) {
		}
		jdbc.sql("SELECT id, territory_path FROM party_task WHERE id = ?").param(id).query(T.class).optional()
			.filter(t -> actor.covers(t.territoryPath())).orElseThrow(() -> new NotFoundException("No task " + id));
		return jdbc.sql(TASK_SELECT + " WHERE t.id = ?").param(id).query(TaskView.class).single();
	}

	TaskView findTask(long id) {
		return task(PartyAccess.requireReader(), id);
	}

	/** Marks a follow-up task done with a completion note; 409 when it is already done. */
	@Transactional
	TaskView markDone(long id, TaskDone done) {
		Actor actor = PartyAccess.requireReader();
		TaskView task = task(actor, id);
		PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("note", done == null ? null : done.note(), 1000);
		errors.throwIfAny();
		int changed = jdbc.sql("""
				UPDATE party_task SET status = 'DONE', completion_note = ?, completed_at = ?, completed_by = ?
				WHERE id = ? AND status = 'OPEN'""").params(done.note().strip(), OffsetDateTime.now(), actor.name(), task.id())
			.update();
		if (changed == 0) {
			throw new ConflictException("The task is already done");
		}
		return task(actor, id);
	}

	@Transactional
	MeetingDetail create(MeetingDraft d) {
		Actor actor = PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		if (d.committeeId() == null) {
			errors.add("committeeId", "must not be blank");
		}
		LocalDate heldOn = PartyAccess.date(errors, "heldOn", d.heldOn());
		errors.requireText("agenda", d.agenda(), 1000);
		errors.requireText("attendees", d.attendees(), 1000);
		List<ResolutionDraft> resolutions = d.resolutions() == null ? List.of() : d.resolutions();
		List<List<LocalDate>> dues = new ArrayList<>();
		for (int i = 0; i < resolutions.size(); i++) {
			ResolutionDraft r = resolutions.get(i);
			List<LocalDate> rd = new ArrayList<>();
			if (r == null) {
				errors.add("resolutions[" + i + "]", "must not be null");
				dues.add(rd);
				continue;
			}
			errors.requireText("resolutions[" + i + "].content", r.content(), 1000);
			List<TaskDraft> tasks = r.tasks() == null ? List.of() : r.tasks();
			for (int j = 0; j < tasks.size(); j++) {
				TaskDraft t = tasks.get(j);
				String f = "resolutions[" + i + "].tasks[" + j + "]";
				if (t == null) {
					errors.add(f, "must not be null");
					rd.add(null);
					continue;
				}
				errors.requireText(f + ".title", t.title(), 300);
				if (t.ownerUnitId() == null) {
					errors.requireText(f + ".ownerName", t.ownerName(), 100);
				}
				rd.add(PartyAccess.date(errors, f + ".dueOn", t.dueOn()));
			}
			dues.add(rd);
		}
		errors.throwIfAny();
		record O(long id, String kind, String territoryPath) {
		}
		O committee = jdbc.sql("SELECT id, kind, territory_path FROM party_org WHERE id = ?").param(d.committeeId())
			.query(O.class).optional().filter(o -> actor.covers(o.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No party organisation " + d.committeeId()));
		if (!OrgKind.COMMUNITY_COMMITTEE.name().equals(committee.kind())) {
			errors.add("committeeId", "must be a community party committee").throwIfAny();
		}
		Map<Long, String> unitNames = new java.util.HashMap<>();
		for (int i = 0; i < resolutions.size(); i++) {
			List<TaskDraft> tasks = resolutions.get(i).tasks() == null ? List.of() : resolutions.get(i).tasks();
			for (int j = 0; j < tasks.size(); j++) {
				Long unitId = tasks.get(j).ownerUnitId();
				if (unitId != null) {
					String name = jdbc.sql("SELECT name FROM party_unit WHERE id = ?").param(unitId).query(String.class)
						.optional().orElse(null);
					if (name == null) {
						errors.add("resolutions[" + i + "].tasks[" + j + "].ownerUnitId", "no such co-building unit");
					}
					else {
						unitNames.put(unitId, name);
					}
				}
			}
		}
		errors.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_meeting (committee_id, territory_path, held_on, agenda, attendees, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(committee.id(), committee.territoryPath(), heldOn, d.agenda().strip(), d.attendees().strip(),
					actor.name(), OffsetDateTime.now())
			.update(keys, "id");
		long meetingId = keys.getKey().longValue();
		for (int i = 0; i < resolutions.size(); i++) {
			ResolutionDraft r = resolutions.get(i);
			GeneratedKeyHolder rk = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO party_resolution (meeting_id, seq, content) VALUES (?, ?, ?)")
				.params(meetingId, i + 1, r.content().strip()).update(rk, "id");
			long resolutionId = rk.getKey().longValue();
			List<TaskDraft> tasks = r.tasks() == null ? List.of() : r.tasks();
			for (int j = 0; j < tasks.size(); j++) {
				TaskDraft t = tasks.get(j);
				String owner = t.ownerUnitId() != null ? unitNames.get(t.ownerUnitId()) : t.ownerName().strip();
				jdbc.sql("""
						INSERT INTO party_task (resolution_id, meeting_id, territory_path, title, owner_unit_id, owner_name,
						  due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
					.params(resolutionId, meetingId, committee.territoryPath(), t.title().strip(), t.ownerUnitId(), owner,
							dues.get(i).get(j))
					.update();
			}
		}
		return meeting(meetingId);
	}

	private static LocalDate today() {
		return LocalDate.now(PartyAlliances.ZONE);
	}
}
