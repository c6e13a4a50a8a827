package org.jinlin.spaces.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.spaces.BookingCancelled;
import org.jinlin.spaces.BookingDecided;
import org.jinlin.spaces.BookingMade;
import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.internal.BookingRules.Occurrence;
import org.jinlin.spaces.internal.BookingRules.Slot;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking a zone, alone or as a recurrence; cancelling; staff approving or rejecting. Every booking of a zone is
 * decided under a lock on the zone's row (so no two overlapping bookings are ever both written, on H2 and
 * PostgreSQL alike; on PostgreSQL an exclusion constraint refuses them besides, also to any other writer); broken
 * rules are 400 with field errors, a taken slot 409, nothing written either way.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class BookingDesk {

	static final String INVALID = "spaces.error.booking";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final AccountManagement accounts;

	private final SlotOffers offers;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	private final BookingRules rules = new BookingRules(SpaceTime.ZONE);

	/** Whom a booking is for and what they count as under the space's who-may-book rule. */
	record Target(String username, Set<Booker> kinds, String unitName) {
	}

	@Transactional
	public BookingReceipt book(BookingRequest r) {
		Actor actor = SpaceAccess.booker();
		List<FieldError> problems = new ArrayList<>();
		if (r.zoneId() == null) {
			problems.add(new FieldError("zoneId", "spaces.error.zone.required"));
		}
		if (r.start() == null) {
			problems.add(new FieldError("start", "spaces.error.start.required"));
		}
		if (r.end() == null) {
			problems.add(new FieldError("end", "spaces.error.end.required"));
		}
		plausible(r, problems);
		fieldErrors.failIfAny(INVALID, problems);
		SpaceRepository.ZoneRow zone = spaces.zone(r.zoneId())
			.orElseThrow(() -> new NotFoundException("No zone " + r.zoneId()));
		SpaceRepository.SpaceRow space = spaces.find(zone.spaceId()).orElseThrow();
		Target target = target(actor, space, r.forUsername(), r.unitName(), problems);
		text(r.purpose(), 500, "purpose", problems);
		text(r.reference(), 100, "reference", problems);
		BookingRules.Recurrence recurrence = recurrence(r.repeat(), problems);
		fieldErrors.failIfAny(INVALID, problems);

		spaces.lockZone(zone.id());
		SpaceRules spaceRules = spaces.rules(space);
		OffsetDateTime now = OffsetDateTime.now();
		boolean staff = staffOf(actor, space.territoryPath());
		BookingStatus status = spaceRules.approvalRequired() && !staff ? BookingStatus.PENDING : BookingStatus.CONFIRMED;
		OffsetDateTime lastStart = recurrence == null ? r.start()
				: r.start().plusMonths(BookingRules.MAX_OCCURRENCES);
		List<Slot> own = bookings.ownActive(target.username(), space.id(), r.start().minusDays(32), lastStart.plusDays(32))
			.stream().map(b -> new Slot(b.start(), b.end())).toList();
		List<Slot> taken = bookings.activeOnZone(zone.id(), r.start().minusMinutes(240), lastStart.plusDays(1))
			.stream().map(b -> new Slot(b.start(), b.end())).toList();
		BookingRules.Request request = new BookingRules.Request(r.start(), r.end(), target.kinds(), now, own);
		if (recurrence == null) {
			failIfBroken(rules.check(spaceRules, request));
			if (rules.conflicts(r.start(), r.end(), spaceRules.bufferMinutes(), taken)) {
				throw fieldErrors.conflict("spaces.error.taken");
			}
			long id = insert(zone, space, r, target, actor, status, spaceRules, r.start(), r.end(), null);
			return BookingReceipt.single(id, status);
		}
		List<Occurrence> dates = rules.expand(spaceRules, request, recurrence, taken);
		failIfBroken(dates.get(0).problems());
		List<Occurrence> blocked = dates.stream().filter(o -> !o.bookable()).toList();
		if (!blocked.isEmpty() && !Boolean.TRUE.equals(r.skipConflicts()) || blocked.size() == dates.size()) {
			throw fieldErrors.conflict("spaces.error.seriesConflicts", blocked.stream()
				.map(o -> o.start().atZoneSameInstant(SpaceTime.ZONE).format(DAY)).collect(Collectors.joining(", ")));
		}
		Long series = null;
		long first = 0;
		for (Occurrence o : dates) {
			if (o.bookable()) {
				long id = insert(zone, space, r, target, actor, status, spaceRules, o.start(), o.end(), series);
				if (series == null) {
					series = id;
					first = id;
					bookings.setSeries(id, id);
				}
			}
		}
		return new BookingReceipt(first, status, series, dates.size() - blocked.size(),
				blocked.stream().map(Occurrence::start).toList());
	}

	/** The dates of a recurrence and which conflict, without booking (the form lists them before booking). */
	public List<Occurrence> preview(BookingRequest r) {
		Actor actor = SpaceAccess.booker();
		List<FieldError> problems = new ArrayList<>();
		if (r.zoneId() == null || r.start() == null || r.end() == null) {
			problems.add(new FieldError("start", "spaces.error.start.required"));
		}
		plausible(r, problems);
		fieldErrors.failIfAny(INVALID, problems);
		SpaceRepository.ZoneRow zone = spaces.zone(r.zoneId())
			.orElseThrow(() -> new NotFoundException("No zone " + r.zoneId()));
		SpaceRepository.SpaceRow space = spaces.find(zone.spaceId()).orElseThrow();
		Target target = target(actor, space, r.forUsername(), r.unitName(), problems);
		BookingRules.Recurrence recurrence = r.repeat() == null ? new BookingRules.Recurrence(BookingRules.Frequency.WEEKLY, null, 1)
				: recurrence(r.repeat(), problems);
		fieldErrors.failIfAny(INVALID, problems);
		OffsetDateTime last = r.start().plusMonths(BookingRules.MAX_OCCURRENCES);
		List<Slot> own = bookings.ownActive(target.username(), space.id(), r.start().minusDays(32), last.plusDays(32))
			.stream().map(b -> new Slot(b.start(), b.end())).toList();
		List<Slot> taken = bookings.activeOnZone(zone.id(), r.start().minusMinutes(240), last.plusDays(1))
			.stream().map(b -> new Slot(b.start(), b.end())).toList();
		return rules.expand(spaces.rules(space),
				new BookingRules.Request(r.start(), r.end(), target.kinds(), OffsetDateTime.now(), own), recurrence, taken);
	}

	/** Cancels a booking: its booker until the space's deadline, staff of the community at any time. */
	@Transactional
	public void cancel(long id) {
		Actor actor = SpaceAccess.booker();
		BookingRepository.BookingRow b = visible(actor, id);
		boolean staff = staffOf(actor, b.territoryPath());
		if (!b.status().active()) {
			throw fieldErrors.conflict("spaces.error.notActive");
		}
		SpaceRepository.SpaceRow space = spaces.find(b.spaceId()).orElseThrow();
		if (!staff && !rules.mayCancel(space.rules(), b.start(), OffsetDateTime.now())) {
			throw fieldErrors.conflict("spaces.error.cancelDeadline");
		}
		spaces.lockZone(b.zoneId());
		if (!bookings.transition(id, b.status(), BookingStatus.CANCELLED, actor.name())) {
			throw fieldErrors.conflict("spaces.error.notActive");
		}
		events.publishEvent(new BookingCancelled(id, b.zoneId(), b.reference()));
		offers.offerFreed(b.zoneId(), b.start(), b.end());
	}

	/** Staff of the community approve a pending booking. */
	@Transactional
	public void approve(long id) {
		decide(id, BookingStatus.CONFIRMED);
	}

	/** Staff of the community reject a pending booking; its slot is offered to the waitlist. */
	@Transactional
	public void reject(long id) {
		BookingRepository.BookingRow b = decide(id, BookingStatus.REJECTED);
		offers.offerFreed(b.zoneId(), b.start(), b.end());
	}

	private BookingRepository.BookingRow decide(long id, BookingStatus to) {
		Actor actor = SpaceAccess.runner();
		BookingRepository.BookingRow b = bookings.find(id).filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No booking " + id));
		if (!bookings.transition(id, BookingStatus.PENDING, to, actor.name())) {
			throw fieldErrors.conflict("spaces.error.notPending");
		}
		events.publishEvent(new BookingDecided(id, b.zoneId(), to, b.reference()));
		return b;
	}

	/** A booking the actor may see: her own, or any of a community inside her jurisdiction if staff; else 404. */
	BookingRepository.BookingRow visible(Actor actor, long id) {
		return bookings.find(id)
			.filter(b -> b.username().equals(actor.name()) || staffOf(actor, b.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No booking " + id));
	}

	static boolean staffOf(Actor actor, String territoryPath) {
		return SpaceAccess.canRun(actor) && actor.covers(territoryPath);
	}

	private long insert(SpaceRepository.ZoneRow zone, SpaceRepository.SpaceRow space, BookingRequest r, Target target,
			Actor actor, BookingStatus status, SpaceRules spaceRules, OffsetDateTime start, OffsetDateTime end,
			Long series) {
		long id;
		try {
			id = bookings.insert(new BookingRepository.NewBooking(zone.id(), space.id(), space.territoryPath(), start,
					end, spaceRules.bufferMinutes(), status, target.username(), actor.name(), target.unitName(),
					SpaceValidation.blank(r.purpose()), SpaceValidation.blank(r.reference()), series, token()));
		}
		catch (DataIntegrityViolationException e) {
			// PostgreSQL's exclusion constraint: the same answer as a slot found taken under the zone's lock
			if (BookingRepository.overlapRefused(e)) {
				throw fieldErrors.conflict("spaces.error.taken");
			}
			throw e;
		}
		events.publishEvent(new BookingMade(id, zone.id(), space.id(), space.territoryPath(), start, end, status,
				SpaceValidation.blank(r.reference())));
		return id;
	}

	/** The person a booking is for: the actor, or (staff of the community only) another account or a unit. */
	Target target(Actor actor, SpaceRepository.SpaceRow space, String forUsername, String unitName,
			List<FieldError> problems) {
		boolean staff = staffOf(actor, space.territoryPath());
		String unit = SpaceValidation.blank(unitName);
		if ((SpaceValidation.blank(forUsername) != null || unit != null) && !staff) {
			if (SpaceAccess.canRun(actor)) {
				throw new NotFoundException("No space " + space.id());
			}
			throw new ForbiddenException("Only staff of the community book on someone's behalf");
		}
		text(unit, 200, "unitName", problems);
		Set<Booker> kinds = EnumSet.noneOf(Booker.class);
		String username = actor.name();
		if (SpaceValidation.blank(forUsername) == null) {
			kinds.addAll(kinds(actor.roles(), actor.territoryPath(), space.territoryPath()));
		}
		else {
			AccountManagement.AccountReference account = accounts.lookup(forUsername).orElse(null);
			if (account == null) {
				problems.add(new FieldError("forUsername", "spaces.error.forUsername"));
			}
			else {
				username = account.username();
				kinds.addAll(kinds(account.roles(), account.territoryPath(), space.territoryPath()));
			}
		}
		if (unit != null) {
			kinds.add(Booker.UNITS);
		}
		return new Target(username, kinds, unit);
	}

	/**
	 * Residents (and volunteers, party members) living in the community; staff working in it (a grid of it) or over
	 * it (its community, street, district, city).
	 */
	static Set<Booker> kinds(Set<Role> roles, String accountPath, String spacePath) {
		Set<Booker> kinds = EnumSet.noneOf(Booker.class);
		boolean staff = roles.stream().anyMatch(Role::isStaff);
		if (staff && (spacePath.startsWith(accountPath) || accountPath.startsWith(spacePath))) {
			kinds.add(Booker.STAFF);
		}
		if (!staff && accountPath.startsWith(spacePath)
				&& (roles.contains(Role.RESIDENT) || roles.contains(Role.VOLUNTEER) || roles.contains(Role.PARTY_MEMBER))) {
			kinds.add(Booker.RESIDENTS);
		}
		return kinds;
	}

	private BookingRules.Recurrence recurrence(BookingRequest.Repeat repeat, List<FieldError> problems) {
		if (repeat == null) {
			return null;
		}
		BookingRules.Frequency frequency = null;
		try {
			frequency = BookingRules.Frequency.valueOf(repeat.frequency());
		}
		catch (IllegalArgumentException | NullPointerException e) {
			problems.add(new FieldError("repeat.frequency", "spaces.error.repeat.frequency"));
		}
		LocalDate until = repeat.until();
		Integer count = repeat.count();
		if (until == null && count == null || count != null && (count < 1 || count > BookingRules.MAX_OCCURRENCES)) {
			problems.add(new FieldError("repeat.count", "spaces.error.repeat.count"));
		}
		return frequency == null ? null : new BookingRules.Recurrence(frequency, until, count);
	}

	private static void plausible(BookingRequest r, List<FieldError> problems) {
		if (!SpaceTime.plausible(r.start())) {
			problems.add(new FieldError("start", "spaces.error.time.range"));
		}
		if (!SpaceTime.plausible(r.end())) {
			problems.add(new FieldError("end", "spaces.error.time.range"));
		}
		if (r.repeat() != null && r.repeat().until() != null
				&& (r.repeat().until().getYear() < 2000 || r.repeat().until().getYear() >= 2200)) {
			problems.add(new FieldError("repeat.until", "spaces.error.time.range"));
		}
	}

	private void failIfBroken(List<BookingRules.Problem> problems) {
		fieldErrors.failIfAny(INVALID, problems.stream().map(p -> new FieldError(p.field(), p.code())).toList());
	}

	private static void text(String s, int max, String field, List<FieldError> problems) {
		if (s != null && s.length() > max) {
			problems.add(new FieldError(field, "spaces.error.tooLongText"));
		}
	}

	static String token() {
		byte[] b = new byte[24];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
