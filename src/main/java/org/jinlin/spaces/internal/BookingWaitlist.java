package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist of a zone: a person waits for a taken slot; when it is freed (cancelled, rejected, released) the
 * first in line is offered it ({@link SlotOffers}) and books it by accepting before the offer runs out.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class BookingWaitlist {

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final BookingDesk desk;

	private final SlotOffers offers;

	private final FieldErrors fieldErrors;

	/** Joins the waitlist for a slot of a zone (it need not be taken now). */
	@Transactional
	public long join(Long zoneId, OffsetDateTime start, OffsetDateTime end) {
		Actor actor = SpaceAccess.booker();
		List<FieldError> problems = new ArrayList<>();
		if (zoneId == null) {
			problems.add(new FieldError("zoneId", "spaces.error.zone.required"));
		}
		if (start == null) {
			problems.add(new FieldError("start", "spaces.error.start.required"));
		}
		else if (!start.isAfter(OffsetDateTime.now())) {
			problems.add(new FieldError("start", "spaces.error.past"));
		}
		if (end == null) {
			problems.add(new FieldError("end", "spaces.error.end.required"));
		}
		else if (start != null && !end.isAfter(start)) {
			problems.add(new FieldError("end", "spaces.error.end.beforeStart"));
		}
		if (!SpaceTime.plausible(start) || !SpaceTime.plausible(end)) {
			problems.add(new FieldError("start", "spaces.error.time.range"));
		}
		fieldErrors.failIfAny(BookingDesk.INVALID, problems);
		spaces.zone(zoneId).orElseThrow(() -> new NotFoundException("No zone " + zoneId));
		return bookings.insertWait(zoneId, start, end, actor.name());
	}

	/** Accepts an offer of one's own: books the slot (under the space's rules) and closes the entry. */
	@Transactional
	public BookingReceipt accept(long waitId) {
		Actor actor = SpaceAccess.booker();
		BookingRepository.WaitRow w = own(actor, waitId);
		if (!"OFFERED".equals(w.status()) || w.offerExpiresAt() == null
				|| !w.offerExpiresAt().isAfter(OffsetDateTime.now())) {
			throw fieldErrors.conflict("spaces.error.noOffer");
		}
		// a slot released after its start is booked from the next minute on
		OffsetDateTime now = OffsetDateTime.now();
		OffsetDateTime from = w.start().isAfter(now) ? w.start()
				: now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1);
		if (!from.isBefore(w.end())) {
			throw fieldErrors.conflict("spaces.error.noOffer");
		}
		BookingReceipt receipt = desk.book(BookingRequest.of(w.zoneId(), from, w.end()));
		bookings.closeWait(waitId, "OFFERED", "ACCEPTED", receipt.id());
		return receipt;
	}

	/** Leaves the waitlist (or declines an offer, which passes to the next in line). */
	@Transactional
	public void withdraw(long waitId) {
		Actor actor = SpaceAccess.booker();
		BookingRepository.WaitRow w = own(actor, waitId);
		if (!("WAITING".equals(w.status()) || "OFFERED".equals(w.status()))
				|| !bookings.closeWait(waitId, w.status(), "WITHDRAWN", null)) {
			throw fieldErrors.conflict("spaces.error.noOffer");
		}
		if ("OFFERED".equals(w.status())) {
			offers.offerFreed(w.zoneId(), w.start(), w.end());
		}
	}

	private BookingRepository.WaitRow own(Actor actor, long waitId) {
		return bookings.waitEntry(waitId).filter(w -> w.username().equals(actor.name()))
			.orElseThrow(() -> new NotFoundException("No waitlist entry " + waitId));
	}
}
