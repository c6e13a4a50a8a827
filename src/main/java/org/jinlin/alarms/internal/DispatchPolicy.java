package org.jinlin.alarms.internal;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;

/**
 * Who is asked, in which order (no Spring, no database): the nearest on-duty responders serving the elder's
 * community, then the community head, then the street duty officer. Heads and duty officers are taken even when
 * off duty if nobody of their kind is on duty: somebody must always be asked.
 */
final class DispatchPolicy {

	private DispatchPolicy() {
	}

	/** A responder as the policy sees one. {@code path} is the territory path of the node they serve. */
	record Responder(String username, String name, DutyRole role, String path, Double latitude, Double longitude,
			boolean onDuty) {
	}

	/** One shift of the weekly rota. A shift whose end is not after its start runs past midnight. */
	record Shift(DayOfWeek day, LocalTime start, LocalTime end) {

		boolean covers(LocalDateTime t) {
			LocalTime time = t.toLocalTime();
			if (end.isAfter(start)) {
				return t.getDayOfWeek() == day && !time.isBefore(start) && time.isBefore(end);
			}
			// Overnight: the evening part on its own day, the morning part on the next.
			return (t.getDayOfWeek() == day && !time.isBefore(start))
					|| (t.getDayOfWeek() == day.plus(1) && time.isBefore(end));
		}
	}

	/** One stage of the chain. */
	record Stage(Responder responder, Integer distanceMetres) {
	}

	static boolean onDuty(DutyStatus status, List<Shift> shifts, LocalDateTime localNow) {
		return switch (status) {
			case ON_DUTY -> true;
			case OFF_DUTY -> false;
			case ROTA -> shifts.stream().anyMatch(s -> s.covers(localNow));
		};
	}

	/**
	 * The chain for an elder living at {@code elderPath} (a building path) in the community {@code communityPath}
	 * and the street {@code streetPath}.
	 *
	 * @param respondersFirst how many responders are asked before the community head
	 */
	static List<Stage> chain(String elderPath, String communityPath, String streetPath, double latitude,
			double longitude, List<Responder> all, int respondersFirst) {
		List<Stage> chain = new ArrayList<>();
		Comparator<Stage> nearest = Comparator.comparing(s -> s.distanceMetres() == null ? Integer.MAX_VALUE : s.distanceMetres());
		all.stream()
			.filter(r -> r.role() == DutyRole.RESPONDER && r.onDuty())
			.filter(r -> r.path().startsWith(communityPath) || communityPath.startsWith(r.path()) && r.path().startsWith(streetPath))
			.map(r -> new Stage(r, distance(r, latitude, longitude)))
			.sorted(nearest.thenComparing(s -> s.responder().username()))
			.limit(Math.max(0, respondersFirst))
			.forEach(chain::add);
		pick(all, DutyRole.COMMUNITY_HEAD, r -> covers(r.path(), elderPath) && r.path().startsWith(streetPath), latitude, longitude)
			.ifPresent(chain::add);
		pick(all, DutyRole.STREET_DUTY_OFFICER, r -> covers(r.path(), elderPath), latitude, longitude).ifPresent(chain::add);
		return chain;
	}

	private static java.util.Optional<Stage> pick(List<Responder> all, DutyRole role,
			java.util.function.Predicate<Responder> serves, double latitude, double longitude) {
		Comparator<Stage> order = Comparator.<Stage, Boolean>comparing(s -> !s.responder().onDuty())
			// The most local first (longest path), then the nearest, then by name for a stable order.
			.thenComparing(s -> -s.responder().path().length())
			.thenComparing(s -> s.distanceMetres() == null ? Integer.MAX_VALUE : s.distanceMetres())
			.thenComparing(s -> s.responder().username());
		return all.stream().filter(r -> r.role() == role).filter(serves)
			.map(r -> new Stage(r, distance(r, latitude, longitude))).min(order);
	}

	static boolean covers(String servedPath, String elderPath) {
		return elderPath.startsWith(servedPath);
	}

	static Integer distance(Responder r, double latitude, double longitude) {
		if (r.latitude() == null || r.longitude() == null) {
			return null;
		}
		return (int) Math.round(org.jinlin.territory.Territories.metres(r.latitude(), r.longitude(), latitude, longitude));
	}
}
