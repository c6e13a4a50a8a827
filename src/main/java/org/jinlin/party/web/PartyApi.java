package org.jinlin.party.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.internal.OrganisationRegister;
import org.jinlin.party.internal.PartyAlliances;
import org.jinlin.party.internal.PartyDirectory;
import org.jinlin.party.internal.PartyExport;
import org.jinlin.party.internal.PartyMeetings;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of party organisations, alliances and joint meetings; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Party organisations", description = "Organisation tree, coverage, alliances of co-building units, joint meetings")
@RequiredArgsConstructor
class PartyApi {

	private final PartyDirectory directory;

	private final OrganisationRegister register;

	private final PartyAlliances alliances;

	private final PartyMeetings meetings;

	private final PartyExport export;

	@GetMapping("/coverage")
	@Operation(summary = "Compound-branch coverage of a territory inside the caller's jurisdiction",
			description = """
					compounds: territory nodes of level COMPOUND under the node; covered: those covered by at least one \
					compound branch; rate: covered / compounds as a NUMBER FROM 0 TO 1 (four decimals; null without \
					compounds); children: the same per child node. 404 for an unknown code or one outside the jurisdiction.""")
	PartyDirectory.Coverage coverage(@RequestParam String territory) {
		return directory.coverage(territory);
	}

	@GetMapping("/organisations")
	@Operation(summary = "Organisations in the caller's jurisdiction (or a territory inside it), by kind and name (at most 200)")
	PartyDirectory.OrgList organisations(@RequestParam(required = false) String territory,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String q) {
		return directory.search(territory, kind, q, PartyDirectory.LIST_LIMIT);
	}

	@GetMapping("/organisations/export.xlsx")
	@Operation(summary = "The same list as Excel (all rows)")
	void exportXlsx(@RequestParam(required = false) String territory, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		export.check(territory);
		SpreadsheetDownloads.xlsx(response, "party-organisations.xlsx", out -> export.write(territory, kind, q, out));
	}

	@GetMapping("/organisations/{id}")
	@Operation(summary = "One organisation with its compounds, sub-organisations and roster (phones masked)")
	PartyDirectory.OrgDetail organisation(@PathVariable long id) {
		return directory.find(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/organisations")
	@Operation(summary = "Create an organisation (community workers and above, in their jurisdiction)")
	ResponseEntity<PartyDirectory.OrgDetail> create(@RequestBody PartyDirectory.OrgDraft draft) {
		PartyDirectory.OrgDetail o = register.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/party/organisations/" + o.id())).body(o);
	}

	@PostMapping("/organisations/{id}/members")
	@Operation(summary = "Add a member to an organisation's roster (phone stored encrypted, returned masked)")
	ResponseEntity<PartyDirectory.MemberView> addMember(@PathVariable long id, @RequestBody PartyDirectory.MemberDraft draft) {
		return ResponseEntity.status(201).body(register.addMember(id, draft));
	}

	@GetMapping("/alliances")
	@Operation(summary = "Alliances with their co-building units paired with communities in the jurisdiction")
	List<PartyAlliances.AllianceView> alliances(@RequestParam(required = false) String territory,
			@RequestParam(required = false) String q) {
		return alliances.alliances(territory, q);
	}

	@GetMapping("/units/{id}")
	@Operation(summary = "A co-building unit with its commitments, deliveries and committee seats")
	PartyAlliances.UnitDetail unit(@PathVariable long id) {
		return alliances.unit(id);
	}

	@PostMapping("/units/{id}/commitments")
	@Operation(summary = "Add a commitment (承诺事项) of a unit")
	ResponseEntity<PartyAlliances.CommitmentView> addCommitment(@PathVariable long id,
			@RequestBody PartyAlliances.CommitmentDraft draft) {
		return ResponseEntity.status(201).body(alliances.addCommitment(id, draft));
	}

	@PostMapping("/commitments/{id}/deliveries")
	@Operation(summary = "Record what a unit delivered on a commitment",
			description = "With hours, the delivery is reported to service hours (ALLIANCE_COMMITMENT, unit:<id>, delivery:<id>).")
	ResponseEntity<PartyAlliances.DeliveryView> recordDelivery(@PathVariable long id,
			@RequestBody PartyAlliances.DeliveryDraft draft) {
		return ResponseEntity.status(201).body(alliances.recordDelivery(id, draft));
	}

	@GetMapping("/committee-members")
	@Operation(summary = "Part-time committee members (兼职委员) of committees in the jurisdiction")
	List<PartyAlliances.CommitteeMemberView> committeeMembers(@RequestParam(required = false) String territory) {
		return alliances.committeeMembers(territory);
	}

	@PostMapping("/committee-members")
	@Operation(summary = "Seat a part-time committee member on a community committee")
	ResponseEntity<PartyAlliances.CommitteeMemberView> addCommitteeMember(
			@RequestBody PartyAlliances.CommitteeMemberDraft draft) {
		return ResponseEntity.status(201).body(alliances.addCommitteeMember(draft));
	}

	@GetMapping("/meetings")
	@Operation(summary = "Joint meetings in the jurisdiction, newest first, with task counts")
	List<PartyMeetings.MeetingRow> meetings(@RequestParam(required = false) String territory) {
		return meetings.meetings(territory);
	}

	@GetMapping("/meetings/{id}")
	@Operation(summary = "A joint meeting with resolutions and follow-up tasks")
	PartyMeetings.MeetingDetail meeting(@PathVariable long id) {
		return meetings.meeting(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/meetings")
	@Operation(summary = "Record a joint meeting with its resolutions and follow-up tasks")
	ResponseEntity<PartyMeetings.MeetingDetail> createMeeting(@RequestBody PartyMeetings.MeetingDraft draft) {
		PartyMeetings.MeetingDetail m = meetings.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/party/meetings/" + m.id())).body(m);
	}

	@GetMapping("/tasks/overdue")
	@Operation(summary = "Follow-up tasks still open after their due date, in the jurisdiction")
	List<PartyMeetings.TaskView> overdue(@RequestParam(required = false) String territory) {
		return meetings.overdue(territory);
	}

	@PostMapping("/tasks/{id}/done")
	@Operation(summary = "Mark a follow-up task done with a completion note (409 if already done)")
	PartyMeetings.TaskView done(@PathVariable long id, @RequestBody PartyMeetings.TaskDone body) {
		return meetings.markDone(id, body);
	}
}
