package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.spaces.BookingStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar feeds: a space's public feed (signed out; its bookings as busy slots named by zone, no personal
 * data) and a person's own feed behind a secret token URL (her bookings with their purpose).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SpaceFeeds {

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	/** A space's public feed: active bookings from 30 days back to 180 days ahead. */
	public String spaceFeed(long spaceId) {
		SpaceRepository.SpaceRow space = spaces.find(spaceId)
			.orElseThrow(() -> new NotFoundException("No space " + spaceId));
		OffsetDateTime now = OffsetDateTime.now();
		List<CalendarFeed.Event> events = bookings.activeInSpace(spaceId, now.minusDays(30), now.plusDays(180)).stream()
			.map(b -> new CalendarFeed.Event("space-booking-" + b.id() + "@jinlin", b.start(), b.end(), b.zoneName(),
					null, space.name() + " · " + b.zoneName(), b.status() == BookingStatus.PENDING))
			.toList();
		return CalendarFeed.write(space.name(), events, now);
	}

	/** A person's feed by its secret token (404 for an unknown token): her bookings, the cancelled ones left out. */
	public String personalFeed(String token) {
		String username = bookings.feedOwner(token).orElseThrow(() -> new NotFoundException("No feed"));
		List<CalendarFeed.Event> events = bookings.of(username, 500).stream()
			.filter(b -> b.status().active())
			.map(b -> new CalendarFeed.Event("space-booking-" + b.id() + "@jinlin", b.start(), b.end(),
					b.spaceName() + " · " + b.zoneName(), b.purpose(), b.spaceName(), b.status() == BookingStatus.PENDING))
			.toList();
		return CalendarFeed.write(username, events, OffsetDateTime.now());
	}

	/** The actor's feed token, made on first use. */
	@Transactional
	public String myToken() {
		String username = SpaceAccess.booker().name();
		return bookings.feedToken(username).orElseGet(() -> {
			String token = BookingDesk.token();
			bookings.saveFeedToken(username, token);
			return token;
		});
	}
}
