package org.jinlin.party.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint meetings (联席会议) of a community committee and its co-building units: agenda, attendees, resolutions and
 * the follow-up tasks of each resolution, tracked from OPEN to DONE (with a completion note). A task is overdue when
 * it is still open after its due date. Jurisdiction is the committee's community.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PartyMeetings {

	private final MeetingRepository meetings;

	private final PartyOrgRepository orgs;

	private final AllianceRepository alliances;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	public record MeetingRow(long id, long committeeId, String committeeName, String territoryPath, LocalDate heldOn,
			String agenda, int tasks, int openTasks, int overdueTasks) {
	}

	public record TaskView(long id, long resolutionId, long meetingId, String title, Long ownerUnitId, String ownerName,
			LocalDate dueOn, String status, String completionNote, OffsetDateTime completedAt, String completedBy) {

		public boolean overdue() {
			return "OPEN".equals(status) && dueOn.isBefore(LocalDate.now(PartyAlliances.ZONE));
		}
	}

	public record ResolutionView(long id, int seq, String content, List<TaskView> tasks) {
	}

	public record MeetingDetail(long id, long committeeId, String committeeName, String communityName, LocalDate heldOn,
			String agenda, String attendees, String createdBy, List<ResolutionView> resolutions) {
	}

	public record TaskDraft(String title, Long ownerUnitId, String ownerName, String dueOn) {
	}

	public record ResolutionDraft(String content, List<TaskDraft> tasks) {
	}

	public record MeetingDraft(Long committeeId, String heldOn, String agenda, String attendees, List<ResolutionDraft> resolutions) {
	}

	public record TaskDone(String note) {
	}

	public List<MeetingRow> meetings(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		return meetings.meetings(today(), path(actor, territoryCode));
	}

	private String path(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.territoryPath();
		}
		return territories.lookupByCode(territoryCode.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + territoryCode)).path();
	}

	public MeetingDetail meeting(long id) {
		Actor actor = PartyAccess.requireReader();
		MeetingRow m = meetings.meeting(today(), id).filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No joint meeting " + id));
		MeetingRepository.Extra extra = meetings.extra(id);
		List<TaskView> tasks = meetings.tasks(id);
		List<ResolutionView> resolutions = meetings.resolutions(id).stream()
			.map(r -> new ResolutionView(r.id(), r.seq(), r.content(),
					tasks.stream().filter(t -> t.resolutionId() == r.id()).toList()))
			.toList();
		String community = territories.lookup(extra.territoryId()).map(TerritoryNode::name).orElse(null);
		return new MeetingDetail(m.id(), m.committeeId(), m.committeeName(), community, m.heldOn(), m.agenda(),
				extra.attendees(), extra.createdBy(), resolutions);
	}

	public List<TaskView> overdue(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		return meetings.overdue(today(), path(actor, territoryCode));
	}

	private TaskView task(Actor actor, long id) {
		meetings.taskPlace(id).filter(t -> actor.covers(t.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No task " + id));
		return meetings.task(id);
	}

	public TaskView findTask(long id) {
		return task(PartyAccess.requireReader(), id);
	}

	/** Marks a follow-up task done with a completion note; 409 when it is already done. */
	@Transactional
	public TaskView markDone(long id, TaskDone done) {
		Actor actor = PartyAccess.requireReader();
		TaskView task = task(actor, id);
		PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "note", done == null ? null : done.note(), 1000);
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		if (!meetings.markDone(task.id(), done.note().strip(), actor.name())) {
			throw new ConflictException("The task is already done");
		}
		return task(actor, id);
	}

	@Transactional
	public MeetingDetail create(MeetingDraft d) {
		Actor actor = PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		if (d.committeeId() == null) {
			PartyRules.add(errors, "committeeId", "party.error.blank");
		}
		LocalDate heldOn = PartyRules.date(errors, "heldOn", d.heldOn());
		PartyRules.requireText(errors, "agenda", d.agenda(), 1000);
		PartyRules.requireText(errors, "attendees", d.attendees(), 1000);
		List<ResolutionDraft> resolutions = d.resolutions() == null ? List.of() : d.resolutions();
		List<List<LocalDate>> dues = new ArrayList<>();
		for (int i = 0; i < resolutions.size(); i++) {
			ResolutionDraft r = resolutions.get(i);
			List<LocalDate> rd = new ArrayList<>();
			if (r == null) {
				PartyRules.add(errors, "resolutions[" + i + "]", "party.error.null");
				dues.add(rd);
				continue;
			}
			PartyRules.requireText(errors, "resolutions[" + i + "].content", r.content(), 1000);
			List<TaskDraft> tasks = r.tasks() == null ? List.of() : r.tasks();
			for (int j = 0; j < tasks.size(); j++) {
				TaskDraft t = tasks.get(j);
				String f = "resolutions[" + i + "].tasks[" + j + "]";
				if (t == null) {
					PartyRules.add(errors, f, "party.error.null");
					rd.add(null);
					continue;
				}
				PartyRules.requireText(errors, f + ".title", t.title(), 300);
				if (t.ownerUnitId() == null) {
					PartyRules.requireText(errors, f + ".ownerName", t.ownerName(), 100);
				}
				rd.add(PartyRules.date(errors, f + ".dueOn", t.dueOn()));
			}
			dues.add(rd);
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		PartyOrgRepository.Stored committee = PartyAlliances.committee(actor, d.committeeId(), orgs, fieldErrors);
		Map<Long, String> unitNames = new java.util.HashMap<>();
		for (int i = 0; i < resolutions.size(); i++) {
			List<TaskDraft> tasks = resolutions.get(i).tasks() == null ? List.of() : resolutions.get(i).tasks();
			for (int j = 0; j < tasks.size(); j++) {
				Long unitId = tasks.get(j).ownerUnitId();
				if (unitId != null) {
					String name = alliances.unit(unitId).map(PartyAlliances.UnitRow::name).orElse(null);
					if (name == null) {
						PartyRules.add(errors, "resolutions[" + i + "].tasks[" + j + "].ownerUnitId", "party.error.unit");
					}
					else {
						unitNames.put(unitId, name);
					}
				}
			}
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		long meetingId = meetings.insertMeeting(committee.id(), committee.territoryPath(), heldOn, d.agenda().strip(),
				d.attendees().strip(), actor.name());
		for (int i = 0; i < resolutions.size(); i++) {
			ResolutionDraft r = resolutions.get(i);
			long resolutionId = meetings.insertResolution(meetingId, i + 1, r.content().strip());
			List<TaskDraft> tasks = r.tasks() == null ? List.of() : r.tasks();
			for (int j = 0; j < tasks.size(); j++) {
				TaskDraft t = tasks.get(j);
				String owner = t.ownerUnitId() != null ? unitNames.get(t.ownerUnitId()) : t.ownerName().strip();
				meetings.insertTask(resolutionId, meetingId, committee.territoryPath(), t.title().strip(), t.ownerUnitId(),
						owner, dues.get(i).get(j));
			}
		}
		return meeting(meetingId);
	}

	private static LocalDate today() {
		return LocalDate.now(PartyAlliances.ZONE);
	}
}
