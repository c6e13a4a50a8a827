package org.jinlin.people.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.Gender;
import org.jinlin.people.RegisterResident;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentRow;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.people.internal.ResidentChange;
import org.jinlin.people.internal.ResidentChanges;
import org.jinlin.people.internal.ResidentPersonalData;
import org.jinlin.people.internal.ResidentRecords;
import org.jinlin.people.internal.ResidentRegistration;
import org.jinlin.people.internal.UpdateResident;
import org.jinlin.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the resident register; the rules live in the services it calls. */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "Residents", description = "The resident register: masked reads, audited full view, registration on behalf, changes with reasons, voiding")
@RequiredArgsConstructor
class ResidentApiController {

	private final ResidentRegister register;

	private final ResidentRegistration registration;

	private final ResidentChanges changes;

	private final ResidentRecords records;

	@GetMapping
	@Operation(summary = "Residents in the caller's jurisdiction, masked, paged and ordered by name")
	Paged<ResidentRow> list(@Parameter(description = "Name starts with") @RequestParam(required = false) String name,
			@RequestParam(required = false) ResidentTag tag,
			@Parameter(description = "Territory code of a community (or any node) to narrow to") @RequestParam(required = false) String community,
			@Parameter(description = "Territory node id of a building") @RequestParam(required = false) Long building,
			@Parameter(description = "ACTIVE (default) or VOIDED") @RequestParam(required = false) ResidentStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return register.search(new ResidentQuery(name, tag, community, building, status, page, size));
	}

	@GetMapping("/count")
	@Operation(summary = "How many residents match, in the caller's jurisdiction")
	Map<String, Long> count(@RequestParam(required = false) String name, @RequestParam(required = false) ResidentTag tag,
			@RequestParam(required = false) String community, @RequestParam(required = false) Long building,
			@RequestParam(required = false) ResidentStatus status) {
		return Map.of("count", register.count(new ResidentQuery(name, tag, community, building, status, 0, 1)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One resident, ID number and phone masked")
	ResidentView get(@PathVariable long id) {
		return register.find(id);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed the record, when and why (field names only)")
	List<ResidentChange> history(@PathVariable long id) {
		return records.history(id);
	}

	@PostMapping("/{id}/reveal")
	@Operation(summary = "The full ID number and phone, for staff in the jurisdiction; recorded in the audit log with the purpose")
	ResidentPersonalData reveal(@PathVariable long id, @Valid @RequestBody RevealRequest body) {
		return records.reveal(id, body.purpose());
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Register a resident (staff on behalf: channel PHONE_CALL, DOOR_TO_DOOR or OFFICE)")
	ResponseEntity<ResidentView> create(@Valid @RequestBody RegisterRequest body) {
		ResidentView view = registration.register(body.command(), body.reason());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + view.id())).body(view);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a resident; a reason is required and kept in the history")
	ResidentView update(@PathVariable long id, @Valid @RequestBody UpdateRequest body) {
		return changes.update(id, body.command(), body.reason());
	}

	@PostMapping("/{id}/void")
	@Operation(summary = "Void a record with a reason; it is kept, never deleted")
	ResidentView voidRecord(@PathVariable long id, @Valid @RequestBody VoidRequest body) {
		return changes.voidRecord(id, body.reason());
	}

	record RevealRequest(@NotBlank @Size(max = 200) String purpose) {
	}

	record VoidRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record RegisterRequest(@NotBlank @Size(max = 50) String name, @NotNull Gender gender, @NotNull LocalDate birthDate,
			@NotBlank @Size(max = 18) String idNumber, @Size(max = 30) String phone, @NotNull Long buildingId,
			@Size(max = 20) String unit, @Size(max = 20) String room, Set<ResidentTag> tags,
			@NotNull RegistrationChannel channel, @Size(max = 500) String reason) {

		RegisterResident command() {
			return new RegisterResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, channel);
		}

		@Override
		public String toString() {
			return "RegisterRequest[buildingId=" + buildingId + "]";
		}
	}

	record UpdateRequest(@NotBlank @Size(max = 50) String name, @NotNull Gender gender, @NotNull LocalDate birthDate,
			@NotBlank @Size(max = 18) String idNumber, @Size(max = 30) String phone, @NotNull Long buildingId,
			@Size(max = 20) String unit, @Size(max = 20) String room, Set<ResidentTag> tags, Integer version,
			@NotBlank @Size(max = 500) String reason) {

		UpdateResident command() {
			return new UpdateResident(name, gender, birthDate, idNumber, phone, buildingId, unit, room, tags, version);
		}

		@Override
		public String toString() {
			return "UpdateRequest[buildingId=" + buildingId + "]";
		}
	}
}
