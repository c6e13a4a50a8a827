package org.jinlin.eldercare.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.internal.CareProfiles;
import org.jinlin.eldercare.internal.CareRules;
import org.jinlin.eldercare.internal.ElderAssessments;
import org.jinlin.eldercare.internal.ElderBirthdays;
import org.jinlin.eldercare.internal.ElderHealth;
import org.jinlin.eldercare.internal.ElderQueries;
import org.jinlin.eldercare.internal.ElderViews.AddDevice;
import org.jinlin.eldercare.internal.ElderViews.AssessmentView;
import org.jinlin.eldercare.internal.ElderViews.AssignCarer;
import org.jinlin.eldercare.internal.ElderViews.ContactDraft;
import org.jinlin.eldercare.internal.ElderViews.ElderRow;
import org.jinlin.eldercare.internal.ElderViews.ElderView;
import org.jinlin.eldercare.internal.ElderViews.Health;
import org.jinlin.eldercare.internal.ElderViews.OverdueVisit;
import org.jinlin.eldercare.internal.ElderViews.RecordAssessment;
import org.jinlin.eldercare.internal.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.internal.ElderViews.RecordVisit;
import org.jinlin.eldercare.internal.ElderViews.RiskEventView;
import org.jinlin.eldercare.internal.ElderViews.UpcomingBirthday;
import org.jinlin.eldercare.internal.ElderViews.UpdateCare;
import org.jinlin.eldercare.internal.ElderViews.VisitView;
import org.jinlin.eldercare.internal.ElderVisits;
import org.jinlin.eldercare.internal.RiskLevel;
import org.jinlin.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the elderly register; every rule (jurisdiction, roles, validation) lives in the services of {@code eldercare.internal}. */
@RestController
@RequestMapping("/api/v1/elders")
@Tag(name = "Elders", description = "The elderly register: profiles, assessments (GB/T 42195-2022), care circles, visits, birthdays")
@RequiredArgsConstructor
class ElderApi {

	private final ElderQueries queries;

	private final CareProfiles profiles;

	private final ElderAssessments assessments;

	private final ElderVisits visits;

	private final ElderBirthdays birthdays;

	private final ElderHealth health;

	@GetMapping
	@Operation(summary = "Elders the caller may see (id, name, communityCode, age, livingAlone, riskLevel ...), highest risk first")
	Paged<ElderRow> list(@RequestParam(required = false) String community, @RequestParam(required = false) RiskLevel risk,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.search(community, risk, name, page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One elder's profile, masked: no health data, phones masked")
	ElderView get(@PathVariable long id) {
		return queries.find(id);
	}

	record CreateProfile(Long residentId) {
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create the care profile of a resident aged 60+ (normally created automatically)")
	ResponseEntity<ElderView> create(@RequestBody CreateProfile body) {
		ElderView view = profiles.createProfile(body == null ? null : body.residentId());
		return ResponseEntity.created(URI.create("/api/v1/elders/" + view.id())).body(view);
	}

	@PutMapping("/{id}/care")
	@Operation(summary = "Living situation, mobility, health data and door-access notes (stored encrypted)")
	ElderView updateCare(@PathVariable long id, @RequestBody UpdateCare body) {
		return profiles.updateCare(id, body);
	}

	@PutMapping("/{id}/contacts")
	@Operation(summary = "Replace the emergency contacts, in priority order")
	ElderView contacts(@PathVariable long id, @RequestBody List<ContactDraft> body) {
		return profiles.replaceContacts(id, body);
	}

	@PostMapping("/{id}/devices")
	@Operation(summary = "Register a device (pendant, wristband, fall/smoke detector, door sensor); device ids are unique")
	ElderView addDevice(@PathVariable long id, @RequestBody AddDevice body) {
		return profiles.addDevice(id, body);
	}

	@DeleteMapping("/{id}/devices/{deviceRowId}")
	@Operation(summary = "Remove a device")
	ElderView removeDevice(@PathVariable long id, @PathVariable long deviceRowId) {
		return profiles.removeDevice(id, deviceRowId);
	}

	@PutMapping("/{id}/care-circle")
	@Operation(summary = "Assign the community worker, grid worker or buddy (by account user name)")
	ElderView assign(@PathVariable long id, @RequestBody AssignCarer body) {
		return profiles.assignCarer(id, body);
	}

	record RevealRequest(String purpose) {
	}

	@PostMapping("/{id}/health/reveal")
	@Operation(summary = "Health data and door-access notes, for staff in the jurisdiction and the care circle; audited")
	Health reveal(@PathVariable long id, @RequestBody RevealRequest body) {
		return health.revealHealth(id, body == null ? null : body.purpose());
	}

	@GetMapping("/{id}/assessments")
	@Operation(summary = "Ability assessments, newest first")
	List<AssessmentView> assessments(@PathVariable long id) {
		return queries.assessments(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/{id}/assessments")
	@Operation(summary = "Record an ability assessment: 26 item scores in the standard's order, dementia and mental-disorder diagnoses")
	ResponseEntity<AssessmentView> assess(@PathVariable long id, @RequestBody RecordAssessment body) {
		AssessmentView view = assessments.recordAssessment(id, body);
		return ResponseEntity.created(URI.create("/api/v1/elders/" + id + "/assessments")).body(view);
	}

	@GetMapping("/assessment-items")
	@Operation(summary = "The 26 assessment items in order, with domain and maximum score")
	List<Map<String, Object>> items() {
		return CareRules.ITEMS.stream()
			.<Map<String, Object>>map(i -> Map.of("code", i.code(), "domain", i.domain().name(), "max", i.max()))
			.toList();
	}

	@PostMapping("/{id}/risk-events")
	@Operation(summary = "Record a care-risk event (fall, choking, wandering, self-harm) or change in condition")
	List<RiskEventView> riskEvent(@PathVariable long id, @RequestBody RecordRiskEvent body) {
		return assessments.recordRiskEvent(id, body);
	}

	@GetMapping("/{id}/visits")
	@Operation(summary = "Visit history, newest first")
	List<VisitView> visits(@PathVariable long id) {
		return queries.visits(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/{id}/visits")
	@Operation(summary = "Record a home visit, phone check-in or birthday visit (workers and the elder's buddy)")
	ResponseEntity<VisitView> visit(@PathVariable long id, @RequestBody RecordVisit body) {
		VisitView view = visits.recordVisit(id, body, null);
		return ResponseEntity.created(URI.create("/api/v1/elders/" + id + "/visits")).body(view);
	}

	@GetMapping("/visits/overdue")
	@Operation(summary = "Elders whose visit is overdue, in the jurisdiction or (mine=true) in the caller's care circles")
	List<OverdueVisit> overdue(@RequestParam(defaultValue = "false") boolean mine) {
		return visits.overdueVisits(mine);
	}

	@GetMapping("/birthdays")
	@Operation(summary = "Birthdays in the next 7 or 30 days")
	List<UpcomingBirthday> birthdays(@RequestParam(required = false) Integer days) {
		return birthdays.upcomingBirthdays(days == null ? 7 : days);
	}
}
