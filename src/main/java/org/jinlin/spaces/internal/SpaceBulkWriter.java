package org.jinlin.spaces.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.SpaceBulkLoad;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** Writes a seeded space, zones and bookings for {@link SpaceBulkLoad}. */
@Component
@RequiredArgsConstructor
public class SpaceBulkWriter {

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final Territories territories;

	public List<Long> write(String communityCode, String name, String address, List<SpaceBulkLoad.NewZone> zones,
			List<SpaceBulkLoad.NewBooking> seeded, String by) {
		TerritoryNode community = territories.lookupByCode(communityCode).orElseThrow();
		SpaceRules rules = new SpaceRules(Set.of(Booker.RESIDENTS, Booker.UNITS, Booker.STAFF), false, 30, 240, 0, 60,
				15, new SpaceRules.Quota(SpaceRules.QuotaMeasure.HOURS, SpaceRules.QuotaPeriod.WEEK, 8),
				LocalTime.of(8, 0), LocalTime.of(21, 0), EnumSet.allOf(DayOfWeek.class), List.of());
		long space = spaces.insert(new SpaceRepository.SpaceValues(name, community.id(), community.path(),
				community.code(), address, null, rules), by);
		List<Long> zoneIds = new ArrayList<>();
		int position = 0;
		for (SpaceBulkLoad.NewZone z : zones) {
			zoneIds.add(spaces.insertZone(space, new SpaceRepository.ZoneValues(z.name(), z.kind(), z.capacity(),
					z.equipment(), null, position++)));
		}
		Map<Integer, Long> series = new HashMap<>();
		for (SpaceBulkLoad.NewBooking b : seeded) {
			Long seriesId = b.series() == null ? null : series.get(b.series());
			long id = bookings.insert(new BookingRepository.NewBooking(zoneIds.get(b.zone()), space, community.path(),
					b.start(), b.end(), rules.bufferMinutes(), written(b.status()), b.username(), b.unitName() != null ? by : b.username(),
					b.unitName(), b.purpose(), null, seriesId, BookingDesk.token()));
			if (b.series() != null && seriesId == null) {
				series.put(b.series(), id);
				bookings.setSeries(id, id);
			}
			if (b.status() == BookingStatus.CHECKED_IN) {
				bookings.checkIn(id, b.username(), b.start().plusMinutes(3));
			}
			else if (b.status() == BookingStatus.RELEASED) {
				bookings.release(id, b.start().plusMinutes(15));
			}
		}
		return zoneIds;
	}

	/** Checked-in and released bookings are written confirmed first, then moved on as the desk and the timer would. */
	private static BookingStatus written(BookingStatus status) {
		return status == BookingStatus.CHECKED_IN || status == BookingStatus.RELEASED ? BookingStatus.CONFIRMED : status;
	}
}
