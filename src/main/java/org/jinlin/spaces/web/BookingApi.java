package org.jinlin.spaces.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.internal.BookingCheckIn;
import org.jinlin.spaces.internal.BookingDesk;
import org.jinlin.spaces.internal.BookingQueries;
import org.jinlin.spaces.internal.BookingReceipt;
import org.jinlin.spaces.internal.BookingRepository;
import org.jinlin.spaces.internal.BookingRequest;
import org.jinlin.spaces.internal.BookingRules;
import org.jinlin.spaces.internal.BookingWaitlist;
import org.jinlin.spaces.internal.SpaceTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the bookings and the waitlist; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "Space bookings", description = "Booking the zones of neighbourhood spaces, the waitlist")
@RequiredArgsConstructor
class BookingApi {

	private final BookingDesk desk;

	private final BookingQueries queries;

	private final BookingWaitlist waitlist;

	private final BookingCheckIn checkIn;

	@PostMapping("/bookings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Book a zone: {zoneId, start, end} (ISO-8601 with offset), optionally purpose, reference, repeat",
			description = """
					201 {id, status}: CONFIRMED, or PENDING when the space requires approval (staff of the community are \
					confirmed at once). 409 problem+json when the slot (with the space's buffer) is taken, or a \
					recurrence has conflicting dates and skipConflicts is not true (the dates are listed); 400 with field \
					errors for a broken rule (length, notice, opening hours, blackout, quota, who may book). Staff of the \
					community may book forUsername (an account) or unitName (an alliance unit).""")
	ResponseEntity<BookingReceipt> book(@RequestBody BookingRequest request) {
		BookingReceipt receipt = desk.book(request);
		return ResponseEntity.created(URI.create("/api/v1/spaces/bookings/" + receipt.id())).body(receipt);
	}

	@PostMapping("/bookings/preview")
	@Operation(summary = "The dates of a (recurring) booking and which conflict or break a rule, without booking")
	List<BookingRules.Occurrence> preview(@RequestBody BookingRequest request) {
		return desk.preview(request);
	}

	@GetMapping("/bookings/mine")
	@Operation(summary = "The caller's bookings, latest first")
	List<BookingRepository.BookingRow> mine() {
		return queries.mine();
	}

	@GetMapping("/bookings")
	@Operation(summary = "The bookings of a community's spaces from a day (staff of the community; 404 outside)")
	List<BookingRepository.BookingRow> ofCommunity(@RequestParam String community,
			@RequestParam(required = false) LocalDate from, @RequestParam(defaultValue = "7") int days) {
		return queries.ofCommunity(community, from == null ? LocalDate.now(SpaceTime.ZONE) : from, days);
	}

	@GetMapping("/bookings/{id}")
	@Operation(summary = "One booking: the booker's own, or any of the community for its staff")
	BookingRepository.BookingRow get(@PathVariable long id) {
		return queries.find(id);
	}

	@DeleteMapping("/bookings/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancel a booking (the booker until the space's deadline, staff of the community any time)")
	void cancel(@PathVariable long id) {
		desk.cancel(id);
	}

	@PostMapping("/bookings/{id}/approve")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Approve a pending booking (staff of the community)")
	void approve(@PathVariable long id) {
		desk.approve(id);
	}

	@PostMapping("/bookings/{id}/reject")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reject a pending booking (staff of the community); the slot is offered to the waitlist")
	void reject(@PathVariable long id) {
		desk.reject(id);
	}

	@PostMapping("/bookings/{id}/check-in")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Check a booker in (staff of the community), from 30 minutes before the start until the end")
	void checkIn(@PathVariable long id) {
		checkIn.byStaff(id);
	}

	@PostMapping("/check-in/{token}")
	@Operation(summary = "Check in with the booking's QR code (its booker, or staff of the community)")
	BookingRepository.BookingRow checkInWithCode(@PathVariable String token) {
		return checkIn.withToken(token);
	}

	/** Joining the waitlist. */
	record WaitBody(Long zoneId, OffsetDateTime start, OffsetDateTime end) {
	}

	@PostMapping("/waitlist")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Wait for a slot of a zone; when it is freed the first in line is offered it")
	Map<String, Long> join(@RequestBody WaitBody body) {
		return Map.of("id", waitlist.join(body.zoneId(), body.start(), body.end()));
	}

	@GetMapping("/waitlist/mine")
	@Operation(summary = "The caller's open waitlist entries and offers")
	List<BookingRepository.WaitRow> myWaits() {
		return queries.myWaits();
	}

	@PostMapping("/waitlist/{id}/accept")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Accept an offered slot before the offer runs out (books it; 409 without a live offer)")
	BookingReceipt accept(@PathVariable long id) {
		return waitlist.accept(id);
	}

	@DeleteMapping("/waitlist/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Leave the waitlist or decline an offer (it passes to the next in line)")
	void withdraw(@PathVariable long id) {
		waitlist.withdraw(id);
	}
}
