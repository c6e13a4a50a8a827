package org.jinlin.spaces.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.internal.SpaceFeeds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The calendar feeds (RFC 5545): a space's public feed and a person's secret-token feed; the token itself. */
@RestController
@RequiredArgsConstructor
class SpaceFeedWeb {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final SpaceFeeds feeds;

	@io.swagger.v3.oas.annotations.Hidden
	@GetMapping("/spaces/{id}/calendar.ics")
	@Operation(summary = "A space's bookings as busy slots by zone (public, signed out; no personal data)")
	ResponseEntity<String> spaceFeed(@PathVariable long id) {
		return ResponseEntity.ok().contentType(CALENDAR).body(feeds.spaceFeed(id));
	}

	@io.swagger.v3.oas.annotations.Hidden
	@GetMapping("/spaces/me/{token}.ics")
	@Operation(summary = "A person's bookings, behind the secret token of her feed")
	ResponseEntity<String> personalFeed(@PathVariable String token) {
		return ResponseEntity.ok().contentType(CALENDAR).body(feeds.personalFeed(token));
	}

	@PostMapping("/api/v1/spaces/feed")
	@Operation(summary = "The caller's personal feed URL (made on first use; keep it secret)")
	Map<String, String> myFeed() {
		String path = "/spaces/me/" + feeds.myToken() + ".ics";
		return Map.of("url", ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString(), "path", path);
	}
}
