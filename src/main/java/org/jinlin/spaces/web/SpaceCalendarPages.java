package org.jinlin.spaces.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.internal.BookingDesk;
import org.jinlin.spaces.internal.BookingQueries;
import org.jinlin.spaces.internal.BookingReceipt;
import org.jinlin.spaces.internal.BookingRequest;
import org.jinlin.spaces.internal.FreeSlots;
import org.jinlin.spaces.internal.SpaceQueries;
import org.jinlin.spaces.internal.SpaceRepository;
import org.jinlin.spaces.internal.SpaceTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A space's booking calendar for signed-in residents and staff: each zone's free and taken hours of a day or a week;
 * a free hour tapped opens the confirmation (length, purpose; staff also whom it is for), a second tap books it.
 * Broken rules come back as field messages on the same page, a slot taken meanwhile as a message; nothing written.
 */
@Controller
@RequiredArgsConstructor
class SpaceCalendarPages {

	static final List<Integer> LENGTHS = List.of(60, 90, 120, 180, 240);

	private final SpaceQueries spaces;

	private final BookingQueries bookings;

	private final BookingDesk desk;

	private final SpaceRepository repository;

	/** The chosen slot the confirmation shows. */
	record Chosen(SpaceRepository.ZoneRow zone, OffsetDateTime start, int minutes, String purpose, String forUsername,
			String unitName) {
	}

	@GetMapping("/spaces/{id:\\d+}")
	String calendar(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(defaultValue = "false") boolean week, @RequestParam(required = false) Long zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at,
			Model model) {
		return page(id, day, week, chosen(id, zone, at, 60, null, null, null), Map.of(), model);
	}

	@PostMapping("/spaces/{id:\\d+}/book")
	String book(@PathVariable long id, @RequestParam long zoneId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam(defaultValue = "60") int minutes, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String forUsername, @RequestParam(required = false) String unitName,
			@RequestParam(defaultValue = "false") boolean week, Model model, RedirectAttributes flash) {
		LocalDate day = start.atZoneSameInstant(SpaceTime.ZONE).toLocalDate();
		Chosen chosen = chosen(id, zoneId, start, minutes, purpose, forUsername, unitName);
		if (chosen == null) {
			throw new NotFoundException("No zone " + zoneId + " in space " + id);
		}
		try {
			BookingReceipt receipt = desk.book(new BookingRequest(zoneId, start, start.plusMinutes(minutes), purpose, null,
					forUsername, unitName, null, null));
			flash.addFlashAttribute("notice",
					receipt.status() == BookingStatus.PENDING ? "spaces.calendar.pending" : "spaces.calendar.booked");
			return "redirect:/spaces/mine";
		}
		catch (ValidationFailedException e) {
			return page(id, day, week, chosen, FormErrors.of(e), model);
		}
		catch (ConflictException e) {
			return page(id, day, week, chosen, FormErrors.global(e.getMessage()), model);
		}
	}

	private Chosen chosen(long spaceId, Long zone, OffsetDateTime at, int minutes, String purpose, String forUsername,
			String unitName) {
		if (zone == null || at == null) {
			return null;
		}
		return repository.zone(zone).filter(z -> z.spaceId() == spaceId)
			.map(z -> new Chosen(z, at, LENGTHS.contains(minutes) ? minutes : 60, purpose, forUsername, unitName))
			.orElse(null);
	}

	private String page(long id, LocalDate day, boolean week, Chosen chosen, Map<String, List<String>> errors,
			Model model) {
		SpaceQueries.SpaceDetail detail = spaces.detail(id);
		boolean staff = spaces.runs(detail.space());
		LocalDate today = LocalDate.now(SpaceTime.ZONE);
		LocalDate from = day == null ? today : SpaceTime.plausible(day);
		int days = week ? 7 : 1;
		model.addAttribute("d", detail);
		model.addAttribute("days", FreeSlots.grid(repository.rules(detail.space()), detail.zones(),
				bookings.taken(id, from, days), from, days, OffsetDateTime.now()));
		model.addAttribute("from", from);
		model.addAttribute("week", week);
		model.addAttribute("previous", from.minusDays(days));
		model.addAttribute("next", from.plusDays(days));
		model.addAttribute("today", today);
		model.addAttribute("chosen", chosen);
		model.addAttribute("lengths", LENGTHS);
		model.addAttribute("staff", staff);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", SpaceTime.ZONE);
		return "spaces/calendar";
	}
}
