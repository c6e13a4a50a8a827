package org.jinlin.consultation.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationRoomRequested;
import org.jinlin.spaces.BookingCancelled;
import org.jinlin.spaces.BookingMade;
import org.jinlin.spaces.BookingRefused;
import org.jinlin.spaces.BookingReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The spaces module's answers to the rooms consultation asked for, recorded on the topic: booked (only the answer to
 * the request standing now: same zone and time), refused with the reason, or cancelled / released later. Answers
 * for other modules' bookings are ignored.
 */
@Component
@RequiredArgsConstructor
class RoomAnswers {

	private final ConsultationRepository repository;

	@ApplicationModuleListener
	void on(BookingMade e) {
		standing(e.reference(), e.zoneId(), e.start().toInstant(), e.end().toInstant())
			.ifPresent(t -> repository.answerRoom(t.id(), TopicRoom.Status.BOOKED, e.bookingId(), null));
	}

	@ApplicationModuleListener
	void on(BookingRefused e) {
		standing(e.reference(), e.zoneId(), e.start().toInstant(), e.end().toInstant())
			.filter(t -> t.room().pending())
			.ifPresent(t -> repository.answerRoom(t.id(), TopicRoom.Status.REFUSED, null, e.reason()));
	}

	@ApplicationModuleListener
	void on(BookingCancelled e) {
		lost(e.reference(), e.bookingId());
	}

	@ApplicationModuleListener
	void on(BookingReleased e) {
		lost(e.reference(), e.bookingId());
	}

	private void lost(String reference, long bookingId) {
		Long topicId = ConsultationRoomRequested.topicOf(reference);
		if (topicId == null) {
			return;
		}
		repository.find(topicId)
			.filter(t -> t.room() != null && t.room().booked() && Long.valueOf(bookingId).equals(t.room().bookingId()))
			.ifPresent(t -> repository.answerRoom(t.id(), TopicRoom.Status.CANCELLED, null, null));
	}

	private java.util.Optional<Topic> standing(String reference, long zoneId, java.time.Instant start,
			java.time.Instant end) {
		Long topicId = ConsultationRoomRequested.topicOf(reference);
		if (topicId == null) {
			return java.util.Optional.empty();
		}
		return repository.find(topicId)
			.filter(t -> t.room() != null && t.room().zoneId() == zoneId && t.room().start().equals(start)
					&& t.room().end().equals(end));
	}
}
