package org.jinlin.alarms.web;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.DutyStatus;
import org.jinlin.alarms.internal.AlarmInput;
import org.jinlin.alarms.internal.AlarmQueries;
import org.jinlin.alarms.internal.AlarmRaising;
import org.jinlin.alarms.internal.AlarmReport;
import org.jinlin.alarms.internal.AlarmResponse;
import org.jinlin.alarms.internal.AlarmStatus;
import org.jinlin.alarms.internal.AlarmView;
import org.jinlin.alarms.internal.DutyRoster;
import org.jinlin.alarms.internal.MonthlyAlarmReport;
import org.jinlin.alarms.internal.RaiseAlarm;
import org.jinlin.alarms.internal.RaisedAlarm;
import org.jinlin.alarms.internal.ResolveAlarm;
import org.jinlin.alarms.internal.ResponderDraft;
import org.jinlin.alarms.internal.ResponderView;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the alarm desk; all rules live in {@link AlarmRaising}, {@link AlarmResponse}, {@link AlarmQueries}, {@link DutyRoster} and {@link AlarmReport}. */
@RestController
@RequestMapping("/api/v1/alarms")
@Tag(name = "Emergency alarms", description = "Raise alarms (help button, phone call, device), respond, escalate, report")
@RequiredArgsConstructor
class AlarmApi {

	private final AlarmRaising raising;

	private final AlarmResponse response;

	private final AlarmQueries queries;

	private final DutyRoster roster;

	private final AlarmReport report;

	private final FieldErrors errors;

	/** What raising answers: the alarm's id and status, and whether it was new. */
	record Receipt(long id, AlarmStatus status, RaisedAlarm.Outcome outcome) {
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Raise an alarm: {elderId | deviceId, kind, occurredAt, idempotencyKey}. 201 with {id, status};"
			+ " the same idempotencyKey from the same caller returns the same alarm (201 again); another press while the"
			+ " elder's alarm is open and within the join window joins it (200, outcome JOINED)")
	ResponseEntity<Receipt> raise(@RequestBody RaiseAlarm body) {
		RaisedAlarm raised = raising.raise(body);
		Receipt receipt = new Receipt(raised.alarm().id(), raised.alarm().status(), raised.outcome());
		if (raised.outcome() == RaisedAlarm.Outcome.JOINED) {
			return ResponseEntity.ok().location(URI.create("/api/v1/alarms/" + receipt.id())).body(receipt);
		}
		return ResponseEntity.created(URI.create("/api/v1/alarms/" + receipt.id())).body(receipt);
	}

	@GetMapping
	@Operation(summary = "Open alarms the caller may see, oldest first")
	List<AlarmView> open() {
		return queries.open();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One alarm: status, escalation level, responder, timeline and dispatch chain")
	AlarmView find(@PathVariable long id) {
		return queries.find(id);
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Take the alarm (a responder in its chain, or staff of the area); 409 if someone else has")
	AlarmView acknowledge(@PathVariable long id) {
		return response.acknowledge(id);
	}

	@PostMapping("/{id}/en-route")
	@Operation(summary = "The responder who took the alarm is on the way")
	AlarmView enRoute(@PathVariable long id) {
		return response.enRoute(id);
	}

	@PostMapping("/{id}/arrive")
	@Operation(summary = "The responder who took the alarm confirms arrival at the elder's home")
	AlarmView arrive(@PathVariable long id) {
		return response.arrive(id);
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Close the alarm with an outcome (HANDLED_AT_HOME, TAKEN_TO_HOSPITAL, FAMILY_ARRIVED, FALSE_ALARM, ...)")
	AlarmView resolve(@PathVariable long id, @RequestBody ResolveAlarm body) {
		return response.resolve(id, body);
	}

	@GetMapping("/report")
	@Operation(summary = "Monthly figures against the telecare targets (acknowledged within 60 s and 180 s), month as yyyy-MM")
	MonthlyAlarmReport report(@RequestParam(required = false) String month, @RequestParam(required = false) String territory) {
		return report.monthly(month(month), territory);
	}

	@GetMapping("/responders")
	@Operation(summary = "Responders in the caller's jurisdiction with their duty status and rota")
	List<ResponderView> responders() {
		return roster.responders();
	}

	@PutMapping("/responders/{username}")
	@Operation(summary = "Register an account as a responder, or change its duty role, node or status")
	ResponderView register(@PathVariable String username, @RequestBody ResponderDraft draft) {
		return roster.register(new ResponderDraft(username, draft.role(), draft.territoryCode(), draft.dutyStatus()));
	}

	record StatusChange(String status) {
	}

	@PostMapping("/responders/{username}/status")
	@Operation(summary = "Switch a responder ON_DUTY, OFF_DUTY or back to ROTA (oneself, or a manager)")
	ResponderView status(@PathVariable String username, @RequestBody StatusChange body) {
		List<FieldError> problems = new java.util.ArrayList<>();
		DutyStatus status = AlarmInput.parse(DutyStatus.class, body.status(), "status", problems);
		errors.failIfAny(AlarmInput.INVALID, problems);
		return roster.setStatus(username, status);
	}

	@PutMapping("/responders/{username}/shifts")
	@Operation(summary = "Replace a responder's weekly rota")
	ResponderView shifts(@PathVariable String username, @RequestBody List<ResponderView.ShiftView> shifts) {
		return roster.setShifts(username, shifts == null ? List.of() : shifts);
	}

	YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
		}
		try {
			YearMonth month = YearMonth.parse(value.strip());
			if (month.getYear() < 1900 || month.getYear() > 9999) {
				// a sign or five digits parse, but no report reaches that far
				throw new DateTimeParseException("out of range", value, 0);
			}
			return month;
		}
		catch (DateTimeParseException e) {
			throw errors.invalid(AlarmInput.INVALID, List.of(new FieldError("month", "alarms.report.month.invalid")));
		}
	}

}
