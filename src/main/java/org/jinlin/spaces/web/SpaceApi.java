package org.jinlin.spaces.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.Space;
import org.jinlin.spaces.internal.BookingQueries;
import org.jinlin.spaces.internal.SpaceCatalogue;
import org.jinlin.spaces.internal.SpaceDraft;
import org.jinlin.spaces.internal.SpaceQueries;
import org.jinlin.spaces.internal.SpaceTime;
import org.jinlin.spaces.internal.ZoneDraft;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the neighbourhood spaces, their zones, rules and blackouts; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/spaces")
@Tag(name = "Spaces", description = "Neighbourhood spaces (近邻空间), their zones and booking rules")
@RequiredArgsConstructor
class SpaceApi {

	private final SpaceQueries queries;

	private final SpaceCatalogue catalogue;

	private final BookingQueries bookings;

	@GetMapping
	@Operation(summary = "A community's spaces, each with id, name and zones of {id, name, kind}",
			description = "Every signed-in account; 404 for an unknown community code, 400 without it.")
	List<Space> ofCommunity(@RequestParam String community) {
		return queries.ofCommunity(community);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One space with its zones, rules and blackout periods")
	SpaceQueries.SpaceDetail get(@PathVariable long id) {
		org.jinlin.spaces.internal.SpaceAccess.booker();
		return queries.detail(id);
	}

	@GetMapping("/{id}/taken")
	@Operation(summary = "The slots taken in a space from a day (default today) for a number of days (no personal data)")
	List<BookingQueries.TakenSlot> taken(@PathVariable long id, @RequestParam(required = false) LocalDate from,
			@RequestParam(defaultValue = "7") int days) {
		org.jinlin.spaces.internal.SpaceAccess.booker();
		return bookings.taken(id, from == null ? LocalDate.now(SpaceTime.ZONE) : from, days);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a space in a community (community workers and up, inside their jurisdiction)",
			description = "400 with field errors when invalid; nothing is written.")
	ResponseEntity<Map<String, Long>> create(@RequestBody SpaceDraft draft) {
		long id = catalogue.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/spaces/" + id)).body(Map.of("id", id));
	}

	@PutMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Replace a space's details and rules; send the version you read (409 if changed since)")
	void update(@PathVariable long id, @RequestBody SpaceDraft draft) {
		catalogue.update(id, draft);
	}

	@PostMapping("/{id}/zones")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a zone to a space")
	Map<String, Long> addZone(@PathVariable long id, @RequestBody ZoneDraft draft) {
		return Map.of("id", catalogue.addZone(id, draft));
	}

	@PutMapping("/zones/{zoneId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change a zone")
	void updateZone(@PathVariable long zoneId, @RequestBody ZoneDraft draft) {
		catalogue.updateZone(zoneId, draft);
	}

	/** A blackout period as the API sends it. */
	record BlackoutBody(OffsetDateTime start, OffsetDateTime end, String reason) {
	}

	@PostMapping("/{id}/blackouts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a blackout period (holiday, maintenance) to a space")
	Map<String, Long> addBlackout(@PathVariable long id, @RequestBody BlackoutBody body) {
		return Map.of("id", catalogue.addBlackout(id, body.start(), body.end(), body.reason()));
	}

	@DeleteMapping("/blackouts/{blackoutId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a blackout period")
	void removeBlackout(@PathVariable long blackoutId) {
		catalogue.removeBlackout(blackoutId);
	}
}
