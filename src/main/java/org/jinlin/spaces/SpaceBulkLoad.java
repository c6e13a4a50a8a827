package org.jinlin.spaces;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.internal.SpaceBulkWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a community's space with its zones and a history of bookings at once (a seeded city), without the checks
 * of the booking desk: the caller vouches for the values (no overlaps on a zone, past bookings checked in or
 * released). Publishes no events.
 */
@Service
@RequiredArgsConstructor
public class SpaceBulkLoad {

	/** A zone to write. */
	public record NewZone(String name, ZoneKind kind, int capacity, String equipment) {
	}

	/**
	 * A booking to write; {@code zone} indexes the zones of the loaded space, {@code series} groups a recurrence
	 * (any shared number), {@code username} the account it is for, {@code unitName} an alliance unit's.
	 */
	public record NewBooking(int zone, OffsetDateTime start, OffsetDateTime end, BookingStatus status, String username,
			String unitName, String purpose, Integer series) {
	}

	private final SpaceBulkWriter writer;

	/**
	 * Writes a space in a community (default rules: residents, units and staff book; 30 min to 4 h; 15 min buffer;
	 * cancellation 1 h ahead; 8 h a week each; 08:00–21:00 daily), its zones and bookings; returns the zone ids.
	 */
	@Transactional
	public List<Long> load(String communityCode, String name, String address, List<NewZone> zones,
			List<NewBooking> bookings, String by) {
		return new ArrayList<>(writer.write(communityCode, name, address, zones, bookings, by));
	}
}
