package org.jinlin.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationRoomRequested;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.spaces.Space;
import org.jinlin.spaces.Spaces;
import org.jinlin.spaces.ZoneKind;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The room of a topic's sitting, booked through the spaces module: staff choose one of the community's consultation
 * rooms and a free time (read from {@link Spaces}); the request goes out as {@link ConsultationRoomRequested}, spaces
 * books it as the staff member and answers with an event ({@link RoomAnswers} records it on the topic).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class RoomBooking {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** How many days ahead the free hours are offered. */
	static final int DAYS = 14;

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final Spaces spaces;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	/** A consultation room of the community with its free hours (starts of free one-hour slots). */
	public record RoomChoice(long zoneId, String name, List<OffsetDateTime> freeHours) {
	}

	/** The community's consultation rooms with their free hours in the coming days (staff of the topic only). */
	@Transactional(readOnly = true)
	public List<RoomChoice> choices(long id) {
		Topic t = scope.managed(id);
		LocalDate today = LocalDate.now(ZONE);
		return rooms(t).stream()
			.map(z -> new RoomChoice(z.id(), z.name(), spaces.freeHours(z.id(), today, DAYS)))
			.toList();
	}

	/** Asks spaces to book the room for the sitting; the answer arrives as an event. */
	public Topic request(long id, Long zoneId, OffsetDateTime start, OffsetDateTime end) {
		Actor actor = ConsultationAccess.manager();
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.ELIGIBLE && t.status() != TopicStatus.FIXED) {
			throw fieldErrors.conflict("consultation.room.not-open");
		}
		if (t.room() != null && t.room().pending()) {
			throw fieldErrors.conflict("consultation.room.pending");
		}
		List<FieldError> p = new ArrayList<>();
		Space.Zone zone = zoneId == null ? null
				: rooms(t).stream().filter(z -> z.id() == zoneId).findFirst().orElse(null);
		if (zone == null) {
			p.add(new FieldError("zoneId", zoneId == null ? "consultation.error.required" : "consultation.room.zone-unknown"));
		}
		if (start == null) {
			p.add(new FieldError("start", "consultation.error.required"));
		}
		else if (!start.toInstant().isAfter(Instant.now()) || start.getYear() >= 2200) {
			p.add(new FieldError("start", "consultation.room.past"));
		}
		if (end == null) {
			p.add(new FieldError("end", "consultation.error.required"));
		}
		else if (start != null && !end.isAfter(start)) {
			p.add(new FieldError("end", "consultation.room.end-before-start"));
		}
		fieldErrors.failIfAny(p);
		start = start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		end = end.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		repository.requestRoom(id, zone.id(), zone.name(), start.toInstant(), end.toInstant());
		events.publishEvent(new ConsultationRoomRequested(id, zone.id(), start, end, actor.name(), t.title(),
				ConsultationRoomRequested.referenceOf(id)));
		return repository.find(id).orElseThrow();
	}

	private List<Space.Zone> rooms(Topic t) {
		return territories.lookup(t.communityId())
			.map(TerritoryNode::code)
			.map(code -> spaces.zonesOfKind(code, ZoneKind.CONSULTATION_ROOM))
			.orElse(List.of());
	}
}
