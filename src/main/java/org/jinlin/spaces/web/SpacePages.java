package org.jinlin.spaces.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.spaces.internal.BookingCheckIn;
import org.jinlin.spaces.internal.BookingDesk;
import org.jinlin.spaces.internal.BookingQueries;
import org.jinlin.spaces.internal.BookingWaitlist;
import org.jinlin.spaces.internal.FreeSlots;
import org.jinlin.spaces.internal.SpaceFeeds;
import org.jinlin.spaces.internal.SpaceQueries;
import org.jinlin.spaces.internal.SpaceRepository;
import org.jinlin.spaces.internal.SpaceTime;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The spaces' pages: a space's public page with its free slots (signed out), "my bookings" with each booking's QR
 * code, waitlist offers and the personal calendar feed, and the check-in page the QR code opens at the door.
 */
@Controller
@RequiredArgsConstructor
class SpacePages {

	private final SpaceQueries spaces;

	private final BookingQueries bookings;

	private final BookingDesk desk;

	private final BookingWaitlist waitlist;

	private final BookingCheckIn checkIn;

	private final SpaceFeeds feeds;

	private final SpaceRepository repository;

	@GetMapping("/public/spaces/{id:\\d+}")
	String publicPage(@PathVariable long id, Model model) {
		SpaceQueries.SpaceDetail detail = spaces.detail(id);
		LocalDate today = LocalDate.now(SpaceTime.ZONE);
		model.addAttribute("d", detail);
		model.addAttribute("days", FreeSlots.grid(repository.rules(detail.space()), detail.zones(),
				bookings.taken(id, today, 7), today, 7, OffsetDateTime.now()));
		model.addAttribute("feed", "/spaces/" + id + "/calendar.ics");
		return "spaces/public";
	}

	@GetMapping("/spaces/mine")
	String mine(Model model) {
		model.addAttribute("bookings", bookings.mine());
		model.addAttribute("waits", bookings.myWaits());
		model.addAttribute("nearSpaces", spaces.near());
		model.addAttribute("zone", SpaceTime.ZONE);
		return "spaces/mine";
	}

	@PostMapping("/spaces/mine/feed")
	String feed(RedirectAttributes flash) {
		flash.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/spaces/me/" + feeds.myToken() + ".ics").toUriString());
		return "redirect:/spaces/mine";
	}

	@PostMapping("/spaces/mine/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		try {
			desk.cancel(id);
			flash.addFlashAttribute("notice", "spaces.page.cancelled");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/spaces/mine";
	}

	@PostMapping("/spaces/waitlist/{id:\\d+}/accept")
	String accept(@PathVariable long id, RedirectAttributes flash) {
		try {
			waitlist.accept(id);
			flash.addFlashAttribute("notice", "spaces.page.accepted");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/spaces/mine";
	}

	@GetMapping(value = "/spaces/bookings/{id:\\d+}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable long id) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/spaces/check-in/{token}")
			.buildAndExpand(bookings.find(id).checkinToken()).toUriString();
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(BookingQrCode.svg(url));
	}

	@GetMapping("/spaces/check-in/{token}")
	String checkInPage(@PathVariable String token, Model model) {
		var b = checkIn.byToken(token);
		model.addAttribute("b", b);
		model.addAttribute("open", BookingCheckIn.open(b, OffsetDateTime.now()));
		model.addAttribute("token", token);
		model.addAttribute("zone", SpaceTime.ZONE);
		return "spaces/checkin";
	}

	@PostMapping("/spaces/check-in/{token}")
	String checkIn(@PathVariable String token, RedirectAttributes flash) {
		try {
			checkIn.withToken(token);
			flash.addFlashAttribute("notice", "spaces.page.checkedIn");
		}
		catch (ConflictException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/spaces/check-in/" + token;
	}
}
