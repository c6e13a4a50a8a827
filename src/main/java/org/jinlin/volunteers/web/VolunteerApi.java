package org.jinlin.volunteers.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceBalance;
import org.jinlin.servicehours.ServiceHours;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.volunteers.internal.ActivityModels.ActivityDraft;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.AttendanceView;
import org.jinlin.volunteers.internal.ActivityModels.BackDate;
import org.jinlin.volunteers.internal.ActivityModels.CheckInResult;
import org.jinlin.volunteers.internal.ActivityModels.ConfirmHours;
import org.jinlin.volunteers.internal.ActivityModels.Decision;
import org.jinlin.volunteers.internal.ActivityModels.HoursLine;
import org.jinlin.volunteers.internal.ActivityModels.ServiceRecordView;
import org.jinlin.volunteers.internal.ActivityModels.SignUpView;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityDesk;
import org.jinlin.volunteers.internal.ActivitySignUps;
import org.jinlin.volunteers.internal.BackDatedRecords;
import org.jinlin.volunteers.internal.Certificates;
import org.jinlin.volunteers.internal.HoursConfirmation;
import org.jinlin.volunteers.internal.RegisterVolunteer;
import org.jinlin.volunteers.internal.VenueCheckIn;
import org.jinlin.volunteers.internal.VolunteerRegistry;
import org.jinlin.volunteers.internal.VolunteerView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The volunteers JSON API; roles and jurisdiction are checked by the services. */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class VolunteerApi {

	private final VolunteerRegistry registry;

	private final ActivityDesk activities;

	private final ActivitySignUps signUps;

	private final VenueCheckIn checkIn;

	private final BackDatedRecords attendance;

	private final HoursConfirmation hours;

	private final Certificates certificates;

	private final ServiceHours serviceHours;

	// ------------------------------------------------------------------ registration and registry

	/** Registers the caller, or (staff, {@code onBehalf}) someone without an account. */
	@PostMapping("/volunteers")
	@ResponseStatus(HttpStatus.CREATED)
	VolunteerView register(@RequestBody RegisterVolunteer body) {
		return registry.register(body);
	}

	/** The caller's registration and balance. */
	@GetMapping("/volunteers/me")
	Map<String, Object> me() {
		VolunteerView v = registry.mine().orElseThrow(() -> new NotFoundException("Not registered"));
		ServiceBalance balance = serviceHours.balanceOf(v.personKey());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("volunteer", v);
		m.put("balance", balance);
		return m;
	}

	@GetMapping("/volunteers/me/records")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The account is not registered as a volunteer")
	List<ServiceRecordView> myRecords() {
		registry.requireMine();
		return hours.myRecords();
	}

	@GetMapping("/volunteers/me/certificates")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The account is not registered as a volunteer")
	List<Certificates.Certificate> myCertificates() {
		registry.requireMine();
		return certificates.mine();
	}

	@PostMapping("/volunteers/me/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	Certificates.Certificate issue(@RequestBody Certificates.IssueRequest body) {
		return certificates.issue(body);
	}

	/** The registry of the caller's jurisdiction (staff), masked: {@code {items, page, size, total}}. */
	@GetMapping("/volunteers")
	Paged<VolunteerView> registry(@RequestParam(required = false) String q,
			@RequestParam(required = false) String intention, @RequestParam(defaultValue = "0") int page) {
		return registry.search(q, ServiceIntention.parse(intention).orElse(null), page);
	}

	@GetMapping("/volunteers/{id:\\d+}")
	VolunteerView volunteer(@PathVariable long id) {
		return registry.find(id);
	}

	// ------------------------------------------------------------------ activities

	@GetMapping("/volunteers/activities")
	List<ActivityView> activities(@RequestParam(defaultValue = "false") boolean upcoming) {
		return activities.list(upcoming, 200);
	}

	@PostMapping("/volunteers/activities")
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView create(@RequestBody ActivityDraft body) {
		return activities.create(body);
	}

	@GetMapping("/volunteers/activities/{id}")
	ActivityView activity(@PathVariable long id) {
		return activities.find(id);
	}

	@PostMapping("/volunteers/activities/{id}/publish")
	ActivityView publish(@PathVariable long id) {
		return activities.publish(id);
	}

	/** A sign-up; {@code shiftId} may be left out when the activity has one shift. */
	record SignUpRequest(Long shiftId) {
	}

	@PostMapping("/volunteers/activities/{id}/signups")
	@ResponseStatus(HttpStatus.CREATED)
	SignUpView signUp(@PathVariable long id, @RequestBody(required = false) SignUpRequest body) {
		return signUps.signUp(id, body == null ? null : body.shiftId());
	}

	@DeleteMapping("/volunteers/activities/{id}/signups")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@PathVariable long id, @RequestParam(required = false) Long shiftId) {
		signUps.cancel(id, shiftId);
	}

	@GetMapping("/volunteers/activities/{id}/signups")
	List<SignUpView> signUps(@PathVariable long id) {
		return signUps.signUps(id);
	}

	@GetMapping("/volunteers/activities/{id}/attendance")
	List<AttendanceView> attendance(@PathVariable long id) {
		return attendance.attendance(id, true);
	}

	/** A back-dated pair (补录), PENDING until the organiser approves it. */
	@PostMapping("/volunteers/activities/{id}/attendance")
	@ResponseStatus(HttpStatus.CREATED)
	AttendanceView backDate(@PathVariable long id, @RequestBody BackDate body) {
		return attendance.backDate(id, body);
	}

	@PostMapping("/volunteers/activities/{id}/attendance/{attendanceId}/decision")
	AttendanceView decide(@PathVariable long id, @PathVariable long attendanceId, @RequestBody Decision body) {
		return attendance.decide(id, attendanceId, body.approve());
	}

	@GetMapping("/volunteers/activities/{id}/hours")
	List<HoursLine> hours(@PathVariable long id) {
		return hours.hours(id);
	}

	@PostMapping("/volunteers/activities/{id}/records")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceRecordView confirm(@PathVariable long id, @RequestBody ConfirmHours body) {
		return hours.confirm(id, body);
	}

	// ------------------------------------------------------------------ the venue's QR code

	@PostMapping("/volunteers/checkin/{token}/sign-in")
	CheckInResult signIn(@PathVariable String token) {
		return checkIn.signIn(token);
	}

	@PostMapping("/volunteers/checkin/{token}/sign-out")
	CheckInResult signOut(@PathVariable String token) {
		return checkIn.signOut(token);
	}

	// ------------------------------------------------------------------ public verification

	/** Anyone, signed in or not: whether a certificate number is genuine (404 otherwise) and what it certifies. */
	@GetMapping("/certificates/{number}")
	Certificates.Verification verify(@PathVariable String number) {
		return certificates.verify(number);
	}
}
